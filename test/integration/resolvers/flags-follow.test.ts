/**
 * Flags follow the panel: a checklist tick or an accepted estimate changes readiness without any
 * Jira event the app hears (a tick is not a Jira change; the app's own writes are dropped by
 * `ignoreSelf`), so the resolver itself brings the label, Flagged and the one comment per sprint
 * in line, through the real handlers against the seeded sandbox.
 */
import type { IssueReadiness } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { appComments, envelope, isFlagged, labelsOf, saveSprintFlags } from '../triggers/flag-helpers';
import { call, callCount, currentSettings, dataOf, ISSUE_GET, issueIdOf, readinessOf, SETTINGS_MODULE } from './resolver-helpers';

const LABEL = 'not-ready';
const ITEM = 'team-discussed';
const SPRINT_15 = 15;
const SPRINT_GET = 'GET /rest/agile/1.0/sprint/{sprintId}';

/** "Team has discussed it" becomes required, so an otherwise ready story fails on that tick alone. */
async function requireTeamDiscussion(env: SandboxEnv): Promise<void> {
  const settings = await currentSettings(env);
  const manualItems = settings.manualItems.map((item) => (item.id === ITEM ? { ...item, required: true } : item));
  const answer = envelope(await env.invoke('saveSettings', { settings: { ...settings, manualItems } }, { accountId: 'ana', projectKey: 'DEMO', moduleKey: SETTINGS_MODULE }));
  if (!answer.ok) throw new Error(`saveSettings failed: ${answer.error.code} ${answer.error.message}`);
}

async function tick(env: SandboxEnv, key: string, checked: boolean, as = 'ana'): Promise<IssueReadiness> {
  return dataOf(await call({ env, key: 'setChecklistItem', payload: { itemId: ITEM, checked }, as: { accountId: as, issueKey: key } }));
}

const flagRecord = (env: SandboxEnv, key: string) => env.kvs.peek(`sprintflag:${issueIdOf({ env, key })}`);
const onlyAppLabels = (env: SandboxEnv, key: string) => labelsOf(env, key).filter((label) => label === LABEL);

