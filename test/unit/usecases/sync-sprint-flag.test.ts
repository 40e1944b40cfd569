import type { IssueReadiness, ProjectSettings } from '../../../src/contract';
import type { NormalizedIssue } from '../../../src/domain/issue';
import { defaultSettings } from '../../../src/domain/settings';
import type { FieldPlan, SprintFlagRecord } from '../../../src/usecases/ports';
import { syncSprintFlag } from '../../../src/usecases/sync-sprint-flag';
import { anIssue } from '../domain/builders';
import { aFieldPlan, aReadiness, aReadyReadiness, asExcluded } from './builders';
import { fakeStores, manualClock, recordingJira, type JiraWrite } from './fakes';

const NOW = '2026-11-20T10:00:00.000Z';
const SPRINT_7 = { id: 7, name: 'DEMO Sprint 7' };
const SPRINT_8 = { id: 8, name: 'DEMO Sprint 8' };

function setup({ claimAnswers, settings = defaultSettings() }: { claimAnswers?: boolean; settings?: ProjectSettings } = {}) {
  const { jira, writes, lookups, commentsOnJira } = recordingJira();
  const postComment = jira.addComment;
  const clock = manualClock(NOW);
  const { stores, state } = fakeStores({ claimAnswers, now: () => clock.now() });
  const deps = { appJira: jira, stores, clock };
  const sync = ({
    issue,
    readiness,
    openSprint = SPRINT_7,
    plan = aFieldPlan(),
  }: {
    issue: NormalizedIssue;
    readiness: IssueReadiness;
    openSprint?: { id: number; name: string } | null;
    plan?: FieldPlan;
  }) => syncSprintFlag({ deps, issue, readiness, settings, plan, openSprint });
  /** Makes the next comment post fail, as a Jira that stays down would. */
  const failNextComment = () => {
    jira.addComment = () => {
      jira.addComment = postComment;
      return Promise.reject(new Error('Jira answered 503'));
    };
  };
  /** Makes the next comment post end unverified, as a Jira whose answer was lost and stayed down would. */
  const unverifyNextComment = () => {
    jira.addComment = (params) => {
      jira.addComment = postComment;
      writes.push({ method: 'addComment', ...params });
      return Promise.resolve({ outcome: 'unverified' });
    };
  };
  return { sync, writes, lookups, commentsOnJira, state, settings, clock, failNextComment, unverifyNextComment };
}

/** The issue as Jira would show it after the recorded writes (what the next event re-reads). */
function afterWrites(issue: NormalizedIssue, writes: JiraWrite[]): NormalizedIssue {
  let { labels, flagged } = issue;
  for (const write of writes) {
    if (write.issueIdOrKey !== issue.key && write.issueIdOrKey !== issue.id) continue;
    if (write.method !== 'editIssue') continue;
    labels = [...labels.filter((label) => !(write.removeLabels ?? []).includes(label)), ...(write.addLabels ?? []).filter((label) => !labels.includes(label))];
    if (write.flagged) flagged = write.flagged.flagged;
  }
  return { ...issue, labels, flagged };
}

const methods = (writes: JiraWrite[]) => writes.map((write) => write.method);
const comments = (writes: JiraWrite[]) => writes.filter((write) => write.method === 'addComment');

