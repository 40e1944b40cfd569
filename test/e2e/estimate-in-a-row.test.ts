/**
 * "Estimate in a row" on the Refinement agenda (issue 14, item 7): the agenda's items one at a time
 * with Next / Previous, each with its own round, without leaving the project page. Every page is
 * watched for CSP violations and console errors (support/browser.ts fails the test on any).
 */
import { eventually, expectText, setupE2e } from './support/browser';

jest.setTimeout(90_000);

const env = setupE2e();

describe('estimate in a row', () => {
  it('votes on item 1, Next, votes on item 2; Previous shows item 1 with its own vote', async () => {
    const ui = await env.open('/projects/DEMO/agenda?as=ana');
    const app = ui.app('refinement-agenda');
    await app.getByTestId('tab-estimate-in-a-row').click();
    const row = app.getByTestId('estimate-in-a-row');
    await expectText(row.getByTestId('row-position'), 'Item 1 of');
    const first = (await row.getByTestId('row-issue-key').textContent()) ?? '';
    expect(first).toMatch(/^DEMO-\d+$/);
    await expectText(row.getByTestId('voters'), 'Nobody has voted yet.');

    await row.getByTestId('vote-reason').fill('Same as the refund flow');
    await row.getByTestId('vote-card-5').click();
    await eventually(() => row.getByTestId('vote-card-5').getAttribute('aria-pressed'), 'true');
    await eventually(() => row.getByTestId('voters').getAttribute('data-count'), '1');

    await row.getByTestId('row-next').click();
    await expectText(row.getByTestId('row-position'), 'Item 2 of');
    const second = (await row.getByTestId('row-issue-key').textContent()) ?? '';
    expect(second).toMatch(/^DEMO-\d+$/);
    expect(second).not.toBe(first);
    // Item 2 has a round of its own: no vote of item 1, no reason carried over.
    await expectText(row.getByTestId('voters'), 'Nobody has voted yet.');
    expect(await row.getByTestId('vote-reason').inputValue()).toBe('');
    expect(await row.getByTestId('vote-card-5').getAttribute('aria-pressed')).toBe('false');
    await row.getByTestId('vote-card-13').click();
    await eventually(() => row.getByTestId('vote-card-13').getAttribute('aria-pressed'), 'true');

    await row.getByTestId('row-previous').click();
    await expectText(row.getByTestId('row-position'), `Item 1 of`);
    await expectText(row.getByTestId('row-issue-key'), first);
    await eventually(() => row.getByTestId('vote-card-5').getAttribute('aria-pressed'), 'true');
    expect(await row.getByTestId('vote-card-13').getAttribute('aria-pressed')).toBe('false');
    expect(await row.getByTestId('vote-reason').inputValue()).toBe('Same as the refund flow');
    await ui.shot('estimate-in-a-row', { fullPage: true });

    // The same walk in the dark theme, as Raj: item 1 shows Ana's vote as a vote, never its value.
    const dark = await env.open('/projects/DEMO/agenda?as=raj&theme=dark');
    const darkApp = dark.app('refinement-agenda');
    await darkApp.getByTestId('tab-estimate-in-a-row').click();
    const darkRow = darkApp.getByTestId('estimate-in-a-row');
    await expectText(darkRow.getByTestId('row-issue-key'), first);
    await eventually(() => darkRow.getByTestId('voters').getAttribute('data-count'), '1');
    expect(await darkRow.textContent()).not.toContain('refund flow');
    await dark.shot('estimate-in-a-row-dark', { fullPage: true });
  });
});
