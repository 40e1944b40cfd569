/**
 * One judgement in every view, in a real browser (issue 13): a reveal of diverging votes turns the
 * checklist, the flags and the badge to "not ready" without a reload; accepting an estimate clears
 * the divergence from the panel and the agenda and shows the new Story points on the issue page;
 * a 30-minute session plans no more than 30 minutes; at 420 px the agenda is a list of cards.
 */
import type { Locator } from 'playwright-core';
import type { Agenda, Envelope } from '../../src/contract';
import { eventually, expectText, setupE2e } from './support/browser';

jest.setTimeout(90_000);

const env = setupE2e({ playVotes: false });
// A ready story in the next sprint (DEMO Sprint 14), 5 points, no votes in the seed.
const ISSUE = 'DEMO-5';

async function agendaOf(payload: { sessionMinutes?: number } = {}): Promise<Agenda> {
  const result = await env.sandbox.invoke<Envelope<Agenda>>('getAgenda', payload, { accountId: 'ana', projectKey: 'DEMO' });
  if (!result.ok) throw new Error(`getAgenda: ${result.error.message}`);
  return result.data;
}

const minutesOf = async (cells: Locator): Promise<number[]> => (await cells.allTextContents()).map((text) => Number.parseInt(text, 10));

describe('one judgement in every view', () => {
  it('a reveal of 3 vs 13 turns the checklist, flags and badge to not ready at once; accepting clears it in the panel, the agenda and the Story points field', async () => {
    await expectText((await env.open(`/browse/${ISSUE}?as=raj`)).page.getByTestId('story-points'), '5');
    // Raj voted 13 from his own browser earlier.
    const rajVote = await env.sandbox.invoke<Envelope<unknown>>('castVote', { value: '13' }, { accountId: 'raj', issueKey: ISSUE });
    expect(rajVote.ok).toBe(true);

    const ui = await env.open(`/browse/${ISSUE}?as=ana`);
    const panel = ui.app('readiness-panel');
    const badge = ui.app('issue-badge').getByTestId('readiness-badge');
    const agreement = panel.getByTestId('criterion-estimate-agreement');
    await eventually(() => panel.getByTestId('readiness-state').getAttribute('data-state'), 'ready');
    await expectText(badge, 'Ready');

    await panel.getByTestId('vote-card-3').click();
    await eventually(() => panel.getByTestId('voters').getAttribute('data-count'), '2');
    await expectText(panel.getByTestId('detail-estimate-agreement'), 'not revealed yet');

    await panel.getByTestId('reveal-votes').click();
    await expectText(panel.getByTestId('divergence-summary'), '3 vs 13');
    // No reload: the checklist, the state, the flags and the badge follow the reveal.
    await eventually(() => agreement.getAttribute('data-status'), 'fail');
    await expectText(panel.getByTestId('detail-estimate-agreement'), '3 vs 13');
    await eventually(() => panel.getByTestId('readiness-state').getAttribute('data-state'), 'not-ready');
    await panel.getByTestId('flag-divergence').waitFor();
    await expectText(badge, 'Estimates diverge');
    await ui.shot('judgement-after-reveal', { around: panel.locator('main'), padding: 8 });

    // The agenda puts it on the list to agree the estimate.
    const agendaUi = await env.open('/projects/DEMO/agenda?as=ana');
    const agendaApp = agendaUi.app('refinement-agenda');
    await agendaApp.getByTestId('agenda-table').waitFor();
    expect(await agendaApp.getByTestId(`flag-${ISSUE}-divergence`).count()).toBe(1);

    // 8, not the 5 it had: the Story points field must visibly change.
    await panel.getByTestId('accept-card-8').click();
    await panel.getByTestId('accept-estimate').click();
    await eventually(() => panel.getByTestId('accepted-estimate').getAttribute('data-value'), '8');
    // Settled: no divergence warning, nothing left to accept, the criterion passes, the item is ready again.
    await eventually(() => panel.getByTestId('divergence').count(), 0);
    expect(await panel.getByTestId('accept-estimate').count()).toBe(0);
    await eventually(() => agreement.getAttribute('data-status'), 'pass');
    await eventually(() => panel.getByTestId('readiness-state').getAttribute('data-state'), 'ready');
    expect(await panel.getByTestId('flag-divergence').count()).toBe(0);
    await expectText(badge, 'Ready');
    // Jira's own field on the issue page shows the accepted estimate without a reload.
    await expectText(ui.page.getByTestId('story-points'), '8');

    await agendaApp.getByTestId('refresh-agenda').click();
    await eventually(() => agendaApp.getByTestId(`agenda-row-${ISSUE}`).count(), 0);
    expect(await agendaApp.getByTestId(`flag-${ISSUE}-divergence`).count()).toBe(0);
  });

  it('a 30-minute session plans no more than 30 minutes', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('agenda-table').waitFor();
    await app.getByTestId('session-minutes-30').click();
    await eventually(() => app.getByTestId('session-minutes').getAttribute('data-value'), '30');
    // That the plan fits 30 minutes is proven in test/integration/resolvers/agenda.test.ts; here the page must show it.
    const expected = await agendaOf({ sessionMinutes: 30 });
    await expectText(app.getByTestId('timebox-total'), `${expected.totalMinutes} of 30 min`);
    const minutes = await minutesOf(app.getByTestId('agenda-table').locator('[data-testid^="timebox-"]'));
    expect(minutes.reduce((sum, m) => sum + m, 0)).toBeLessThanOrEqual(30);
    expect(await app.getByTestId('carry-over').locator('[data-testid^="agenda-row-"]').count()).toBeGreaterThan(0);

    // The choice is remembered: the next visit plans the same 30 minutes.
    const again = await env.open('/projects/DEMO/agenda?as=raj');
    const next = again.app('refinement-agenda');
    await next.getByTestId('agenda-table').waitFor();
    await eventually(() => next.getByTestId('session-minutes').getAttribute('data-value'), '30');
  });

  it('shows the agenda as cards on a 420-pixel screen', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana', { viewport: { width: 420, height: 900 } });
    const app = ui.app('refinement-agenda');
    const list = app.getByTestId('agenda-table');
    await list.waitFor();
    const expected = await agendaOf();
    // Cards (a list), not the wide table, and nothing wider than the frame.
    expect(await list.evaluate((element) => element.tagName)).toBe('OL');
    for (const item of expected.items) await app.getByTestId(`agenda-row-${item.issueKey}`).waitFor();
    const frame = await ui.frame('refinement-agenda');
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every tab label is shown whole ("Agend", "Sprint chec…" were cut). Atlaskit clamps the label
    // to one line inside the tab, so a cut word shows as overflow of the tab or of its label, sideways
    // (ellipsis) or downwards (the rest of the word wrapped onto a hidden second line).
    const tabs = await app.getByRole('tab').evaluateAll((elements) =>
      elements.map((element) => ({
        label: element.textContent,
        clipped: [element, ...element.querySelectorAll('*')].some((part) => part.scrollWidth > part.clientWidth || part.scrollHeight > part.clientHeight),
      })),
    );
    expect(tabs.length).toBeGreaterThanOrEqual(4);
    for (const tab of tabs) expect(tab).toEqual({ label: tab.label, clipped: false });
    await ui.shot('refinement-agenda-420', { fullPage: true });
  });
});
