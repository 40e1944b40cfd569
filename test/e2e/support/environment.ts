/**
 * The browser tests' Jest environment: Node's, plus one flag the harness reads after each test, whether
 * the test failed. The harness screenshots every page a failed test left open (the picture of what went
 * wrong); a passing test keeps only the screenshots it took itself.
 */
import { TestEnvironment } from 'jest-environment-node';
import { TEST_FAILED_FLAG } from './test-failed-flag';

/** The part of jest-circus' events read here (the full type is in @jest/types' Circus.Event). */
interface CircusEvent {
  name: string;
}

export default class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event: CircusEvent): void {
    // jest-circus sends test_fn_failure before the afterEach hooks run.
    if (event.name === 'test_start') Reflect.set(this.global, TEST_FAILED_FLAG, false);
    if (event.name === 'test_fn_failure') Reflect.set(this.global, TEST_FAILED_FLAG, true);
  }
}