describe('flags follow readiness changes made in the panel', () => {
  const env = setupSandbox({ freshPerTest: true });

  /** DEMO-36 "gift message": ready by the default settings, in no sprint; its only gap here is the unticked item. */
  const GIFT = 'DEMO-36';

  beforeEach(() => {
    // The trigger handlers report each run on console.info; keep the test output readable.
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  /** GIFT planned into the future sprint 15 by a person: the trigger flags it, Flagged included. */
  async function flaggedForMissingTick(): Promise<void> {
    await requireTeamDiscussion(env);
    await saveSprintFlags(env, { setFlagged: true });
    env.jira.moveIssueToSprint(GIFT, SPRINT_15, 'ana');
    await env.settle();
    expect(labelsOf(env, GIFT)).toContain(LABEL);
    expect(isFlagged(env, GIFT)).toBe(true);
    expect(appComments(env, GIFT)).toHaveLength(1);
    expect(flagRecord(env, GIFT)).toMatchObject({ sprintId: SPRINT_15, labelAdded: LABEL, flaggedFieldSet: true });
  }

  it('ticking the only missing item clears the label, Flagged and the flag record, without any other edit or event', async () => {
    await flaggedForMissingTick();
    const deliveredBefore = env.sandbox.deliveredEvents.length;
    env.sandbox.resetCounters();

    const answer = await tick(env, GIFT, true);

    expect(answer.ready).toBe(true);
    expect(labelsOf(env, GIFT)).not.toContain(LABEL);
    expect(labelsOf(env, GIFT)).toContain('gifting');
    expect(isFlagged(env, GIFT)).toBe(false);
    expect(flagRecord(env, GIFT)).toMatchObject({ sprintId: null, labelAdded: null, flaggedFieldSet: false, commentedSprints: [SPRINT_15] });
    // The explanation stays where people read it; nothing new is posted.
    expect(appComments(env, GIFT)).toHaveLength(1);
    // The issue read for the judgement is all the flag needs: no extra issue read, no sprint lookup for a ready issue.
    expect(callCount({ env, template: ISSUE_GET })).toBe(2);
    expect(callCount({ env, template: SPRINT_GET })).toBe(0);
    // Nothing reached the app's triggers: the resolver did it all.
    await env.settle();
    expect(env.sandbox.deliveredEvents).toHaveLength(deliveredBefore);
  });

  it('unticking it again flags it again: label and Flagged back, still exactly one comment for the sprint', async () => {
    await flaggedForMissingTick();
    await tick(env, GIFT, true);
    expect(labelsOf(env, GIFT)).not.toContain(LABEL);

    const answer = await tick(env, GIFT, false, 'raj');

    expect(answer.ready).toBe(false);
    expect(onlyAppLabels(env, GIFT)).toEqual([LABEL]);
    expect(isFlagged(env, GIFT)).toBe(true);
    expect(appComments(env, GIFT)).toHaveLength(1);
    expect(flagRecord(env, GIFT)).toMatchObject({ sprintId: SPRINT_15, labelAdded: LABEL, flaggedFieldSet: true, commentedSprints: [SPRINT_15] });

    // Ticking and unticking once more still never adds a second comment or a second label.
    await tick(env, GIFT, true);
    await tick(env, GIFT, false);
    expect(onlyAppLabels(env, GIFT)).toEqual([LABEL]);
    expect(appComments(env, GIFT)).toHaveLength(1);
  });

  it('a person who may see but not edit the issue still clears the flag: the label is the app’s own write', async () => {
    await flaggedForMissingTick();
    env.jira.setAccess(env.sandbox.accountId('dev20'), 'DEMO', { browse: true, edit: false, admin: false });

    expect((await tick(env, GIFT, true, 'dev20')).ready).toBe(true);
    expect(labelsOf(env, GIFT)).not.toContain(LABEL);
    expect(isFlagged(env, GIFT)).toBe(false);
  });

  it('a tick flags an issue that became not ready in the active sprint too', async () => {
    await requireTeamDiscussion(env);
    env.jira.moveIssueToSprint(GIFT, 13, 'ana');
    await env.settle();
    // Planned while not ready: flagged for the active sprint by the trigger.
    expect(labelsOf(env, GIFT)).toContain(LABEL);
    await tick(env, GIFT, true);
    expect(labelsOf(env, GIFT)).not.toContain(LABEL);
    await tick(env, GIFT, false);
    expect(labelsOf(env, GIFT)).toContain(LABEL);
    expect(flagRecord(env, GIFT)).toMatchObject({ sprintId: 13, labelAdded: LABEL });
  });

  it('accepting an estimate that makes a flagged issue ready clears its label', async () => {
    // DEMO-9 "split a payment" lacks only an estimate (required); planned into sprint 15 it is flagged.
    const SPLIT = 'DEMO-9';
    env.jira.moveIssueToSprint(SPLIT, SPRINT_15, 'ana');
    await env.settle();
    expect(labelsOf(env, SPLIT)).toContain(LABEL);
    expect(appComments(env, SPLIT)).toHaveLength(1);
    const deliveredBefore = env.sandbox.deliveredEvents.length;

    const answer = dataOf(await call({ env, key: 'acceptEstimate', payload: { value: '8' }, as: { accountId: 'ana', issueKey: SPLIT } }));

    expect(answer).toMatchObject({ ready: true, estimate: 8 });
    expect(labelsOf(env, SPLIT)).not.toContain(LABEL);
    expect(flagRecord(env, SPLIT)).toMatchObject({ sprintId: null, labelAdded: null, commentedSprints: [SPRINT_15] });
    expect(appComments(env, SPLIT)).toHaveLength(1);
    // The estimate write is the app's own call: Forge hands its event to no trigger.
    await env.settle();
    expect(env.sandbox.deliveredEvents).toHaveLength(deliveredBefore);
  });

  it('revealing diverging votes on an issue of a future sprint flags it at once; a new round clears the flag again', async () => {
    env.jira.moveIssueToSprint(GIFT, SPRINT_15, 'ana');
    await env.settle();
    // Ready when planned: the trigger leaves it alone.
    expect(labelsOf(env, GIFT)).not.toContain(LABEL);
    const vote = async (who: string, value: string) => dataOf(await call({ env, key: 'castVote', payload: { value }, as: { accountId: who, issueKey: GIFT } }));
    await vote('ana', '1');
    await vote('raj', '13');
    const deliveredBefore = env.sandbox.deliveredEvents.length;
    env.sandbox.resetCounters();

    const revealed = dataOf(await call({ env, key: 'revealVotes', as: { accountId: 'ana', issueKey: GIFT } }));

    expect(revealed.divergence?.diverges).toBe(true);
    expect(onlyAppLabels(env, GIFT)).toEqual([LABEL]);
    expect(flagRecord(env, GIFT)).toMatchObject({ sprintId: SPRINT_15, labelAdded: LABEL });
    expect(appComments(env, GIFT)).toHaveLength(1);
    // The read that checks the caller may see the issue is the one judged after the reveal.
    expect(callCount({ env, template: ISSUE_GET })).toBe(1);
    expect((await readinessOf({ env, key: GIFT })).ready).toBe(false);

    // A new round sets the disagreement aside: nothing diverges any more, so the flag goes.
    dataOf(await call({ env, key: 'resetVotes', as: { accountId: 'ana', issueKey: GIFT } }));
    expect(labelsOf(env, GIFT)).not.toContain(LABEL);
    expect(flagRecord(env, GIFT)).toMatchObject({ sprintId: null, labelAdded: null, commentedSprints: [SPRINT_15] });
    await env.settle();
    expect(env.sandbox.deliveredEvents).toHaveLength(deliveredBefore);
  });

  it('an issue in no sprint gets no label, comment or flag record from a tick, and costs no sprint lookup', async () => {
    await requireTeamDiscussion(env);
    const labelsBefore = labelsOf(env, GIFT);
    await tick(env, GIFT, true);
    env.sandbox.resetCounters();

    const answer = await tick(env, GIFT, false);

    expect(answer.ready).toBe(false);
    expect(labelsOf(env, GIFT)).toEqual(labelsBefore);
    expect(isFlagged(env, GIFT)).toBe(false);
    expect(appComments(env, GIFT)).toHaveLength(0);
    expect(flagRecord(env, GIFT)).toBeUndefined();
    expect(callCount({ env, template: SPRINT_GET })).toBe(0);
  });

  it('with sprint flags off, a tick that leaves an issue of an open sprint not ready adds no label', async () => {
    await requireTeamDiscussion(env);
    // DEMO-19 sits in future sprint 15 and is not ready; with flags off nothing is written.
    await saveSprintFlags(env, { enabled: false });
    await tick(env, 'DEMO-19', true);
    await tick(env, 'DEMO-19', false);
    expect(labelsOf(env, 'DEMO-19')).not.toContain(LABEL);
    expect(flagRecord(env, 'DEMO-19')).toBeUndefined();
  });
});
