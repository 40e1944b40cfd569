/**
 * An estimation session in three browsers (issue 14): Ana, Raj and Mei vote with reasons, Ana
 * (a facilitator) reveals, the highest and lowest voters' reasons come first, Ana accepts, starts
 * a new round, and the first round stays in the history with its values, reasons and acceptance.
 */
import { eventually, expectText, setupE2e } from './support/browser';

jest.setTimeout(90_000);

const env = setupE2e();
const ISSUE = 'DEMO-23';

describe('estimation session', () => {
  it('three users vote with reasons; the reveal puts the extremes first; the accepted round survives a re-vote in the history', async () => {
    const ana = await env.open(`/browse/${ISSUE}?as=ana`);
    const anaPanel = ana.app('readiness-panel');
    await expectText(anaPanel.getByTestId('voters'), 'Nobody has voted yet.');
    await anaPanel.getByTestId('vote-reason').fill('Reuses the invoice form');
    await anaPanel.getByTestId('vote-card-3').click();
    await eventually(() => anaPanel.getByTestId('voters').getAttribute('data-count'), '1');

    const raj = await env.open(`/browse/${ISSUE}?as=raj`);
    const rajPanel = raj.app('readiness-panel');
    await eventually(() => rajPanel.getByTestId('voters').getAttribute('data-count'), '1');
    await rajPanel.getByTestId('vote-reason').fill('The PDF export is new to us');
    await rajPanel.getByTestId('vote-card-13').click();
    await eventually(() => rajPanel.getByTestId('voters').getAttribute('data-count'), '2');

    const mei = await env.open(`/browse/${ISSUE}?as=mei`);
    const meiPanel = mei.app('readiness-panel');
    await meiPanel.getByTestId('vote-card-5').click();
    await eventually(() => meiPanel.getByTestId('voters').getAttribute('data-count'), '3');
    // Before the reveal Mei sees who voted, never a reason or a value of someone else.
    expect(await meiPanel.getByTestId('estimation').textContent()).not.toContain('PDF export');
    expect(await meiPanel.getByTestId('revealed-votes').count()).toBe(0);

    await ana.page.reload({ waitUntil: 'load' });
    const anaAgain = ana.app('readiness-panel');
    await eventually(() => anaAgain.getByTestId('voters').getAttribute('data-count'), '3');
    await anaAgain.getByTestId('start-timer-120').click();
    await expectText(anaAgain.getByTestId('timer-left'), 'left');
    await anaAgain.getByTestId('reveal-votes').click();
    const items = anaAgain.getByTestId('revealed-votes-item');
    await eventually(() => items.count(), 3);
    expect(await items.nth(0).getAttribute('data-extreme')).toBe('high');
    await expectText(items.nth(0), 'The PDF export is new to us');
    expect(await items.nth(1).getAttribute('data-extreme')).toBe('low');
    await expectText(items.nth(1), 'Reuses the invoice form');
    await expectText(items.nth(2), 'no reason given');
    await expectText(anaAgain.getByTestId('suggestion-explanation'), 'Median of 3 votes: 5.');
    await ana.shot('estimation-session-revealed', { around: anaAgain.getByTestId('estimation'), padding: 16 });

    await anaAgain.getByTestId('accept-card-8').click();
    await anaAgain.getByTestId('accept-estimate').click();
    await eventually(() => anaAgain.getByTestId('accepted-estimate').getAttribute('data-value'), '8');
    await anaAgain.getByTestId('reset-votes').click();
    const history = anaAgain.getByTestId('history-round-1');
    await expectText(history, 'Accepted 8');
    await expectText(history, 'The PDF export is new to us');
    await expectText(history, 'Accepted by Ana Lopez');
    // Ana, Raj and Mei voted in round 1 and not yet in round 2: they are named, without values.
    await expectText(anaAgain.getByTestId('not-voted'), 'Raj Patel');
    await ana.shot('estimation-session-history', { around: anaAgain.getByTestId('estimation'), padding: 16 });

    // Raj sees the same history after a reload, in the dark theme.
    const rajDark = await env.open(`/browse/${ISSUE}?as=raj&theme=dark`);
    const rajDarkPanel = rajDark.app('readiness-panel');
    await expectText(rajDarkPanel.getByTestId('history-round-1'), 'Accepted 8');
    await rajDark.shot('estimation-session-history-dark', { around: rajDarkPanel.getByTestId('estimation'), padding: 16 });
  });
});
