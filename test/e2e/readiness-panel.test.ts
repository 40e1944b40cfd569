/**
 * The issue panel and the issue-context badge in a real browser: scores and criteria match
 * what the resolver computes, fixes are spelled out, blockers are named, both themes work,
 * and a ticked manual item survives a reload.
 */
import type { Envelope, IssueReadiness } from '../../src/contract';
import { eventually, expectText, frameTheme, luminance, setupE2e, type WatchedPage } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();

async function expectedReadiness(issueKey: string): Promise<IssueReadiness> {
  const result = await env.sandbox.invoke<Envelope<IssueReadiness>>('getReadiness', {}, { accountId: 'ana', issueKey });
  if (!result.ok) throw new Error(`getReadiness ${issueKey}: ${result.error.message}`);
  return result.data;
}

/** Waits for the panel's content and checks score, state and every criterion's status. */
async function expectPanelShows(ui: WatchedPage, expected: IssueReadiness): Promise<void> {
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
  await expectText(badge, `${expected.ready ? 'Ready' : 'Not ready'} · ${score}`);
}

describe('readiness panel', () => {
  it('the panels of a ready story, a vague story and a blocked story show the right scores and criteria', async () => {
    // Ready story: score at or above the threshold, acceptance criteria pass.
    const ready = await expectedReadiness('DEMO-5');
    expect(ready.ready).toBe(true);
    expect(ready.score).toBeGreaterThanOrEqual(80);
    const readyUi = await env.open('/browse/DEMO-5?as=ana');
    await expectPanelShows(readyUi, ready);
    const readyPanel = readyUi.app('readiness-panel');
    expect(await readyPanel.getByTestId('criterion-acceptance-criteria').getAttribute('data-status')).toBe('pass');
    await expectText(readyPanel.getByTestId('no-flags'), 'No flags');
    await readyUi.shot('readiness-panel-ready-light');

    // Vague story: description, acceptance criteria and estimate fail, each with its fix shown.
    const vague = await expectedReadiness('DEMO-7');
    expect(vague.ready).toBe(false);
    const vagueUi = await env.open('/browse/DEMO-7?as=ana');
    await expectPanelShows(vagueUi, vague);
    const vaguePanel = vagueUi.app('readiness-panel');
    for (const id of ['description', 'acceptance-criteria', 'estimate'] as const) {
      const criterion = vague.criteria.find((c) => c.id === id);
      expect(criterion?.status).toBe('fail');
      await expectText(vaguePanel.getByTestId(`fix-${id}`), criterion?.fix ?? '(no fix text)');
      expect(await vaguePanel.getByTestId(`fix-${id}`).isVisible()).toBe(true);
    }
    await vagueUi.shot('readiness-panel-vague-light');

    // Blocked story: dependencies fail, and the blocker is named and linked.
    const blocked = await expectedReadiness('DEMO-12');
    expect(blocked.ready).toBe(false);
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

  it('the badge says "Not ready · NN" with the top gap for a vague story', async () => {
    const vague = await expectedReadiness('DEMO-7');
    const ui = await env.open('/browse/DEMO-7?as=raj');
    const badge = ui.app('issue-badge');
    await expectText(badge.getByTestId('readiness-badge'), `Not ready · ${Math.round(vague.score)}`);
    expect(await badge.getByTestId('readiness-badge').getAttribute('data-state')).toBe('not-ready');
    await expectText(badge.getByTestId('readiness-gap'), 'missing:');
    await ui.shot('issue-badge-not-ready', { around: ui.page.locator('iframe[src*="/ui/issue-badge/"]') });
  });

  it('a ticked manual checklist item stays ticked after a reload', async () => {
    const ui = await env.open('/browse/DEMO-6?as=ana');
    const panel = ui.app('readiness-panel');
    const item = panel.getByTestId('manual-team-discussed');
    await eventually(() => item.getAttribute('data-checked'), 'false');
    const before = await expectedReadiness('DEMO-6');

    const badge = ui.app('issue-badge').getByTestId('readiness-badge');
    await eventually(() => badge.getAttribute('data-score'), String(Math.round(before.score)));

    await panel.getByTestId('manual-team-discussed--checkbox-label').click();
    await eventually(() => item.getAttribute('data-checked'), 'true');
    await expectText(panel.getByTestId('checked-by-team-discussed'), 'Ticked by Ana Lopez');
    // The badge is another iframe: the panel's event makes it re-read its score, no page reload.
    const ticked = await expectedReadiness('DEMO-6');
    await eventually(() => badge.getAttribute('data-score'), String(Math.round(ticked.score)));

    await ui.page.reload({ waitUntil: 'load' });
    await eventually(() => ui.app('readiness-panel').getByTestId('manual-team-discussed').getAttribute('data-checked'), 'true');
    await expectText(ui.app('readiness-panel').getByTestId('checked-by-team-discussed'), 'Ticked by Ana Lopez');
    // The tick counts in the score the resolver reports, and the panel shows that score.
    const after = await expectedReadiness('DEMO-6');
    expect(after.score).toBeGreaterThan(before.score);
    await expectText(ui.app('readiness-panel').getByTestId('readiness-score'), String(Math.round(after.score)));
  });
});
