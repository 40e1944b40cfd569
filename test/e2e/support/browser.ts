/**
 * Browser end-to-end harness: Debian's Chromium driven by playwright-core against a fresh
 * sandbox server per test file. Every page opened through `env.open()` is watched for CSP
 * violations (in every frame) and console/page errors; after each test the harness fails the test if
 * anything was reported, and after a failed test it saves a screenshot of every page the test left
 * open to .artifacts/screenshots/ (tests save the screens worth looking at themselves, with `shot`).
 *
 *   const env = setupE2e();
 *   it('…', async () => {
 *     const ui = await env.open('/browse/DEMO-5');
 *     const panel = ui.app('readiness-panel');
 *     await expectText(panel.getByTestId('readiness-state'), 'Ready');
 *   });
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/runtime';
import { startServer, type RunningServer } from '../../../sandbox/server';
import { TEST_FAILED_FLAG } from './test-failed-flag';

export const ROOT = path.resolve(__dirname, '../../..');
export const SCREENSHOT_DIR = path.join(ROOT, '.artifacts', 'screenshots');
export const UI_APPS = ['readiness-panel', 'issue-badge', 'refinement-agenda', 'project-settings'] as const;
export type UiApp = (typeof UI_APPS)[number];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Playwright waits (ms); generous because the first invoke imports the whole app. */
export const WAIT_MS = 15_000;

export interface CspViolation {
  url: string;
  directive: string;
  blockedURI: string;
  sample: string;
}

/** A page under watch: its frames, collected problems and screenshot helper. */
export interface WatchedPage {
  readonly page: Page;
  /** The Custom UI iframe of an app, located by its src (`/ui/<app>/`). */
  app(name: UiApp): FrameLocator;
  /** The live Frame of an app (for evaluate); waits until it is attached. */
  frame(name: UiApp): Promise<Frame>;
  /**
   * Saves .artifacts/screenshots/<name>.png of the whole page (or its top `maxHeight` pixels), or of
   * the area around `around` (a locator, also inside a frame) with `padding` pixels of margin; returns its path.
   */
  shot(name: string, options?: { fullPage?: boolean; around?: Locator; padding?: number; maxHeight?: number }): Promise<string>;
  readonly consoleErrors: string[];
  readonly cspViolations: CspViolation[];
}

export interface E2eEnv {
  readonly sandbox: Sandbox;
  readonly baseUrl: string;
  /** Opens `pathAndQuery` (e.g. `/browse/DEMO-5?as=ana`) in a fresh browser context. */
  open(pathAndQuery: string, options?: { viewport?: { width: number; height: number } }): Promise<WatchedPage>;
  /** Throws the sandbox and server away and starts fresh ones (same browser). */
  reset(options?: SandboxOptions): Promise<void>;
}

/** Fails fast with the fix instead of a blank frame: `npm test` builds the UI before jest. */
export function assertUiBuilt(): void {
  const missing = UI_APPS.filter((app) => !existsSync(path.join(ROOT, 'static', app, 'build', 'index.html')));
  if (missing.length > 0) {
    throw new Error(`The Custom UI is not built (missing static/{${missing.join(',')}}/build/index.html). Run \`npm run build\` before the e2e tests.`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs in every document of every frame before its own scripts (Playwright evaluates init
 * scripts through CDP, which the page's CSP does not block). Violations are kept on window
 * and also reported to the test process at once, so a frame that reloads loses none.
 */
function watchCspInPage(): void {
  const store: unknown[] = [];
  Reflect.set(window, '__cspViolations', store);
  document.addEventListener('securitypolicyviolation', (event) => {
    const entry = { url: document.location.href, directive: event.effectiveDirective || event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample };
    store.push(entry);
    const report: unknown = Reflect.get(window, '__reportCspViolation');
    if (typeof report === 'function') void Reflect.apply(report, window, [entry]);
  });
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

function isViolation(value: unknown): value is CspViolation {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'directive') === 'string';
}

function describeConsole(message: ConsoleMessage): string {
  const where = message.location();
  return `${message.text()} (${where.url}:${where.lineNumber})`;
}

interface OpenPage {
  watched: WatchedPage;
  context: BrowserContext;
}

/** Reads window.__cspViolations from every live frame (including the top page). */
async function violationsInFrames(page: Page): Promise<CspViolation[]> {
  const found: CspViolation[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const list: unknown = await frame.evaluate((): unknown => Reflect.get(window, '__cspViolations')).catch(() => []);
    if (Array.isArray(list)) found.push(...list.filter(isViolation));
  }
  return found;
}

function watch(params: { page: Page; context: BrowserContext }): OpenPage {
  const { page } = params;
  const consoleErrors: string[] = [];
  const cspViolations: CspViolation[] = [];
  // console covers every frame of the page; pageerror catches uncaught exceptions.
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(describeConsole(message));
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('crash', () => consoleErrors.push('page crashed'));
  const open: OpenPage = {
    context: params.context,
    watched: {
      page,
      consoleErrors,
      cspViolations,
      app: (name) => page.frameLocator(`iframe[src*="/ui/${name}/"]`),
      async frame(name) {
        const handle = await page.waitForSelector(`iframe[src*="/ui/${name}/"]`, { timeout: WAIT_MS });
        const frame = await handle.contentFrame();
        if (frame === null) throw new Error(`The ${name} iframe has no content frame`);
        return frame;
      },
      async shot(name, options = {}) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        // Let the host apply the iframes' last resize message before capturing.
        await page.waitForTimeout(150);
        if (options.around) {
          await options.around.scrollIntoViewIfNeeded();
          const box = await options.around.boundingBox();
          if (box === null) throw new Error(`shot(${name}): the element is not visible`);
          const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
          const pad = options.padding ?? 16;
          const x = Math.max(0, box.x + scroll.x - pad);
          const y = Math.max(0, box.y + scroll.y - pad);
          const clip = { x, y, width: box.width + 2 * pad, height: box.height + 2 * pad };
          await page.screenshot({ path: file, fullPage: true, clip, animations: 'disabled' });
        } else if (options.maxHeight !== undefined) {
          // The top of a long page (README images must stay small).
          const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
          await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, options.maxHeight) }, animations: 'disabled' });
        } else {
          await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
        }
        return file;
      },
    },
  };
  return open;
}

