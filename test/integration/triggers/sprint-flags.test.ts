/**
 * "Automatic flags during sprint planning", end to end: human changes in the emulated Jira,
 * product events delivered to the app's real trigger handlers, results read back from Jira.
 */
import type { ForgeEvent } from '../../../sandbox/jira/events';
import { setupSandbox } from '../../support/sandbox-env';
import { issueIdOf } from '../resolvers/resolver-helpers';
import { CRITERION_LABELS } from '../../../src/contract';
import { adfText, appComments, hasNode, isFlagged, labelsOf, readinessPropertyOf, readyStoryDescription, saveSprintFlags } from './flag-helpers';

const LABEL = 'not-ready';

describe('automatic flags during sprint planning', () => {
  const env = setupSandbox({ freshPerTest: true });

  /** DEMO-23 "vague" story in the backlog: not ready (no acceptance criteria), in no sprint. */
  const VAGUE = 'DEMO-23';

  beforeEach(() => {
    // The handlers report each run on console.info; keep the test output readable.
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  const makeReady = (key: string) => env.jira.editIssue(key, { description: readyStoryDescription(), storyPoints: 3 }, 'ana');

  it('flags a vague story moved into a future sprint: label and exactly one ADF comment listing the gaps', async () => {
    expect(labelsOf(env, VAGUE)).not.toContain(LABEL);
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();

    expect(labelsOf(env, VAGUE)).toContain(LABEL);
    const comments = appComments(env, VAGUE);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.type).toBe('doc');
    expect(hasNode(body, 'bulletList')).toBe(true);
    const text = adfText(body);
    expect(text).toContain('DEMO Sprint 15');
    // The comment names every gap of the one judgement the JQL property holds too.
    const gaps = readinessPropertyOf(env, VAGUE)?.gaps ?? [];
    expect(gaps).toContain('acceptance-criteria');
    const labels = new Map<string, string>(Object.entries(CRITERION_LABELS));
    for (const gap of gaps.filter((id) => labels.has(id))) expect(text).toContain(labels.get(gap));
    expect(env.kvs.peek(`sprintflag:${issueIdOf({ env, key: VAGUE })}`)).toMatchObject({ sprintId: 15, labelAdded: LABEL, commentedSprints: [15] });
  });

  it('clears the flag once the story is fixed, without a second comment', async () => {
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();
    expect(labelsOf(env, VAGUE)).toContain(LABEL);

    makeReady(VAGUE);
    await env.settle();

    const answer = await env.invoke<{ ok: boolean; data: { ready: boolean } }>('getReadiness', {}, { accountId: 'ana', issueKey: VAGUE });
    expect(answer).toMatchObject({ ok: true, data: { ready: true } });
    expect(labelsOf(env, VAGUE)).not.toContain(LABEL);
    expect(appComments(env, VAGUE)).toHaveLength(1);
  });

  it('starting a sprint flags exactly its not-ready issues, one comment each, and leaves ready ones untouched', async () => {
    // Sprint 14 holds DEMO-7 (vague) and DEMO-12 (blocked) plus five ready items; DEMO-13 (21 points) joins it.
    const ready = ['DEMO-5', 'DEMO-6', 'DEMO-8', 'DEMO-10', 'DEMO-11'];
    const labelsBefore = new Map(ready.map((key) => [key, labelsOf(env, key)]));
    env.jira.moveIssueToSprint('DEMO-13', 14, 'ana');
    await env.settle();
    env.jira.startSprint(14, 'ana');
    await env.settle();

    const flagged = ['DEMO-7', 'DEMO-12', 'DEMO-13'];
    for (const key of flagged) {
      expect(labelsOf(env, key)).toContain(LABEL);
      expect(appComments(env, key)).toHaveLength(1);
    }
    for (const key of ready) {
      expect(labelsOf(env, key)).toEqual(labelsBefore.get(key));
      expect(appComments(env, key)).toHaveLength(0);
      expect(env.kvs.peek(`sprintflag:${issueIdOf({ env, key })}`)).toBeUndefined();
    }
    const started = env.sandbox.deliveredEvents.filter((delivered) => delivered.event.eventType === 'avi:jira-software:started:sprint');
    expect(started).toHaveLength(1);
    expect(started[0]!.ok).toBe(true);
  });

  it('the sprint-started trigger alone flags the 3 not-ready issues of a new sprint and none of its 2 ready ones', async () => {
    // Plan the sprint while flags are off, so only the start can flag.
    await saveSprintFlags(env, { enabled: false });
    const sprint = env.jira.createSprint({ boardId: 1, name: 'DEMO Sprint 16' }, 'ana');
    const notReady = ['DEMO-14', 'DEMO-21', VAGUE];
    const ready = ['DEMO-36', 'DEMO-37'];
    for (const key of [...notReady, ...ready]) env.jira.moveIssueToSprint(key, sprint.id, 'ana');
    await env.settle();
    for (const key of notReady) expect(labelsOf(env, key)).not.toContain(LABEL);
    await saveSprintFlags(env, { enabled: true });

    env.jira.startSprint(sprint.id, 'ana');
    await env.settle();
    for (const key of notReady) {
      expect(labelsOf(env, key)).toContain(LABEL);
      expect(appComments(env, key)).toHaveLength(1);
      expect(adfText(appComments(env, key)[0]!.body)).toContain('DEMO Sprint 16');
    }
    for (const key of ready) {
      expect(labelsOf(env, key)).not.toContain(LABEL);
      expect(appComments(env, key)).toHaveLength(0);
    }
  });

  it('a replayed sprint-started or issue-updated event adds no second comment and no second label edit', async () => {
    env.jira.moveIssueToSprint(VAGUE, 14, 'ana');
    await env.settle();
    env.jira.startSprint(14, 'ana');
    await env.settle();
    const keys = ['DEMO-7', 'DEMO-12', VAGUE];
    const counts = () => keys.map((key) => appComments(env, key).length);
    expect(counts()).toEqual([1, 1, 1]);

    const find = (type: string): ForgeEvent => {
      const found = env.sandbox.deliveredEvents.find((delivered) => delivered.event.eventType === type);
      if (!found) throw new Error(`no delivered ${type}`);
      return found.event;
    };
    env.sandbox.resetCounters();
    await env.sandbox.replay(find('avi:jira-software:started:sprint'));
    await env.sandbox.replay(find('avi:jira:updated:issue'));
    await env.sandbox.replay(find('avi:jira:updated:issue'));

    expect(counts()).toEqual([1, 1, 1]);
    const calls = env.sandbox.jiraCalls();
    expect(calls['POST /rest/api/3/issue/{issueIdOrKey}/comment'] ?? 0).toBe(0);
    expect(calls['PUT /rest/api/3/issue/{issueIdOrKey}'] ?? 0).toBe(0);
    for (const key of keys) expect(labelsOf(env, key).filter((label) => label === LABEL)).toHaveLength(1);
  });

  it("never loops on the app's own writes", async () => {
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();

    const delivered = env.sandbox.deliveredEvents;
    expect(delivered).toHaveLength(1);
    expect(delivered.every((entry) => entry.ok && !entry.event.selfGenerated)).toBe(true);
    // The label edit and the comment were the app's: Forge (ignoreSelf) never hands them back.
    const suppressed = env.sandbox.suppressedEvents;
    expect(suppressed.some((entry) => entry.functionKey === 'on-issue-changed' && JSON.stringify(entry.event).includes(LABEL))).toBe(true);
    expect(suppressed.every((entry) => entry.event.selfGenerated)).toBe(true);

    // Even a handler that did receive its own label edit (ignoreSelf missing) stops there.
    const ownEdit = suppressed.find((entry) => entry.functionKey === 'on-issue-changed');
    env.sandbox.resetCounters();
    await env.sandbox.replay(ownEdit!.event);
    // …and also when the event carries no self marker at all: an edit of only the app's label is not a reason to act.
    await env.sandbox.replay({ ...ownEdit!.event, selfGenerated: false });
    expect(env.sandbox.jiraCalls()['PUT /rest/api/3/issue/{issueIdOrKey}'] ?? 0).toBe(0);

    const settledCount = env.sandbox.deliveredEvents.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await env.settle();
    expect(env.sandbox.deliveredEvents).toHaveLength(settledCount);
  });

  it('removes the label when the issue is taken out of the sprint', async () => {
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();
    expect(labelsOf(env, VAGUE)).toContain(LABEL);

    env.jira.moveIssueToSprint(VAGUE, null, 'ana');
    await env.settle();
    expect(labelsOf(env, VAGUE)).not.toContain(LABEL);
    expect(appComments(env, VAGUE)).toHaveLength(1);
  });

  it('leaves a not-ready label that a person added in place when the issue becomes ready', async () => {
    env.jira.editIssue(VAGUE, { labels: [LABEL] }, 'raj');
    await env.settle();
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();
    // Still warned about (one comment), but the label is Raj's, not the app's.
    expect(appComments(env, VAGUE)).toHaveLength(1);
    expect(env.kvs.peek(`sprintflag:${issueIdOf({ env, key: VAGUE })}`)).toMatchObject({ labelAdded: null });

    makeReady(VAGUE);
    await env.settle();
    expect(labelsOf(env, VAGUE)).toEqual([LABEL]);
  });

  it('sets and later clears Jira\'s Flagged field when the project asks for it', async () => {
    await saveSprintFlags(env, { setFlagged: true });
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();
    expect(isFlagged(env, VAGUE)).toBe(true);
    expect(labelsOf(env, VAGUE)).toContain(LABEL);

    makeReady(VAGUE);
    await env.settle();
    expect(isFlagged(env, VAGUE)).toBe(false);
    expect(labelsOf(env, VAGUE)).not.toContain(LABEL);
  });

  describe('when Jira stores the comment but its answer is lost (503 after the write)', () => {
    const COMMENT_POST = /\/rest\/api\/3\/issue\/[^/]+\/comment$/;

    it('ends with exactly one comment: the app finds its comment before posting again', async () => {
      env.faults.set({ lostAnswer: { status: 503, count: 1, method: 'POST', pathPattern: COMMENT_POST } });
      env.sandbox.resetCounters();
      env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
      await env.settle();

      expect(env.faults.injected().lostAnswers).toBe(1);
      expect(appComments(env, VAGUE)).toHaveLength(1);
      expect(labelsOf(env, VAGUE)).toContain(LABEL);
      expect(env.kvs.peek(`sprintflag:${issueIdOf({ env, key: VAGUE })}`)).toMatchObject({ sprintId: 15, commentedSprints: [15] });
      expect(env.sandbox.deliveredEvents.every((entry) => entry.ok)).toBe(true);
      const calls = env.sandbox.jiraCalls();
      expect(calls['POST /rest/api/3/issue/{issueIdOrKey}/comment']).toBe(1);
      expect(calls['GET /rest/api/3/issue/{issueIdOrKey}/comment']).toBe(1);
      expect(calls['POST /rest/api/3/comment/list']).toBe(1);
    });

    it('still posts one comment per flagged issue when every comment answer of a sprint start is lost', async () => {
      env.faults.set({ lostAnswer: { status: 503, count: 'always', method: 'POST', pathPattern: COMMENT_POST } });
      env.jira.moveIssueToSprint('DEMO-13', 14, 'ana');
      await env.settle();
      env.jira.startSprint(14, 'ana');
      await env.settle();

      for (const key of ['DEMO-7', 'DEMO-12', 'DEMO-13']) expect({ key, comments: appComments(env, key).length }).toEqual({ key, comments: 1 });
      // Every comment POST of the three issues was stored and answered 503; none was sent twice.
      expect(env.faults.injected().lostAnswers).toBe(3);
      expect(env.sandbox.deliveredEvents.every((entry) => entry.ok)).toBe(true);
    });

    it('posts the comment again when Jira failed before storing it (plain 503), still only once', async () => {
      env.faults.set({ serverError: { status: 503, count: 1, pathPattern: COMMENT_POST } });
      env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
      await env.settle();
      expect(env.faults.injected().serverErrors).toBe(1);
      expect(appComments(env, VAGUE)).toHaveLength(1);
    });
  });

  it('flags nothing when sprint flags are switched off', async () => {
    await saveSprintFlags(env, { enabled: false });
    env.jira.moveIssueToSprint(VAGUE, 15, 'ana');
    await env.settle();
    env.jira.startSprint(14, 'ana');
    await env.settle();

    for (const key of [VAGUE, 'DEMO-7', 'DEMO-12', 'DEMO-19']) {
      expect(labelsOf(env, key)).not.toContain(LABEL);
      expect(appComments(env, key)).toHaveLength(0);
      expect(isFlagged(env, key)).toBe(false);
    }
    expect(env.sandbox.deliveredEvents.every((entry) => entry.ok)).toBe(true);
    expect(labelsOf(env, VAGUE)).toEqual([]);
  });
});