describe('syncSprintFlag: a not-ready issue in an open sprint', () => {
  it('adds the label, posts one comment and records what the app did', async () => {
    const { sync, writes, state } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await expect(sync({ issue, readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(writes[0]).toEqual({ method: 'editIssue', issueIdOrKey: 'DEMO-42', addLabels: ['not-ready'] });
    expect(comments(writes)).toHaveLength(1);
    expect(JSON.stringify(comments(writes)[0])).toContain('DEMO Sprint 7');
    expect(methods(writes)).toEqual(['editIssue', 'addComment']);
    expect(state.records.get('10042')).toEqual({ sprintId: 7, flaggedAt: NOW, labelAdded: 'not-ready', flaggedFieldSet: false, commentedSprints: [7] });
  });

  it('changes nothing when the same event is handled again with the updated issue', async () => {
    const { sync, writes, state, clock } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    clock.set('2026-11-20T10:03:00.000Z');
    const firstWrites = writes.length;
    // The record is stored before the comment (so the label stays the app's) and again with the comment.
    const firstPuts = state.puts.length;
    const updated = afterWrites(issue, writes);
    expect(updated.labels).toEqual(['not-ready']);

    await expect(sync({ issue: updated, readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toHaveLength(firstWrites);
    expect(comments(writes)).toHaveLength(1);
    expect(state.puts).toHaveLength(firstPuts);
  });

  it('posts no second comment when a stale read of the issue comes in after the first run', async () => {
    const { sync, writes } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    await sync({ issue, readiness: aReadiness() });
    expect(comments(writes)).toHaveLength(1);
  });

  it('posts one comment when two events for the same issue run at once', async () => {
    const { sync, writes } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await Promise.all([sync({ issue, readiness: aReadiness() }), sync({ issue, readiness: aReadiness() })]);
    expect(comments(writes)).toHaveLength(1);
  });

  it('keeps the label it added and records the failed comment attempt; the retry posts it once, without searching', async () => {
    const { sync, writes, lookups, state, failNextComment } = setup();
    const issue = anIssue({ sprintIds: [7] });
    failNextComment();
    await expect(sync({ issue, readiness: aReadiness() })).rejects.toThrow('503');
    expect(methods(writes)).toEqual(['editIssue']);
    expect(state.records.get('10042')).toMatchObject({ sprintId: 7, labelAdded: 'not-ready', commentedSprints: [] });
    expect(state.attempts.get('10042:7')).toMatchObject([{ attempt: 1, state: 'failed' }]);

    await expect(sync({ issue: afterWrites(issue, writes), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    await expect(sync({ issue: afterWrites(issue, writes), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(methods(writes)).toEqual(['editIssue', 'addComment']);
    expect(lookups).toEqual([]);
    expect(state.attempts.get('10042:7')).toMatchObject([{ state: 'failed' }, { attempt: 2, state: 'posted' }]);
    expect(state.records.get('10042')).toMatchObject({ labelAdded: 'not-ready', commentedSprints: [7] });
  });

  it('marks the comment with its sprint, so a lost answer can be checked against the issue', async () => {
    const { sync, writes } = setup();
    await sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness() });
    expect(comments(writes).map((write) => write.mark)).toEqual([{ kind: 'sprint-flag', sprintId: 7 }]);
  });

  it('after a comment that could not be confirmed, the next sync finds it on the issue instead of posting again', async () => {
    const { sync, writes, lookups, commentsOnJira, state, unverifyNextComment } = setup();
    const issue = anIssue({ sprintIds: [7] });
    unverifyNextComment();
    await expect(sync({ issue, readiness: aReadiness() })).rejects.toThrow(/could not be confirmed/);
    expect(state.attempts.get('10042:7')).toMatchObject([{ attempt: 1, state: 'unverified' }]);
    expect(state.records.get('10042')).toMatchObject({ labelAdded: 'not-ready', commentedSprints: [] });

    // Jira had stored it after all.
    commentsOnJira.set(7, '10077');
    await expect(sync({ issue: afterWrites(issue, writes), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(lookups).toEqual([{ kind: 'sprint-flag', sprintId: 7 }]);
    expect(comments(writes)).toHaveLength(1);
    expect(state.attempts.get('10042:7')).toMatchObject([{ attempt: 1, state: 'posted', commentId: '10077' }]);
    expect(state.records.get('10042')).toMatchObject({ commentedSprints: [7] });
  });

  it('after a comment that could not be confirmed and is not on the issue, the next sync posts it as a new attempt', async () => {
    const { sync, writes, lookups, state, unverifyNextComment } = setup();
    const issue = anIssue({ sprintIds: [7] });
    unverifyNextComment();
    await expect(sync({ issue, readiness: aReadiness() })).rejects.toThrow(/could not be confirmed/);
    await expect(sync({ issue: afterWrites(issue, writes), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(lookups).toHaveLength(1);
    expect(comments(writes)).toHaveLength(2);
    expect(state.attempts.get('10042:7')).toMatchObject([{ state: 'unverified' }, { attempt: 2, state: 'posted' }]);
  });

  it('leaves a comment another invocation is posting right now alone, and looks for it once that invocation must have died', async () => {
    const { sync, writes, lookups, commentsOnJira, state, clock } = setup();
    const issue = anIssue({ sprintIds: [7], labels: ['not-ready'] });
    state.attempts.set('10042:7', [{ attempt: 1, claimedAt: NOW, state: 'posting' }]);
    await expect(sync({ issue, readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(comments(writes)).toHaveLength(0);
    expect(lookups).toHaveLength(0);

    clock.set('2026-11-20T10:25:00.000Z');
    commentsOnJira.set(7, '10078');
    await sync({ issue, readiness: aReadiness() });
    expect(lookups).toHaveLength(1);
    expect(comments(writes)).toHaveLength(0);
    expect(state.records.get('10042')).toMatchObject({ commentedSprints: [7] });
  });

  it('gives the comment up after ten failed attempts and stops trying', async () => {
    const { sync, writes, state } = setup();
    const issue = anIssue({ sprintIds: [7], labels: ['not-ready'] });
    state.attempts.set('10042:7', Array.from({ length: 10 }, (_, index) => ({ attempt: index + 1, claimedAt: NOW, state: 'failed' as const })));
    await expect(sync({ issue, readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(comments(writes)).toHaveLength(0);
    expect(state.records.get('10042')).toMatchObject({ commentedSprints: [7] });
  });

  it('posts no comment when the comment was already claimed elsewhere', async () => {
    const { sync, writes, state } = setup({ claimAnswers: false });
    await expect(sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(methods(writes)).toEqual(['editIssue']);
    expect(state.records.get('10042')).toMatchObject({ labelAdded: 'not-ready', commentedSprints: [] });
  });

  it('posts no comment when comments are switched off, and does not claim one', async () => {
    const settings = defaultSettings();
    settings.sprintFlags.comment = false;
    const { sync, writes, state } = setup({ settings });
    await sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness() });
    expect(methods(writes)).toEqual(['editIssue']);
    expect(state.attempts.size).toBe(0);
  });

  it('uses the configured label', async () => {
    const settings = defaultSettings();
    settings.sprintFlags.label = 'needs-refinement';
    const { sync, writes, state } = setup({ settings });
    await sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness() });
    expect(writes[0]).toEqual({ method: 'editIssue', issueIdOrKey: 'DEMO-42', addLabels: ['needs-refinement'] });
    expect(state.records.get('10042')?.labelAdded).toBe('needs-refinement');
  });

  it('comments again, once, when the still-not-ready issue moves to the next sprint', async () => {
    const { sync, writes, state, clock } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    // The record keeps when the issue was first flagged, not when it moved.
    clock.set('2026-12-04T10:00:00.000Z');
    const moved = { ...afterWrites(issue, writes), sprintIds: [8] };
    await expect(sync({ issue: moved, readiness: aReadiness(), openSprint: SPRINT_8 })).resolves.toMatchObject({ outcome: 'flagged' });
    await sync({ issue: moved, readiness: aReadiness(), openSprint: SPRINT_8 });
    expect(comments(writes).map((write) => JSON.stringify(write.body).includes('DEMO Sprint 8'))).toEqual([false, true]);
    expect(state.records.get('10042')).toEqual({ sprintId: 8, flaggedAt: NOW, labelAdded: 'not-ready', flaggedFieldSet: false, commentedSprints: [7, 8] });
  });
});

describe('syncSprintFlag: clearing', () => {
  it('removes the app’s label and clears the record once the issue is ready', async () => {
    const { sync, writes, state } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    const labelled = afterWrites(issue, writes);
    writes.length = 0;

    await expect(sync({ issue: labelled, readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'cleared' });
    expect(writes).toEqual([{ method: 'editIssue', issueIdOrKey: 'DEMO-42', removeLabels: ['not-ready'] }]);
    expect(state.records.get('10042')).toEqual({ sprintId: null, flaggedAt: null, labelAdded: null, flaggedFieldSet: false, commentedSprints: [7] });

    await expect(sync({ issue: afterWrites(labelled, writes), readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toHaveLength(1);
  });

  it('clears when the issue leaves the open sprint, even if still not ready', async () => {
    const { sync, writes } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    const backlog = { ...afterWrites(issue, writes), sprintIds: [] };
    await expect(sync({ issue: backlog, readiness: aReadiness(), openSprint: null })).resolves.toMatchObject({ outcome: 'cleared' });
    expect(writes.at(-1)).toEqual({ method: 'editIssue', issueIdOrKey: 'DEMO-42', removeLabels: ['not-ready'] });
  });

  it('does not try to remove a label somebody already removed', async () => {
    const { sync, writes, state } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    writes.length = 0;
    await expect(sync({ issue: { ...issue, labels: [] }, readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'cleared' });
    expect(writes).toEqual([]);
    expect(state.records.get('10042')?.sprintId).toBeNull();
  });

  it('leaves a label a person put there when the issue becomes ready', async () => {
    const { sync, writes, state } = setup();
    const issue = anIssue({ sprintIds: [7], labels: ['not-ready'] });
    await expect(sync({ issue, readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toEqual([]);
    expect(state.puts).toEqual([]);
  });

  it('leaves a person’s label alone even after flagging the issue in between', async () => {
    const { sync, writes, state } = setup();
    const issue = anIssue({ sprintIds: [7], labels: ['backend', 'not-ready'] });
    await expect(sync({ issue, readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'flagged' });
    expect(methods(writes)).toEqual(['addComment']);
    expect(state.records.get('10042')?.labelAdded).toBeNull();

    await expect(sync({ issue, readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'cleared' });
    expect(methods(writes)).toEqual(['addComment']);
  });
});

describe('syncSprintFlag: Jira’s Flagged field', () => {
  const flaggingSettings = () => {
    const settings = defaultSettings();
    settings.sprintFlags.setFlagged = true;
    return settings;
  };

  it('sets Flagged when configured, and clears it again once ready', async () => {
    const { sync, writes, state } = setup({ settings: flaggingSettings() });
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    expect(writes).toContainEqual(expect.objectContaining({ method: 'editIssue', issueIdOrKey: 'DEMO-42', flagged: { fieldId: 'customfield_10021', flagged: true } }));
    expect(state.records.get('10042')?.flaggedFieldSet).toBe(true);

    const flagged = afterWrites(issue, writes);
    expect(flagged.flagged).toBe(true);
    await expect(sync({ issue: flagged, readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes.filter((write) => write.method === 'editIssue' && write.flagged !== undefined)).toHaveLength(1);

    await expect(sync({ issue: flagged, readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'cleared' });
    expect(writes.at(-1)).toEqual(expect.objectContaining({ method: 'editIssue', issueIdOrKey: 'DEMO-42', flagged: { fieldId: 'customfield_10021', flagged: false } }));
    expect(state.records.get('10042')?.flaggedFieldSet).toBe(false);
  });

  it('does not touch Flagged when the site has no Flagged field', async () => {
    const { sync, writes, state } = setup({ settings: flaggingSettings() });
    await sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness(), plan: aFieldPlan({ flagged: null }) });
    expect(writes.filter((write) => write.method === 'editIssue' && write.flagged !== undefined)).toHaveLength(0);
    expect(state.records.get('10042')?.flaggedFieldSet).toBe(false);
  });

  it('does not set Flagged unless configured', async () => {
    const { sync, writes } = setup();
    await sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness() });
    expect(writes.filter((write) => write.method === 'editIssue' && write.flagged !== undefined)).toHaveLength(0);
  });

  it('leaves a Flagged that a person set', async () => {
    const { sync, writes } = setup({ settings: flaggingSettings() });
    const issue = anIssue({ sprintIds: [7], flagged: true });
    await sync({ issue, readiness: aReadiness() });
    await sync({ issue: afterWrites(issue, writes), readiness: aReadyReadiness() });
    expect(writes.filter((write) => write.method === 'editIssue' && write.flagged !== undefined)).toHaveLength(0);
  });
});

describe('syncSprintFlag: what is never flagged', () => {
  it('flags nothing when sprint flags are switched off', async () => {
    const settings = defaultSettings();
    settings.sprintFlags.enabled = false;
    const { sync, writes, state } = setup({ settings });
    await expect(sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toEqual([]);
    expect(state.puts).toEqual([]);
  });

  it('never flags an excluded issue type (an epic)', async () => {
    const { sync, writes, state } = setup();
    const epic = anIssue({ sprintIds: [7], kind: 'epic', issueTypeName: 'Epic' });
    await expect(sync({ issue: epic, readiness: asExcluded(aReadiness({ issueType: 'Epic', ready: false, score: 0 })) })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toEqual([]);
    expect(state.puts).toEqual([]);
  });

  it('does not flag a not-ready issue outside any open sprint', async () => {
    const { sync, writes } = setup();
    await expect(sync({ issue: anIssue(), readiness: aReadiness(), openSprint: null })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toEqual([]);
  });

  it('does not flag a ready issue in an open sprint', async () => {
    const { sync, writes } = setup();
    await expect(sync({ issue: anIssue({ sprintIds: [7] }), readiness: aReadyReadiness() })).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(writes).toEqual([]);
  });

  it('undoes an earlier flag when flags are switched off later', async () => {
    const { sync, writes, state, settings } = setup();
    const issue = anIssue({ sprintIds: [7] });
    await sync({ issue, readiness: aReadiness() });
    settings.sprintFlags.enabled = false;
    await expect(sync({ issue: afterWrites(issue, writes), readiness: aReadiness() })).resolves.toMatchObject({ outcome: 'cleared' });
    expect(writes.at(-1)).toEqual({ method: 'editIssue', issueIdOrKey: 'DEMO-42', removeLabels: ['not-ready'] });
    const record: SprintFlagRecord | undefined = state.records.get('10042');
    expect(record?.labelAdded).toBeNull();
  });
});
