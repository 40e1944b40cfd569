/**
 * Private estimation in two browsers: Ana and Raj vote without seeing each other's values,
 * Ana reveals, the divergence is explained, and accepting a value writes it to Jira's
 * estimation field (Story Points, customfield_10106 on DEMO).
 */
import { eventually, expectText, setupE2e } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();
// DEMO-23 has no votes in the seed and an estimate of 5, so accepting 8 is a visible change.
const ISSUE = 'DEMO-23';
const STORY_POINTS = 'customfield_10106';

async function storyPointsInJira(): Promise<unknown> {
  const response = await fetch(`${env.baseUrl}/__sandbox/jira/issue/${ISSUE}`);
  const snapshot: unknown = await response.json();
  const fields: unknown = typeof snapshot === 'object' && snapshot !== null ? Reflect.get(snapshot, 'fields') : undefined;
  return typeof fields === 'object' && fields !== null ? Reflect.get(fields, STORY_POINTS) : undefined;
}

describe('estimation', () => {
  it('two demo users vote 3 and 13, reveal, the divergence is shown; accepting 8 updates the estimation field in the emulated Jira', async () => {
    expect(await storyPointsInJira()).toBe(5);
    const ana = await env.open(`/browse/${ISSUE}?as=ana`);
    const anaPanel = ana.app('readiness-panel');
    await expectText(anaPanel.getByTestId('voters'), 'Nobody has voted yet.');
    await anaPanel.getByTestId('vote-card-3').click();
    await eventually(() => anaPanel.getByTestId('vote-card-3').getAttribute('aria-pressed'), 'true');
    await eventually(() => anaPanel.getByTestId('voters').getAttribute('data-count'), '1');

    const raj = await env.open(`/browse/${ISSUE}?as=raj`);
    const rajPanel = raj.app('readiness-panel');
    await eventually(() => rajPanel.getByTestId('voters').getAttribute('data-count'), '1');
    await rajPanel.getByTestId('vote-card-13').click();
    await eventually(() => rajPanel.getByTestId('vote-card-13').getAttribute('aria-pressed'), 'true');
    await eventually(() => rajPanel.getByTestId('voters').getAttribute('data-count'), '2');

    // Before the reveal Ana sees who voted, but no values: not Raj's, and her own only as her pressed card.
    await ana.page.reload({ waitUntil: 'load' });
    const anaAgain = ana.app('readiness-panel');
    await eventually(() => anaAgain.getByTestId('voters').getAttribute('data-count'), '2');
    const voters = anaAgain.getByTestId('voters');
    await expectText(voters, '2 people have voted');
    await expectText(voters, 'Raj Patel');
    expect(await voters.locator('[data-testid^="vote-value-"]').count()).toBe(0);
    expect(await voters.textContent()).not.toMatch(/\b13\b/);
    expect(await anaAgain.getByTestId('vote-card-3').getAttribute('aria-pressed')).toBe('true');
    expect(await anaAgain.getByTestId('divergence').count()).toBe(0);
    // The button that starts the next round has one name, before the reveal as after it.
    await expectText(anaAgain.getByTestId('reset-votes'), 'New round');

    await anaAgain.getByTestId('reveal-votes').click();
    await expectText(anaAgain.getByTestId('divergence-summary'), '3 vs 13');
    expect(await anaAgain.getByTestId('divergence').getAttribute('data-diverges')).toBe('true');
    expect(await anaAgain.locator('[data-testid^="vote-value-"]').allTextContents()).toEqual(expect.arrayContaining(['3', '13']));
    await ana.shot('estimation-divergence', { around: anaAgain.locator('section[aria-labelledby="estimation-heading"]'), padding: 24 });

    await anaAgain.getByTestId('accept-card-8').click();
    await expectText(anaAgain.getByTestId('accept-estimate'), 'Accept 8');
    await anaAgain.getByTestId('accept-estimate').click();
    await eventually(() => anaAgain.getByTestId('accepted-estimate').getAttribute('data-value'), '8');
    // Who accepted is an accountId in the contract; the panel says "you" and never prints it raw.
    await expectText(anaAgain.getByTestId('accepted-estimate'), 'written to Jira by you');
    expect(await anaAgain.getByTestId('accepted-estimate').textContent()).not.toContain(env.sandbox.accountId('ana'));
    await expectText(anaAgain.getByTestId('readiness-estimate'), 'Estimate: 8');
    expect(await storyPointsInJira()).toBe(8);
    expect(env.sandbox.jira.issueSnapshot(ISSUE)?.fields).toEqual(expect.objectContaining({ [STORY_POINTS]: 8 }));

    // Raj's browser sees the accepted value after a reload, and so does Jira's own issue view.
    await raj.page.reload({ waitUntil: 'load' });
    await eventually(() => raj.app('readiness-panel').getByTestId('accepted-estimate').getAttribute('data-value'), '8');
    await expectText(raj.app('readiness-panel').getByTestId('accepted-estimate'), 'by Ana Lopez');
    await expectText(raj.page.getByTestId('story-points'), '8');
    await ana.shot('estimation-accepted');
  });
});