/**
 * Jest lifecycle for one e2e file: a fresh sandbox (`createSandbox({ seed: 'demo', playVotes: true })`
 * unless options say otherwise), its server on a random port, and one Chromium for the file.
 */
export function setupE2e(options: SandboxOptions = {}): E2eEnv {
  let browser: Browser | null = null;
  let sandbox: Sandbox | null = null;
  let server: RunningServer | null = null;
  let pages: OpenPage[] = [];
  const violationsReported = new WeakMap<BrowserContext, CspViolation[]>();

  const start = async (sandboxOptions: SandboxOptions) => {
    sandbox = await createSandbox({ seed: 'demo', playVotes: true, logErrors: false, ...sandboxOptions });
    server = await startServer({ port: 0, sandbox });
  };

  beforeAll(async () => {
    assertUiBuilt();
    browser = await launchBrowser();
    await start(options);
  });

  afterEach(async () => {
    const current = pages;
    pages = [];
    const testName = slug(expect.getState().currentTestName ?? 'test');
    const failed = Reflect.get(globalThis, TEST_FAILED_FLAG) === true;
    const problems: string[] = [];
    for (const [index, open] of current.entries()) {
      const { page } = open.watched;
      if (!page.isClosed()) {
        if (failed) await open.watched.shot(`failed-${testName}${index === 0 ? '' : `-${index + 1}`}`).catch(() => undefined);
        const inFrames = await violationsInFrames(page);
        const reported = violationsReported.get(open.context) ?? [];
        const all = [...reported, ...inFrames.filter((v) => !reported.some((r) => r.url === v.url && r.directive === v.directive && r.blockedURI === v.blockedURI))];
        open.watched.cspViolations.push(...all);
      }
      for (const v of open.watched.cspViolations) problems.push(`CSP violation in ${v.url}: ${v.directive} blocked ${v.blockedURI || '(inline)'} ${v.sample}`);
      // No allow-list: the sandbox serves every asset the apps load, so any console error is a defect.
      for (const e of open.watched.consoleErrors) problems.push(`console error: ${e}`);
      await open.context.close();
    }
    sandbox?.faults.clear();
    // The next test starts from a quiet sandbox: the triggers and queued jobs this test's writes raised are done.
    await sandbox?.settle();
    if (problems.length > 0) throw new Error(`Browser problems in "${testName}":\n  ${problems.join('\n  ')}`);
  });

  afterAll(async () => {
    await sandbox?.settle();
    await server?.close();
    await browser?.close();
    browser = null;
  });

  const env: E2eEnv = {
    get sandbox() {
      if (sandbox === null) throw new Error('setupE2e(): the sandbox exists only inside tests');
      return sandbox;
    },
    get baseUrl() {
      if (server === null) throw new Error('setupE2e(): the server exists only inside tests');
      return server.url;
    },
    async open(pathAndQuery, openOptions = {}) {
      if (browser === null) throw new Error('setupE2e(): no browser (beforeAll failed?)');
      const context = await browser.newContext({ viewport: openOptions.viewport ?? { width: 1280, height: 900 }, baseURL: env.baseUrl });
      context.setDefaultTimeout(WAIT_MS);
      const reported: CspViolation[] = [];
      violationsReported.set(context, reported);
      await context.exposeBinding('__reportCspViolation', (_source, entry: unknown) => {
        if (isViolation(entry)) reported.push(entry);
      });
      await context.addInitScript(watchCspInPage);
      const page = await context.newPage();
      const open = watch({ page, context });
      pages.push(open);
      const response = await page.goto(pathAndQuery, { waitUntil: 'load' });
      if (response === null || !response.ok()) throw new Error(`GET ${pathAndQuery} answered ${response?.status() ?? 'nothing'}`);
      return open.watched;
    },
    async reset(resetOptions = options) {
      await sandbox?.settle();
      await server?.close();
      await start(resetOptions);
    },
  };
  return env;
}

/** Waits until the locator's text contains `text` (auto-retrying, like Playwright's expect). */
export async function expectText(locator: Locator, text: string | RegExp, timeout = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await locator.first().textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null)) ?? '';
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return;
    if (Date.now() > deadline) throw new Error(`Expected ${String(locator)} to contain ${String(text)}, got "${last}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until `read()` returns `expected` (deep-equal by JSON), for attributes and counts. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeout = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) throw new Error(`Expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The relative luminance (0–1) of a CSS colour such as `rgb(29, 33, 37)`. */
export function luminance(cssColor: string): number {
  const parts = /rgba?\(([^)]+)\)/.exec(cssColor)?.[1]?.split(',').map((p) => Number.parseFloat(p.trim())) ?? [];
  const [r = 255, g = 255, b = 255] = parts;
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The theme a Custom UI frame actually shows: its data-color-mode and the body's background. */
export async function frameTheme(frame: Frame): Promise<{ colorMode: string | null; background: string }> {
  return frame.evaluate(() => ({ colorMode: document.documentElement.getAttribute('data-color-mode'), background: getComputedStyle(document.body).backgroundColor }));
}
