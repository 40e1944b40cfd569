/** The global through which the e2e environment (environment.ts) tells the harness (browser.ts) that the current test failed. */
export const TEST_FAILED_FLAG = '__e2eTestFailed';
