/**
 * The issue panel and the issue-context badge in a real browser: scores and criteria match
 * what the resolver computes, fixes are spelled out, blockers are named, both themes work,
 * and a ticked manual item survives a reload.
 */
import type { Envelope, IssueReadiness, JudgedReadiness } from '../../src/contract';
import { badgeHeadline } from '../../static/shared/format';
import { eventually, expectText, frameTheme, luminance, setupE2e, type WatchedPage } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();

async function expectedReadiness(issueKey: string): Promise<JudgedReadiness> {
  const result = await env.sandbox.invoke<Envelope<IssueReadiness>>('getReadiness', {}, { accountId: 'ana', issueKey });
  if (!result.ok) throw new Error(`getReadiness ${issueKey}: ${result.error.message}`);
  if (result.data.status !== 'judged') throw new Error(`${issueKey} is excluded from the Definition of Ready`);
  return result.data;
}

/** Waits for the panel's content and checks score, state and every criterion's status. */
async function expectPanelShows(ui: WatchedPage, expected: JudgedReadiness): Promise<void> {
  const panel = ui.app('readiness-panel');
  const score = Math.round(expected.score);
  await expectText(panel.getByTestId('readiness-score'), String(score));
  await expectText(panel.getByTestId('readiness-state'), expected.ready ? 'Ready' : 'Not ready');
  expect(await panel.getByTestId('readiness-state').getAttribute('data-state')).toBe(expected.ready ? 'ready' : 'not-ready');
  await expectText(panel.getByTestId('readiness-threshold'), `threshold ${expected.threshold}`);
  for (const criterion of expected.criteria) {
    expect({ id: criterion.id, status: await panel.getByTestId(`criterion-${criterion.id}`).getAttribute('data-status') }).toEqual({ id: criterion.id, status: criterion.status });
  }
  const badge = ui.app('issue-badge').getByTestId('readiness-badge');
  await expectText(badge, badgeHeadline(expected));
  await expectText(ui.app('issue-badge').getByTestId('readiness-score-small'), `Score ${score} of 100`);
}

