/**
 * Jira text is data, never markup: summaries and descriptions carrying HTML and script render
 * literally in the panel, the badge, the agenda and the settings preview, and nothing runs
 * (no window.__xss in any frame, no dialogs, no CSP violations, no injected elements).
 */
import type { Frame } from 'playwright-core';
import { expectText, setupE2e, type WatchedPage } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();

const IMG_SUMMARY = '<img src=x onerror="window.__xss=1">';
const SCRIPT_SUMMARY = '<script>window.__xss=2</script>';
const HTML_DESCRIPTION = 'As a <b>shopper</b>, I want <img src=x onerror="window.__xss=3"> so that <script>window.__xss=4</script> works. TBD <a href="javascript:window.__xss=5">click</a>';

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let createdKey = '';

beforeAll(async () => {
  const created = env.sandbox.jira.createIssue({ projectKey: 'DEMO', type: 'Story', summary: IMG_SUMMARY, description: doc(HTML_DESCRIPTION) }, 'raj');
  createdKey = created.key;
  // DEMO-7 and DEMO-9 are on the agenda, so their summaries reach the agenda table too.
  env.sandbox.jira.editIssue('DEMO-7', { summary: IMG_SUMMARY, description: doc(HTML_DESCRIPTION) }, 'raj');
  env.sandbox.jira.editIssue('DEMO-9', { summary: SCRIPT_SUMMARY }, 'raj');
  await env.sandbox.settle();
});

/** Nothing ran and nothing was injected, in the top page and every frame. */
async function expectNothingRan(ui: WatchedPage, dialogs: string[]): Promise<void> {
  const frames: Frame[] = ui.page.frames();
  expect(frames.length).toBeGreaterThan(1);
  for (const frame of frames) {
    const state = await frame.evaluate(() => ({
      url: document.location.pathname,
      xss: Reflect.get(window, '__xss') as unknown,
      injectedImages: document.querySelectorAll('img[src="x"]').length,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'shopper').length,
      jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    }));
    expect(state).toEqual({ url: state.url, xss: undefined, injectedImages: 0, inlineScripts: 0, bold: 0, jsLinks: 0 });
  }
  expect(dialogs).toEqual([]);
}

function recordDialogs(ui: WatchedPage): string[] {
  const dialogs: string[] = [];
  ui.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

describe('hostile Jira text', () => {
  it('renders summaries and descriptions literally in the issue panel and badge', async () => {
    const ui = await env.open(`/browse/${createdKey}?as=ana`);
    const dialogs = recordDialogs(ui);
    const panel = ui.app('readiness-panel');
    await panel.getByTestId('checklist').waitFor();
    await ui.app('issue-badge').getByTestId('readiness-badge').waitFor();
    // The engine quotes the description back (e.g. the open "TBD"); it must arrive as text.
    await expectText(panel.getByTestId('checklist'), 'TBD');
    await expectText(panel.getByTestId('flag-unknowns'), '<a href="javascript:window.__xss=5">click</a>');
    await expectText(ui.page.getByTestId('issue-summary'), IMG_SUMMARY);
    await expectNothingRan(ui, dialogs);
    await ui.shot('xss-panel');
  });

  it('renders hostile summaries literally in the agenda, the sprint check and the settings preview', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const dialogs = recordDialogs(ui);
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();
    expect(await app.getByTestId('agenda-table').getByText(IMG_SUMMARY, { exact: true }).count()).toBe(1);
    expect(await app.getByTestId('agenda-table').getByText(SCRIPT_SUMMARY, { exact: true }).count()).toBe(1);
    await app.getByTestId('tab-sprint-check').click();
    await app.getByTestId('sprint-check-table').waitFor();
    expect(await app.getByTestId('sprint-check-table').getByText(IMG_SUMMARY, { exact: true }).count()).toBe(1);
    await expectNothingRan(ui, dialogs);
    await ui.shot('xss-agenda');

    const settings = await env.open('/projects/DEMO/settings?as=ana');
    const settingsDialogs = recordDialogs(settings);
    const preview = settings.app('project-settings').getByTestId('preview');
    await preview.getByTestId('preview-counts').waitFor();
    expect(await preview.getByText(SCRIPT_SUMMARY, { exact: true }).count()).toBe(1);
    await expectNothingRan(settings, settingsDialogs);
  });
});
