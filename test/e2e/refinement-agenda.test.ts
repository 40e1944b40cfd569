/**
 * The project page: the agenda table with its flags and timeboxes, sorting, session length,
 * the Sprint check and Runway tabs, "Copy agenda" (with the clipboard fallback), issue links
 * that navigate the host page, both themes, an empty project and the error state with Retry.
 */
import type { Locator } from 'playwright-core';
import type { Agenda, Envelope } from '../../src/contract';
import { eventually, expectText, frameTheme, luminance, setupE2e } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();

async function expectedAgenda(params: { projectKey: string; sessionMinutes?: number }): Promise<Agenda> {
  const payload = params.sessionMinutes === undefined ? {} : { sessionMinutes: params.sessionMinutes };
  const result = await env.sandbox.invoke<Envelope<Agenda>>('getAgenda', payload, { accountId: 'ana', projectKey: params.projectKey });
  if (!result.ok) throw new Error(`getAgenda ${params.projectKey}: ${result.error.message}`);
  return result.data;
}

/** Issue keys of the agenda table's rows, top to bottom. */
async function rowKeys(table: Locator): Promise<string[]> {
  const ids = await table.locator('[data-testid^="agenda-row-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('agenda-row-', ''));
}

describe('refinement agenda', () => {
  it('lists the not-ready items with their flags and timeboxes, sorts, and changes the session length', async () => {
    const expected = await expectedAgenda({ projectKey: 'DEMO' });
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    const table = app.getByTestId('agenda-table');
    await table.waitFor();

    expect(await rowKeys(table)).toEqual(expected.items.map((item) => item.issueKey));
    expect(await app.getByTestId('flag-DEMO-12-dependency-order').count()).toBe(1);
    expect(await app.getByTestId('flag-DEMO-20-dependency-cycle').count()).toBe(1);
    expect(await app.getByTestId('flag-DEMO-9-divergence').count()).toBe(1);
    // DEMO-5 is ready: nothing to refine.
    expect(await app.getByTestId('agenda-row-DEMO-5').count()).toBe(0);
    await expectText(app.getByTestId('timebox-total'), `${expected.totalMinutes} of ${expected.sessionMinutes} min`);
    for (const item of expected.items) await expectText(app.getByTestId(`timebox-${item.issueKey}`), String(item.timeboxMinutes));
    await ui.shot('refinement-agenda-light');

    // Sorting by key orders DEMO-9 before DEMO-12 (numeric, not text order).
    await table.locator('thead').getByRole('button', { name: 'Key' }).click();
    const byKey = [...expected.items.map((item) => item.issueKey)].sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    await eventually(() => rowKeys(table), byKey);

    const shorter = await expectedAgenda({ projectKey: 'DEMO', sessionMinutes: 30 });
    await app.getByTestId('session-minutes-30').click();
    await eventually(() => app.getByTestId('session-minutes').getAttribute('data-value'), '30');
    await expectText(app.getByTestId('timebox-total'), `${shorter.totalMinutes} of 30 min`);
    // 30 minutes cannot hold the 60-minute agenda: what does not fit is carried over.
    const carried = shorter.carryOver[0]?.issueKey;
    expect(carried).toBeDefined();
    expect(await app.getByTestId('carry-over').getByTestId(`agenda-row-${carried ?? ''}`).count()).toBe(1);
  });

  it('shows the over-committed DEMO Sprint 14 in the Sprint check tab and the runway in the Runway tab', async () => {
    const expected = await expectedAgenda({ projectKey: 'DEMO' });
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();

    await app.getByTestId('tab-sprint-check').click();
    const check = app.getByTestId('sprint-check');
    await check.waitFor();
    await expectText(check.getByRole('heading', { level: 2 }), 'DEMO Sprint 14');
    await expectText(app.getByTestId('over-commitment'), '23 points planned against a velocity of 21');
    await expectText(app.getByTestId('planned-points'), '23 pt');
    expect(await app.getByTestId('sprint-row-DEMO-7').count()).toBe(1);
    expect(await app.getByTestId('sprint-row-DEMO-12').count()).toBe(1);
    await ui.shot('refinement-sprint-check-light');

    // Sorting by key is numeric here too: DEMO-7 before DEMO-12.
    const sprintTable = app.getByTestId('sprint-check-table');
    const sprintKeys = () => sprintTable.locator('[data-testid^="sprint-row-"]').evaluateAll((nodes) => nodes.map((node) => (node.getAttribute('data-testid') ?? '').replace('sprint-row-', '')));
    const byKey = [...(await sprintKeys())].sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    await sprintTable.locator('thead').getByRole('button', { name: 'Key' }).click();
    await eventually(sprintKeys, byKey);

    await app.getByTestId('tab-runway').click();
    await expectText(app.getByTestId('runway-message'), expected.runway.message);
    await expectText(app.getByTestId('runway-sprints'), expected.runway.sprints === null ? '?' : expected.runway.sprints.toFixed(1));
    await ui.shot('refinement-runway-light');
  });

  it('copies the agenda as Markdown to the clipboard', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    await ui.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.baseUrl });
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();
    await app.getByTestId('copy-agenda').click();
    await expectText(app.getByTestId('copy-agenda-done'), 'Agenda copied as Markdown');
    const frame = await ui.frame('refinement-agenda');
    const copied = await frame.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('# Refinement agenda');
    expect(copied).toContain('**DEMO-12**');
  });

  it('falls back to a selected textarea when the frame may not use the clipboard', async () => {
    const ui = await env.open('/?as=ana');
    // Real Forge frames are cross-origin and get no clipboard-write permission; the sandbox's
    // frames are same-origin, so impose the same policy on the agenda frame's document.
    await ui.page.route('**/ui/refinement-agenda/index.html?**', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'clipboard-write=()' } });
    });
    await ui.page.goto('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();
    await app.getByTestId('copy-agenda').click();
    const markdown = app.getByTestId('copy-agenda-text');
    await markdown.waitFor();
    const text = await markdown.inputValue();
    expect(text).toContain('# Refinement agenda');
    expect(text).toContain('**DEMO-12**');
    expect(text).toContain('**DEMO-20**');
    // The fallback selects the whole text so Ctrl+C copies it.
    const selected = await markdown.evaluate((element) => (element instanceof HTMLTextAreaElement ? element.selectionEnd - element.selectionStart : -1));
    expect(selected).toBe(text.length);
    await ui.shot('refinement-agenda-copy-fallback');
  });

  it('an issue link navigates the top page to the issue', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-row-DEMO-12').getByRole('link', { name: 'DEMO-12' }).click();
    await ui.page.waitForURL(/\/browse\/DEMO-12\?/);
    await expectText(ui.page.getByTestId('issue-summary'), 'Pay with PayPal in one click');
    await ui.app('readiness-panel').getByTestId('readiness-score').waitFor();
  });

  it('renders in the dark theme', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana&theme=dark');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();
    const theme = await frameTheme(await ui.frame('refinement-agenda'));
    expect(theme.colorMode).toBe('dark');
    expect(luminance(theme.background)).toBeLessThan(0.1);
    const textColor = await app.getByTestId('timebox-total').evaluate((element) => getComputedStyle(element).color);
    expect(luminance(textColor)).toBeGreaterThan(0.4);
    await ui.shot('refinement-agenda-dark');
    await app.getByTestId('tab-sprint-check').click();
    await app.getByTestId('over-commitment').waitFor();
    await ui.shot('refinement-sprint-check-dark');
  });

  it('renders a project without sprints (OPS, a Kanban board) without errors, and says why', async () => {
    const expected = await expectedAgenda({ projectKey: 'OPS' });
    const ui = await env.open('/projects/OPS/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    if (expected.items.length === 0) await app.getByTestId('empty-state').waitFor();
    else expect(await rowKeys(app.getByTestId('agenda-table'))).toEqual(expected.items.map((item) => item.issueKey));
    await expectText(app.getByTestId('velocity'), expected.velocity.value === null ? 'unknown' : 'points a sprint');
    expect(await app.getByTestId('error-state').count()).toBe(0);
    // A Kanban board has no sprints, which is not an error: the sprint check says so in plain words.
    await app.getByTestId('tab-sprint-check').click();
    await expectText(app.getByTestId('sprint-check'), 'is a Kanban board, so there are no sprints to check');
    expect(await app.getByTestId('error-state').count()).toBe(0);
    expect(await app.getByTestId('retry').count()).toBe(0);
    await ui.shot('refinement-agenda-kanban');
  });

  it('shows the error with a Retry button while Jira fails, and the table after Retry', async () => {
    // The resolver logs the unexpected Jira outage for the developer console; keep test output quiet.
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    env.sandbox.faults.set({ serverError: { status: 503, count: 'always' } });
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    const error = app.getByTestId('error-state');
    await error.waitFor({ timeout: 30_000 });
    await expectText(error, 'Could not build the agenda');
    expect(await app.getByTestId('retry').isVisible()).toBe(true);
    expect(await error.getAttribute('data-code')).toBe('JIRA_UNAVAILABLE');
    expect(log).toHaveBeenCalled();
    await ui.shot('refinement-agenda-error');

    env.sandbox.faults.clear();
    await app.getByTestId('retry').click();
    await app.getByTestId('agenda-table').waitFor();
    expect(await app.getByTestId('error-state').count()).toBe(0);
  });
});
