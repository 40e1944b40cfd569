/**
 * A long backlog: 200 not-ready, unestimated stories ranked above the demo backlog, and the
 * agenda set to its widest horizon (10 sprints, 50 items, 8-hour session). The page must render every planned row and
 * stay responsive. Timings are recorded in .artifacts/e2e-timings.json, never asserted
 * (they depend on the machine).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Agenda, Envelope, SettingsView } from '../../src/contract';
import { eventually, expectText, ROOT, setupE2e } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e({ playVotes: false });
const CANDIDATES = 200;
const timings: Record<string, number> = {};

beforeAll(async () => {
  const jira = env.sandbox.jira;
  let previous: string | null = null;
  for (let i = 1; i <= CANDIDATES; i++) {
    const created = jira.createIssue({ projectKey: 'DEMO', type: 'Story', summary: `Bulk candidate ${i}: something vague about payments`, description: null }, 'raj');
    // Keep them in creation order at the top of the backlog (above DEMO-9).
    if (previous === null) jira.rankIssue(created.key, { before: 'DEMO-9' }, 'raj');
    else jira.rankIssue(created.key, { after: previous }, 'raj');
    previous = created.key;
  }
  await env.sandbox.settle();
  const view = await env.sandbox.invoke<Envelope<SettingsView>>('getSettings', {}, { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'definition-of-ready' });
  if (!view.ok) throw new Error(view.error.message);
  // The widest horizon the settings allow, so the agenda plans as many rows as it ever will.
  const settings = { ...view.data.settings, agenda: { ...view.data.settings.agenda, maxItems: 50, horizonSprints: 10, sessionMinutes: 480 } };
  const saved = await env.sandbox.invoke<Envelope<SettingsView>>('saveSettings', { settings }, { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'definition-of-ready' });
  if (!saved.ok) throw new Error(saved.error.message);
});

afterAll(() => {
  const file = path.join(ROOT, '.artifacts', 'e2e-timings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ test: 'large-backlog', candidates: CANDIDATES, ms: timings }, null, 2)}\n`);
});

describe('agenda with 200 candidates', () => {
  it('renders the planned rows and stays responsive', async () => {
    const expectedResult = await env.sandbox.invoke<Envelope<Agenda>>('getAgenda', {}, { accountId: 'ana', projectKey: 'DEMO' });
    if (!expectedResult.ok) throw new Error(expectedResult.error.message);
    const expected = expectedResult.data;
    const rows = expected.items.length + expected.carryOver.length;
    expect(rows).toBeGreaterThanOrEqual(40);

    const started = Date.now();
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();
    timings.loadToTable = Date.now() - started;

    const rendered = await app.locator('[data-testid^="agenda-row-"]').count();
    expect(rendered).toBe(rows);
    await expectText(app.getByTestId('timebox-total'), `${expected.totalMinutes} of ${expected.sessionMinutes} min`);
    await expectText(app.getByTestId('agenda-table'), 'Bulk candidate 1:');

    // Responsiveness: a sort and a session change both answer promptly (recorded, not asserted).
    let mark = Date.now();
    const summaryHeader = app.getByTestId('agenda-table').getByRole('columnheader', { name: 'Summary' });
    // Atlaskit sorts from the header's sort button, not from the whole cell.
    await summaryHeader.getByRole('button', { name: 'Summary' }).click();
    await eventually(() => summaryHeader.getAttribute('aria-sort'), 'ascending');
    // "Bulk candidate 1:", "Bulk candidate 10:"… sort before "Pay with PayPal…" and the rest.
    await expectText(app.getByTestId('agenda-table').locator('tbody tr').first(), 'Bulk candidate 1');
    timings.sortBySummary = Date.now() - mark;

    mark = Date.now();
    await app.getByTestId('session-minutes-90').click();
    await eventually(() => app.getByTestId('session-minutes').getAttribute('data-value'), '90');
    await expectText(app.getByTestId('timebox-total'), 'of 90 min');
    // What no longer fits the 90 minutes moves to the carry-over table; every row is still there.
    await eventually(() => app.locator('[data-testid^="agenda-row-"]').count(), rows);
    expect(await app.getByTestId('carry-over').locator('[data-testid^="agenda-row-"]').count()).toBeGreaterThan(0);
    timings.sessionChange = Date.now() - mark;

    mark = Date.now();
    const frame = await ui.frame('refinement-agenda');
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    timings.animationFrame = Date.now() - mark;
    await ui.shot('refinement-agenda-200-candidates', { maxHeight: 2400 });
  });
});
