/**
 * A live refinement session with two users in two pages (issue 15): Ana starts the session and
 * moves on, Raj's page follows without a reload (Forge Realtime through the sandbox's bridge), the
 * countdowns show, and the summary appears for both when Ana ends it. Light and dark screenshots.
 */
import { expectText, setupE2e } from './support/browser';

jest.setTimeout(120_000);

const env = setupE2e();
/** The issue: "When the facilitator moves to the next item, the participant's page follows within 5 s." */
const FOLLOW_MS = 5_000;

describe('refinement session, live', () => {
  it.each(['light', 'dark'] as const)('the participant follows the facilitator, and both see the summary (%s)', async (theme) => {
    const suffix = theme === 'dark' ? '&theme=dark' : '';
    const facilitatorPage = await env.open(`/projects/DEMO/agenda?as=ana${suffix}`);
    const participantPage = await env.open(`/projects/DEMO/agenda?as=raj${suffix}`);
    const ana = facilitatorPage.app('refinement-agenda');
    const raj = participantPage.app('refinement-agenda');
    await ana.getByTestId('tab-session').click();
    await raj.getByTestId('tab-session').click();
    await ana.getByTestId('session-start').waitFor();
    await raj.getByTestId('session-start').waitFor();
    // The seeded past session is in the history from the first start.
    await expectText(ana.getByTestId('history-1'), 'Ana');

    await ana.getByTestId('start-session').click();
    await ana.getByTestId('session-run').waitFor();
    const first = (await ana.getByTestId('current-item-key').textContent())?.trim() ?? '';
    expect(first).toMatch(/^DEMO-\d+$/);
    // Raj joins without a reload, as a follower, on the same item.
    await raj.getByTestId('session-run').waitFor({ timeout: FOLLOW_MS });
    await expectText(raj.getByTestId('current-item-key'), first, FOLLOW_MS);
    await expectText(raj.getByTestId('session-facilitator'), 'Ana');
    expect(await raj.getByTestId('next-item').count()).toBe(0);
    expect(await raj.getByTestId('live-mode').getAttribute('data-mode')).toBe('live');

    // The countdowns of the item and of the session.
    await expectText(ana.getByTestId('item-countdown'), /\d+:\d\d/);
    await expectText(raj.getByTestId('session-countdown'), /\d+:\d\d/);

    // An outcome with a decision, then the next item: Raj's view moves within 5 s.
    await ana.getByTestId('session-decisions').fill('Export only the visible columns');
    await ana.getByTestId('outcome-needs-refinement').click();
    await expectText(ana.getByTestId('current-outcome'), 'Needs more refinement');
    await ana.getByTestId('next-item').click();
    await expectText(ana.getByTestId('session-progress'), '1/');
    const second = (await ana.getByTestId('current-item-key').textContent())?.trim() ?? '';
    expect(second).not.toBe(first);
    await expectText(raj.getByTestId('current-item-key'), second, FOLLOW_MS);
    await expectText(raj.getByTestId(`session-item-${first}`), 'Needs more refinement', FOLLOW_MS);

    await facilitatorPage.shot(`refinement-session-facilitator-${theme}`, { fullPage: true });
    await participantPage.shot(`refinement-session-participant-${theme}`, { fullPage: true });

    // Take over needs an explicit confirmation: the first click only asks.
    await raj.getByTestId('take-over').click();
    await raj.getByTestId('take-over-confirm').waitFor();
    await raj.getByText('Cancel').click();
    expect(await raj.getByTestId('take-over-confirm').count()).toBe(0);

    await ana.getByTestId('end-session').click();
    await ana.getByTestId('end-session-yes').click();
    await ana.getByTestId('session-summary').waitFor();
    await expectText(ana.getByTestId(`summary-item-${first}`), 'Needs more refinement');
    await expectText(ana.getByTestId(`summary-item-${second}`), 'Not decided');
    await raj.getByTestId('session-summary').waitFor({ timeout: FOLLOW_MS });
    await ana.getByText('Show the Markdown').click();
    await expectText(ana.getByTestId('summary-markdown'), `| ${first} `);
    await facilitatorPage.shot(`refinement-session-summary-${theme}`, { fullPage: true });
  });
});