describe('readiness panel', () => {
  it('the panels of a ready story, a vague story and a blocked story show the right scores and criteria', async () => {
    // The judgements themselves (DEMO-5 ready, DEMO-7 failing three criteria, DEMO-12 blocked) are proven in
    // test/integration/resolvers/readiness.test.ts; here the panel must show what the resolver answers.
    const ready = await expectedReadiness('DEMO-5');
    const readyUi = await env.open('/browse/DEMO-5?as=ana');
    await expectPanelShows(readyUi, ready);
    const readyPanel = readyUi.app('readiness-panel');
    expect(await readyPanel.getByTestId('criterion-acceptance-criteria').getAttribute('data-status')).toBe('pass');
    await expectText(readyPanel.getByTestId('no-flags'), 'No flags');
    await readyUi.shot('readiness-panel-ready-light');

    // Vague story: description, acceptance criteria and estimate fail, each with its fix shown.
    const vague = await expectedReadiness('DEMO-7');
    const vagueUi = await env.open('/browse/DEMO-7?as=ana');
    await expectPanelShows(vagueUi, vague);
    const vaguePanel = vagueUi.app('readiness-panel');
    for (const id of ['description', 'acceptance-criteria', 'estimate'] as const) {
      const criterion = vague.criteria.find((c) => c.id === id);
      await expectText(vaguePanel.getByTestId(`fix-${id}`), criterion?.fix ?? '(no fix text)');
      expect(await vaguePanel.getByTestId(`fix-${id}`).isVisible()).toBe(true);
    }
    await vagueUi.shot('readiness-panel-vague-light');

    // Blocked story: dependencies fail, and the blocker is named and linked.
    const blocked = await expectedReadiness('DEMO-12');
    const blockedUi = await env.open('/browse/DEMO-12?as=ana');
    await expectPanelShows(blockedUi, blocked);
    const blockedPanel = blockedUi.app('readiness-panel');
    expect(await blockedPanel.getByTestId('criterion-dependencies').getAttribute('data-status')).toBe('fail');
    await expectText(blockedPanel.getByTestId('flag-dependency'), 'DEMO-31');
    expect(await blockedPanel.getByTestId('related-DEMO-31').isVisible()).toBe(true);
    await blockedUi.shot('readiness-panel-light');
  });

  it('renders in the dark theme when the host is dark', async () => {
    const blocked = await expectedReadiness('DEMO-12');
    const ui = await env.open('/browse/DEMO-12?as=ana&theme=dark');
    await expectPanelShows(ui, blocked);
    for (const app of ['readiness-panel', 'issue-badge'] as const) {
      const theme = await frameTheme(await ui.frame(app));
      expect({ app, colorMode: theme.colorMode }).toEqual({ app, colorMode: 'dark' });
      expect(luminance(theme.background)).toBeLessThan(0.1);
    }
    // Text on the dark surface must be light, or the panel is unreadable.
    const panelFrame = await ui.frame('readiness-panel');
    const scoreColor = await panelFrame.getByTestId('readiness-score').evaluate((element) => getComputedStyle(element).color);
    expect(luminance(scoreColor)).toBeGreaterThan(0.4);
    await ui.shot('readiness-panel-dark');
  });

  it('an epic, excluded from the Definition of Ready, gets a plain sentence instead of a score', async () => {
    const ui = await env.open('/browse/DEMO-38?as=ana');
    const panel = ui.app('readiness-panel');
    await expectText(panel.getByTestId('readiness-state'), 'Epics are excluded from the Definition of Ready');
    expect(await panel.getByTestId('readiness-state').getAttribute('data-state')).toBe('excluded');
    expect(await panel.getByTestId('readiness-score').count()).toBe(0);
    await expectText(ui.app('issue-badge').getByTestId('readiness-badge'), 'Not part of the Definition of Ready');
  });

  it('the badge says in plain words what keeps a story from ready: no acceptance criteria, a blocker', async () => {
    const vague = await expectedReadiness('DEMO-7');
    const ui = await env.open('/browse/DEMO-7?as=raj');
    const badge = ui.app('issue-badge');
    await expectText(badge.getByTestId('readiness-badge'), 'No acceptance criteria');
    expect(await badge.getByTestId('readiness-badge').getAttribute('data-state')).toBe('not-ready');
    await expectText(badge.getByTestId('readiness-score-small'), `Score ${Math.round(vague.score)} of 100`);
    await ui.shot('issue-badge-not-ready', { around: ui.page.locator('iframe[src*="/ui/issue-badge/"]') });

    const blocked = await env.open('/browse/DEMO-12?as=raj');
    await expectText(blocked.app('issue-badge').getByTestId('readiness-badge'), 'Blocked by DEMO-31');
  });

  it('shows every status label whole, "○ Consider" included (DEMO-10 at 1280 px)', async () => {
    const expected = await expectedReadiness('DEMO-10');
    expect(expected.criteria.some((criterion) => criterion.status === 'consider' && !criterion.manual)).toBe(true);
    const ui = await env.open('/browse/DEMO-10?as=ana');
    const panel = ui.app('readiness-panel');
    await expectPanelShows(ui, expected);
    const statuses = await panel.locator('[data-testid^="status-of-"]').evaluateAll((nodes) =>
      nodes.map((node) => ({
        label: node.textContent,
        // Cut sideways with an ellipsis: some part of the lozenge is narrower than its text.
        clipped: [node, ...node.querySelectorAll('*')].some((part) => part.scrollWidth > part.clientWidth),
      })),
    );
    expect(statuses.length).toBe(expected.criteria.filter((criterion) => !criterion.manual).length);
    for (const status of statuses) expect(status).toEqual({ label: status.label, clipped: false });
  });

  it('a ticked manual checklist item stays ticked after a reload', async () => {
    const ui = await env.open('/browse/DEMO-6?as=ana');
    const panel = ui.app('readiness-panel');
    const item = panel.getByTestId('manual-team-discussed');
    await eventually(() => item.getAttribute('data-checked'), 'false');
    const before = await expectedReadiness('DEMO-6');

    const badge = ui.app('issue-badge').getByTestId('readiness-badge');
    await eventually(() => badge.getAttribute('data-score'), String(Math.round(before.score)));

    // Ticking changes the status, never the row's place: the next click lands where it aimed.
    const rowIds = () => panel.locator('[data-testid^="criterion-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    const order = await rowIds();
    await panel.getByTestId('manual-team-discussed--checkbox-label').click();
    await eventually(() => item.getAttribute('data-checked'), 'true');
    expect(await rowIds()).toEqual(order);
    await expectText(panel.getByTestId('checked-by-team-discussed'), 'Ticked by Ana Lopez');
    // The badge is another iframe: the panel's event makes it re-read its score, no page reload.
    const ticked = await expectedReadiness('DEMO-6');
    await eventually(() => badge.getAttribute('data-score'), String(Math.round(ticked.score)));

    await ui.page.reload({ waitUntil: 'load' });
    await eventually(() => ui.app('readiness-panel').getByTestId('manual-team-discussed').getAttribute('data-checked'), 'true');
    await expectText(ui.app('readiness-panel').getByTestId('checked-by-team-discussed'), 'Ticked by Ana Lopez');
    // The panel shows the score the resolver reports after the tick (that a tick raises the score is
    // proven in test/integration/resolvers/readiness.test.ts "ticks team-discussed …").
    const after = await expectedReadiness('DEMO-6');
    await expectText(ui.app('readiness-panel').getByTestId('readiness-score'), String(Math.round(after.score)));
  });
});
