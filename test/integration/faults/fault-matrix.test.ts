/**
 * Fault matrix: every resolver and every trigger against 429 bursts, 5xx (once and always),
 * slow answers, malformed bodies, huge descriptions, hidden or deleted linked issues and a
 * near-limit agenda. Every run ends in a correct or partial answer with a clear message, nothing
 * already stored is lost, and triggers never leave a state a retry cannot finish.
 * Retries wait on the sandbox's virtual clock (`env.time`): Jira's Retry-After is honoured and
 * counted against the invocation's budget, without real sleeping.
 */
import { z } from 'zod';
import { ERROR_CODES, RESOLVER_KEYS, type ResolverKey } from '../../../src/contract';
import type { FaultConfig } from '../../../sandbox/forge/faults';
import type { Json, JsonObject } from '../../../sandbox/jira/model';
import type { InvokeOptions } from '../../../sandbox/runtime';
import { setupSandbox } from '../../support/sandbox-env';
import { isJsonObject } from '../sandbox/emulator-helpers';
import { currentSettings, issueIdOf, SETTINGS_MODULE } from '../resolvers/resolver-helpers';
import { appComments, envelope, labelsOf, readinessPropertyOf, readyStoryDescription, type AnyEnvelope } from '../triggers/flag-helpers';

const LABEL = 'not-ready';
const asIssue = (accountId: string, issueKey = 'DEMO-9'): InvokeOptions => ({ accountId, issueKey });
const asProject = (accountId: string): InvokeOptions => ({ accountId, projectKey: 'DEMO' });
const asSettings = (accountId: string): InvokeOptions => ({ accountId, projectKey: 'DEMO', moduleKey: SETTINGS_MODULE });
/** The agenda page (jira:projectPage) estimating in a row: it names its issue in the payload. */
const asAgenda = (accountId: string): InvokeOptions => ({ accountId, projectKey: 'DEMO', moduleKey: 'refinement-agenda' });

interface Step {
  key: ResolverKey;
  payload: () => unknown;
  options: InvokeOptions;
}

describe('fault matrix', () => {
  const env = setupSandbox({ freshPerTest: true });
  let errors: jest.SpyInstance<void, unknown[]>;

  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  /** The newest version of a versioned KVS record (`<prefix><n>`), as stored. */
  const latestRecord = (prefix: string): Json | undefined => {
    const numbers = env.kvs
      .keys()
      .filter((key) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)))
      .map((key) => Number(key.slice(prefix.length)));
    return numbers.length === 0 ? undefined : env.kvs.peek(`${prefix}${Math.max(...numbers)}`);
  };
  const storedSession = z.object({ sessions: z.array(z.object({ version: z.number() })) });
  const storedQuestions = z.object({ questions: z.array(z.object({ id: z.string() })) });
  const latestSessionVersion = (): number => storedSession.safeParse(latestRecord('rsession:10000:')).data?.sessions[0]?.version ?? 1;
  const latestQuestionId = (): string => storedQuestions.safeParse(latestRecord('rquestions:10000:')).data?.questions.at(-1)?.id ?? 'q0';

  /** One planning session touching every resolver, in an order where each step has its prerequisites. */
  const SESSION: Step[] = [
    { key: 'getReadiness', payload: () => ({}), options: asIssue('raj') },
    // The issue-context badge when the panel is closed: the stored judgement only.
    { key: 'getStoredReadiness', payload: () => ({}), options: asIssue('raj') },
    { key: 'setChecklistItem', payload: () => ({ itemId: 'team-discussed', checked: true }), options: asIssue('raj') },
    { key: 'getRound', payload: () => ({}), options: asIssue('raj') },
    { key: 'startTimer', payload: () => ({ seconds: 120 }), options: asIssue('ana') },
    { key: 'castVote', payload: () => ({ value: '13' }), options: asIssue('raj') },
    { key: 'castVote', payload: () => ({ value: '3' }), options: asIssue('ana') },
    { key: 'revealVotes', payload: () => ({}), options: asIssue('ana') },
    { key: 'acceptEstimate', payload: () => ({ value: '5' }), options: asIssue('ana') },
    { key: 'resetVotes', payload: () => ({}), options: asIssue('ana') },
    { key: 'getAgenda', payload: () => ({ sessionMinutes: 60 }), options: asProject('raj') },
    { key: 'getRoundFor', payload: () => ({ issueKey: 'DEMO-9' }), options: asAgenda('raj') },
    { key: 'getSprintCheck', payload: () => ({ sprintId: 14 }), options: asProject('raj') },
    { key: 'getHealth', payload: () => ({}), options: asProject('ana') },
    // The refinement session: questions ahead, the walk, the end with its write-back. Versions and
    // question ids are read from storage, so computing a payload never calls Jira (faults may be on).
    { key: 'addQuestion', payload: () => ({ text: 'Which payment providers are in scope?' }), options: asIssue('raj') },
    { key: 'getQuestions', payload: () => ({}), options: asIssue('raj') },
    { key: 'answerQuestion', payload: () => ({ questionId: latestQuestionId(), text: 'Cards only for now.' }), options: asAgenda('ana') },
    { key: 'startSession', payload: () => ({ sessionMinutes: 60 }), options: asAgenda('ana') },
    { key: 'getSession', payload: () => ({}), options: asAgenda('raj') },
    { key: 'giveConfidence', payload: () => ({ value: 4 }), options: asAgenda('raj') },
    { key: 'sessionAction', payload: () => ({ version: latestSessionVersion(), action: { type: 'next' } }), options: asAgenda('ana') },
    { key: 'takeOverSession', payload: () => ({ version: latestSessionVersion(), confirm: true }), options: asAgenda('mei') },
    { key: 'endSession', payload: () => ({ version: latestSessionVersion() }), options: asAgenda('mei') },
    { key: 'getSettings', payload: () => ({}), options: asSettings('tom') },
    { key: 'previewSettings', payload: async () => ({ settings: { ...(await currentSettings(env)), readyThreshold: 70 } }), options: asSettings('ana') },
    { key: 'saveSettings', payload: async () => ({ settings: { ...(await currentSettings(env)), readyThreshold: 70 } }), options: asSettings('ana') },
    { key: 'resetSettings', payload: () => ({}), options: asSettings('ana') },
  ];

  /** Steps that act on the session startSession opened (BAD_REQUEST "no session running" when it could not start). */
  const NEEDS_RUNNING_SESSION: ReadonlySet<ResolverKey> = new Set(['giveConfidence', 'sessionAction', 'takeOverSession', 'endSession']);

  it('the session covers every resolver key', () => {
    expect(new Set(SESSION.map((step) => step.key))).toEqual(new Set(RESOLVER_KEYS));
  });

  /** A failure must be a known code with a sentence for a person, not a stack or Jira's raw body. */
  function expectClear(answer: AnyEnvelope, where: string): void {
    if (answer.ok) return;
    const { code, message } = answer.error;
    expect({ where, code: ERROR_CODES.includes(code as (typeof ERROR_CODES)[number]) }).toEqual({ where, code: true });
    expect({ where, internal: code === 'INTERNAL' }).toEqual({ where, internal: false });
    expect(message).toMatch(/^[A-Z“"]/);
    expect(message).not.toMatch(/at .+\.ts:\d+|Error:|undefined|\[object/);
  }

  type Outcome = string;
  const outcomeOf = (answer: AnyEnvelope): Outcome => (answer.ok ? 'ok' : answer.error.code);

  /** Runs the session; `before` may set faults per step (e.g. "the first call of each step fails"). */
  async function runSession(before?: () => void): Promise<{ outcomes: Outcome[]; answers: AnyEnvelope[] }> {
    const answers: AnyEnvelope[] = [];
    for (const step of SESSION) {
      const payload = await step.payload();
      before?.();
      const answer = envelope(await env.invoke(step.key, payload, step.options));
      expectClear(answer, step.key);
      answers.push(answer);
    }
    env.faults.clear();
    return { outcomes: answers.map(outcomeOf), answers };
  }

  describe('resolvers under transient faults give the same answers as without them', () => {
    const transient: [string, FaultConfig | (() => FaultConfig)][] = [
      ['429 burst (Retry-After 1 s)', { rateLimit: { burst: 12, retryAfterSeconds: 1 } }],
      ['429 every 6th agile call (Retry-After 2 s)', { rateLimit: { every: 6, retryAfterSeconds: 2, pathPattern: /\/rest\/agile\// } }],
      ['429 per-issue write limit on issue calls (Retry-After 1 s)', { rateLimit: { every: 3, reason: 'jira-per-issue-on-write', retryAfterSeconds: 1, pathPattern: /\/rest\/api\/3\/issue\/\d+(\?|$)/ } }],
      ['429 with X-RateLimit-Reset but no Retry-After', { rateLimit: { every: 5, retryAfterSeconds: null, resetAfterSeconds: 1 } }],
      ['429 with neither Retry-After nor X-RateLimit-Reset', { rateLimit: { every: 5, retryAfterSeconds: null } }],
      ['500 once per step', () => ({ serverError: { status: 500, count: 1 } })],
      ['503 twice on issue reads', { serverError: { status: 503, count: 2, pathPattern: /\/rest\/api\/3\/issue\// } }],
      ['200 ms latency', { latencyMs: 200 }],
    ];
    it.each(transient)('%s', async (_name, config) => {
      const baseline = await runSession();
      expect(baseline.outcomes.every((outcome) => outcome === 'ok')).toBe(true);
      await env.reset();
      const started = env.time.now();
      // A function sets its faults afresh before every step; an object holds for the whole session.
      if (typeof config !== 'function') env.faults.set(config);
      const faulted = await runSession(typeof config === 'function' ? () => env.faults.set(config()) : undefined);
      expect(faulted.outcomes).toEqual(baseline.outcomes);
      // Real time plus every wait the retries took: the session still fits Forge's limits.
      expect(env.time.now() - started).toBeLessThan(20_000);
      const injected = env.faults.injected();
      if (!_name.includes('latency')) expect(injected.rateLimited + injected.serverErrors).toBeGreaterThan(0);
    });
  });

  it('resolvers under persistent 503 answer JIRA_UNAVAILABLE (or work from storage) and lose nothing', async () => {
    // Votes are in before Jira goes down.
    for (const [who, value] of [['raj', '13'], ['ana', '3']] as const) {
      expect(envelope(await env.invoke('castVote', { value }, asIssue(who))).ok).toBe(true);
    }
    const settingsBefore = await currentSettings(env);
    const issueId = issueIdOf({ env, key: 'DEMO-9' });
    // Ballots (vote:<issueId>:<round>:<slot>) name their voter in the value.
    const voteKeys = env.kvs.keys().filter((key) => key.startsWith(`vote:${issueId}:`));
    const votesBefore = voteKeys.map((key) => env.kvs.peek(key));
    expect(votesBefore).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: env.sandbox.accountId('raj'), value: '13' }),
        expect.objectContaining({ accountId: env.sandbox.accountId('ana'), value: '3' }),
      ]),
    );

    const planned = await Promise.all(
      SESSION.filter((step) => step.key !== 'castVote').map(async (step) => ({
        step,
        payload: step.key === 'saveSettings' ? { settings: { ...settingsBefore, readyThreshold: 55 } } : await step.payload(),
      })),
    );
    // Forget the cached admin answer, so saving has to ask Jira.
    for (const key of env.kvs.keys().filter((k) => k.startsWith('perm:'))) env.kvs.handle('/api/v1/delete', { key });

    env.faults.set({ serverError: { status: 503, count: 'always' } });
    // All at once: each call retries for a while before giving up, and under a total outage the order does not matter.
    const answers = await Promise.all(planned.map(async ({ step, payload }) => ({ key: step.key, answer: envelope(await env.invoke(step.key, payload, step.options)) })));
    env.faults.clear();

    for (const { key, answer } of answers) {
      expectClear(answer, key);
      // Without Jira no session could start, so the steps that act on one rightly say there is none.
      if (!answer.ok && !(NEEDS_RUNNING_SESSION.has(key) && answer.error.code === 'BAD_REQUEST')) expect({ key, code: answer.error.code }).toEqual({ key, code: 'JIRA_UNAVAILABLE' });
    }
    const answerOf = (key: ResolverKey) => answers.find((entry) => entry.key === key)!.answer;
    // Reads that need Jira fail clearly; a save that cannot check permissions changes nothing.
    for (const key of ['getReadiness', 'getAgenda', 'getSprintCheck', 'saveSettings'] as const) expect({ key, ok: answerOf(key).ok }).toEqual({ key, ok: false });
    expect((await currentSettings(env)).readyThreshold).toBe(settingsBefore.readyThreshold);
    // Whatever reveal, accept and reset answered, the votes cast before are not lost unless a reset really happened.
    if (!answerOf('resetVotes').ok) expect(voteKeys.map((key) => env.kvs.peek(key))).toEqual(votesBefore);
  });

  it('an exhausted hourly quota answers RATE_LIMITED with the wait at once: no retries, no waiting, nothing lost', async () => {
    for (const [who, value] of [['raj', '13'], ['ana', '3']] as const) {
      expect(envelope(await env.invoke('castVote', { value }, asIssue(who))).ok).toBe(true);
    }
    const settingsBefore = await currentSettings(env);
    const sleptBefore = env.time.slept();
    env.faults.set({ rateLimit: { every: 1, reason: 'jira-quota-tenant-based', retryAfterSeconds: 1800 } });
    env.sandbox.resetCounters();
    const answers: { key: ResolverKey; answer: AnyEnvelope }[] = [];
    for (const step of SESSION.filter((entry) => entry.key !== 'castVote' && entry.key !== 'previewSettings' && entry.key !== 'saveSettings')) {
      answers.push({ key: step.key, answer: envelope(await env.invoke(step.key, await step.payload(), step.options)) });
    }
    const rateLimited = env.faults.injected().rateLimited;
    const jiraCalls = Object.values(env.sandbox.jiraCalls()).reduce((sum, count) => sum + count, 0);
    env.faults.clear();

    for (const { key, answer } of answers) {
      expectClear(answer, key);
      // Without Jira no session could start, so the steps that act on one rightly say there is none.
      if (!answer.ok && !(NEEDS_RUNNING_SESSION.has(key) && answer.error.code === 'BAD_REQUEST')) {
        expect({ key, code: answer.error.code, wait: answer.error.retryAfterSeconds }).toEqual({ key, code: 'RATE_LIMITED', wait: 1800 });
        expect(answer.error.message).toContain('hourly allowance');
      }
    }
    expect(answers.find((entry) => entry.key === 'getReadiness')?.answer.ok).toBe(false);
    // Every Jira call was answered 429 once and never sent again, and nobody waited for the quota.
    expect(rateLimited).toBe(jiraCalls);
    expect(env.time.slept()).toBe(sleptBefore);
    expect((await currentSettings(env)).readyThreshold).toBe(settingsBefore.readyThreshold);
  });

  it('votes cast before a reveal that fails are still there, and the reveal works once Jira is back', async () => {
    for (const [who, value] of [['raj', '13'], ['ana', '3']] as const) {
      expect(envelope(await env.invoke('castVote', { value }, asIssue(who))).ok).toBe(true);
    }
    const issueId = issueIdOf({ env, key: 'DEMO-9' });
    const voteKeys = env.kvs.keys().filter((key) => key.startsWith(`vote:${issueId}:`));
    const before = voteKeys.map((key) => env.kvs.peek(key));
    expect(before.length).toBeGreaterThanOrEqual(2);
    env.faults.set({ serverError: { status: 503, count: 'always' } });
    const failed = envelope(await env.invoke('revealVotes', {}, asIssue('ana')));
    env.faults.clear();
    expectClear(failed, 'revealVotes');
    expect(failed).toMatchObject({ ok: false, error: { code: 'JIRA_UNAVAILABLE' } });
    expect(voteKeys.map((key) => env.kvs.peek(key))).toEqual(before);

    const revealed = envelope(await env.invoke('revealVotes', {}, asIssue('ana')));
    expect(revealed.ok).toBe(true);
    expect(JSON.stringify(revealed)).toContain('"13"');
    expect(JSON.stringify(revealed)).toContain('"3"');
  });

  describe('malformed Jira bodies', () => {
    const mutateObject = (mutate: (body: JsonObject) => Json) => (body: Json) => (isJsonObject(body) ? mutate(body) : body);
    const malformed: [string, FaultConfig['malformed']][] = [
      ['issue fields of the wrong type', { pathPattern: /\/rest\/api\/3\/issue\/[^/]+$/, mutate: mutateObject((body) => ({ ...body, fields: { summary: 42, labels: 'x', description: 12, issuetype: null, issuelinks: 'none' } })) }],
      ['issue without fields', { pathPattern: /\/rest\/api\/3\/issue\/[^/]+$/, mutate: mutateObject(({ fields: _fields, ...rest }) => rest) }],
      ['search issues null', { pathPattern: /search\/jql/, mutate: mutateObject((body) => ({ ...body, issues: null })) }],
      ['search issues without ids', { pathPattern: /search\/jql/, mutate: mutateObject((body) => ({ ...body, issues: [{ fields: null }, 7] })) }],
      ['agile values not a list', { pathPattern: /\/rest\/agile\//, mutate: mutateObject((body) => ({ ...body, values: 'oops', issues: { nope: true } })) }],
      ['sprint with unknown state and no id', { pathPattern: /\/rest\/agile\/1\.0\/(sprint|board\/\d+\/sprint)/, mutate: mutateObject((body) => ({ ...body, id: null, state: 'weird', values: [{ state: 'weird' }] })) }],
      ['field list empty', { pathPattern: /\/rest\/api\/3\/field/, mutate: () => [] }],
      ['field list of nulls', { pathPattern: /\/rest\/api\/3\/field/, mutate: () => [null, { id: 5 }] }],
      ['readiness property garbage', { pathPattern: /properties/, mutate: mutateObject((body) => ({ ...body, value: 'garbage' })) }],
      ['board configuration without estimation', { pathPattern: /configuration/, mutate: mutateObject(({ estimation: _estimation, ...rest }) => ({ ...rest, columnConfig: null })) }],
    ];
    it.each(malformed)('%s: every resolver answers clearly (no INTERNAL), triggers return', async (_name, fault) => {
      const { answers } = await runSession(() => env.faults.set({ malformed: fault }));
      expect(answers).toHaveLength(SESSION.length);
      // TEAM plans on a team-managed (`simple`) board; OPS works on a Kanban board, so its agenda is read through JQL search.
      env.faults.set({ malformed: fault });
      expectClear(envelope(await env.invoke('getAgenda', {}, { accountId: 'raj', projectKey: 'TEAM' })), 'TEAM agenda');
      env.faults.set({ malformed: fault });
      expectClear(envelope(await env.invoke('getAgenda', {}, { accountId: 'raj', projectKey: 'OPS' })), 'OPS agenda');

      env.faults.set({ malformed: fault });
      env.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
      env.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
      env.jira.startSprint(14, 'ana');
      await env.settle();
      await expect(env.sandbox.runScheduled('rescore-daily')).resolves.toBeUndefined();
      env.faults.clear();
      expect(env.faults.injected().malformed).toBeGreaterThan(0);
      expect(env.sandbox.deliveredEvents.length).toBeGreaterThanOrEqual(3);
      expect(env.sandbox.deliveredEvents.every((entry) => entry.ok)).toBe(true);
      // Whatever was half read, no issue got a second comment.
      for (const key of ['DEMO-23', 'DEMO-7', 'DEMO-12']) expect(appComments(env, key).length).toBeLessThanOrEqual(1);
    });
  });

  it('a 20,000-character description is scored and indexed', async () => {
    const words = Array.from({ length: 4_000 }, (_, i) => `word${i % 97}`).join(' ');
    const text = `As a shopper I want a very long explanation, so that nothing is left out. ${words}`.slice(0, 20_000);
    expect(text.length).toBe(20_000);
    const issue = env.jira.createIssue({ projectKey: 'DEMO', type: 'Story', summary: 'Explain everything about split payments', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, storyPoints: 3 }, 'ana');
    await env.settle();
    expect(readinessPropertyOf(env, issue.key)).not.toBeNull();
    const answer = envelope(await env.invoke('getReadiness', {}, asIssue('raj', issue.key)));
    expect(answer).toMatchObject({ ok: true, data: { issueKey: issue.key } });
  });

  it('hidden (Tom on DEMO-25) and deleted linked issues give a partial answer with a warning', async () => {
    const hidden = envelope(await env.invoke('getReadiness', {}, asIssue('tom', 'DEMO-25')));
    expect(hidden).toMatchObject({ ok: true, data: { warnings: ['1 linked issue is hidden from you or deleted'] } });
    // Tom learns nothing about SEC-1 itself.
    expect(JSON.stringify(hidden)).not.toContain('SEC-1');
    for (const step of SESSION.filter((entry) => entry.key !== 'saveSettings' && entry.key !== 'previewSettings' && entry.key !== 'resetSettings')) {
      const options = { ...step.options, accountId: 'tom' };
      expectClear(envelope(await env.invoke(step.key, await step.payload(), options)), `tom ${step.key}`);
    }

    const doomed = env.jira.createIssue({ projectKey: 'DEMO', type: 'Story', summary: 'Temporary blocker that will be deleted' }, 'ana');
    env.jira.linkIssues({ type: 'Blocks', source: doomed.key, destination: 'DEMO-36' }, 'ana');
    await env.settle();
    env.jira.site.issues.delete(doomed.key);
    const answer = envelope(await env.invoke('getReadiness', {}, asIssue('raj', 'DEMO-36')));
    expect(answer).toMatchObject({ ok: true, data: { warnings: ['1 linked issue is hidden from you or deleted'] } });
    expectClear(envelope(await env.invoke('getAgenda', {}, asProject('raj'))), 'agenda with a deleted blocker');
    expectClear(envelope(await env.invoke('getSprintCheck', {}, asProject('raj'))), 'sprint check with a deleted blocker');
  });

  it('an agenda over 200 long backlog items stays under 5 MB and says it was truncated', async () => {
    // Ten sprints of velocity (≈210 points) is more than 200 zero-point items can cover.
    const settings = await currentSettings(env);
    const saved = envelope(await env.invoke('saveSettings', { settings: { ...settings, agenda: { ...settings.agenda, horizonSprints: 10 } } }, asSettings('ana')));
    expect(saved.ok).toBe(true);
    const longSummary = (i: number) => `Backlog item ${i}: ${'make the checkout remember every preference a returning shopper ever chose '.repeat(4)}`.slice(0, 255);
    const description = { type: 'doc', version: 1, content: Array.from({ length: 20 }, (_, p) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${p}. ${'Details nobody has refined yet. '.repeat(10)}` }] })) };
    let after = 'DEMO-19';
    for (let i = 0; i < 210; i++) {
      after = env.jira.createIssue({ projectKey: 'DEMO', type: 'Story', summary: longSummary(i), description, storyPoints: 0, rankAfter: after }, 'ana').key;
    }
    await env.settle();
    const answer = envelope(await env.invoke('getAgenda', { sessionMinutes: 240 }, asProject('raj')));
    expect(answer.ok).toBe(true);
    const size = Buffer.byteLength(JSON.stringify(answer));
    expect(size).toBeLessThan(5 * 1024 * 1024);
    expect(answer).toMatchObject({ ok: true, data: { truncated: true, horizon: { stoppedBecause: 'item-limit' } } });
  });

  describe('triggers', () => {
    const deliveredOk = () => env.sandbox.deliveredEvents.every((entry) => entry.ok);
    const loggedFailure = () => errors.mock.calls.some((call: unknown[]) => String(call[0]).includes('[refinement-radar]'));

    it('persistent 503 during a sprint move: the handler logs and returns; after recovery a replay flags with one comment', async () => {
      env.faults.set({ serverError: { status: 503, count: 'always' } });
      env.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
      await env.settle();
      env.faults.clear();
      expect(deliveredOk()).toBe(true);
      expect(loggedFailure()).toBe(true);
      expect(labelsOf(env, 'DEMO-23')).not.toContain(LABEL);

      await env.sandbox.replay(env.sandbox.deliveredEvents[0]!.event);
      expect(labelsOf(env, 'DEMO-23')).toContain(LABEL);
      expect(appComments(env, 'DEMO-23')).toHaveLength(1);
    });

    it('a comment that cannot be posted is posted by the retry, and the label stays the app\'s to remove', async () => {
      env.faults.set({ serverError: { status: 503, count: 'always', pathPattern: /\/comment/ } });
      env.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
      await env.settle();
      env.faults.clear();
      expect(deliveredOk()).toBe(true);
      expect(labelsOf(env, 'DEMO-23')).toContain(LABEL);
      expect(appComments(env, 'DEMO-23')).toHaveLength(0);

      const event = env.sandbox.deliveredEvents[0]!.event;
      await env.sandbox.replay(event);
      await env.sandbox.replay(event);
      expect(appComments(env, 'DEMO-23')).toHaveLength(1);

      env.jira.editIssue('DEMO-23', { description: readyStoryDescription(), storyPoints: 3 }, 'ana');
      await env.settle();
      expect(labelsOf(env, 'DEMO-23')).not.toContain(LABEL);
    });

    it('a label write that fails leaves nothing half done; the retry labels and comments once', async () => {
      env.faults.set({ serverError: { status: 500, count: 'always', pathPattern: /\/rest\/api\/3\/issue\/[^/]+$/ } });
      env.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
      await env.settle();
      env.faults.clear();
      // The issue read failed as well (same path), so nothing was written at all.
      expect(labelsOf(env, 'DEMO-23')).not.toContain(LABEL);
      expect(appComments(env, 'DEMO-23')).toHaveLength(0);
      await env.sandbox.replay(env.sandbox.deliveredEvents[0]!.event);
      expect(labelsOf(env, 'DEMO-23')).toContain(LABEL);
      expect(appComments(env, 'DEMO-23')).toHaveLength(1);
    });

    it('sprint start under 429 bursts (Retry-After 1 s) flags every not-ready issue once', async () => {
      env.faults.set({ rateLimit: { burst: 6, retryAfterSeconds: 1 } });
      env.jira.startSprint(14, 'ana');
      await env.settle();
      env.faults.clear();
      expect(env.faults.injected().rateLimited).toBeGreaterThan(0);
      expect(deliveredOk()).toBe(true);
      for (const key of ['DEMO-7', 'DEMO-12']) {
        expect(labelsOf(env, key)).toContain(LABEL);
        expect(appComments(env, key)).toHaveLength(1);
      }
      expect(labelsOf(env, 'DEMO-5')).not.toContain(LABEL);
    });

    it('sprint start while comments fail: labels go on, comments follow on replay, exactly one each', async () => {
      env.faults.set({ serverError: { status: 503, count: 'always', pathPattern: /\/comment/ } });
      env.jira.startSprint(14, 'ana');
      await env.settle();
      env.faults.clear();
      expect(deliveredOk()).toBe(true);
      for (const key of ['DEMO-7', 'DEMO-12']) expect(appComments(env, key)).toHaveLength(0);

      const started = env.sandbox.deliveredEvents.find((entry) => entry.event.eventType === 'avi:jira-software:started:sprint')!.event;
      await env.sandbox.replay(started);
      await env.sandbox.replay(started);
      for (const key of ['DEMO-7', 'DEMO-12']) {
        expect(labelsOf(env, key)).toContain(LABEL);
        expect(appComments(env, key)).toHaveLength(1);
      }
    });

    it('slow Jira (200 ms) still flags within one delivery', async () => {
      env.faults.set({ latencyMs: 200 });
      env.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
      await env.settle();
      expect(labelsOf(env, 'DEMO-23')).toContain(LABEL);
      expect(appComments(env, 'DEMO-23')).toHaveLength(1);
    });

    it('link events with malformed or failing issue reads do not throw, and a replay refreshes the property', async () => {
      await env.invoke('getReadiness', {}, asIssue('ana', 'DEMO-36'));
      env.faults.set({ malformed: { pathPattern: /\/rest\/api\/3\/issue\/[^/]+$/, mutate: (body) => (isJsonObject(body) ? { ...body, fields: null } : body) } });
      env.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
      await env.settle();
      env.faults.set({ serverError: { status: 503, count: 'always' } });
      await env.sandbox.replay(env.sandbox.deliveredEvents[0]!.event);
      env.faults.clear();
      expect(deliveredOk()).toBe(true);
      expect(readinessPropertyOf(env, 'DEMO-36')!.gaps).not.toContain('dependencies');

      await env.sandbox.replay(env.sandbox.deliveredEvents[0]!.event);
      expect(readinessPropertyOf(env, 'DEMO-36')!.gaps).toContain('dependencies');
    });

    it('the daily rescore survives 503s (once and always) and malformed bodies, and completes once Jira is back', async () => {
      env.faults.set({ serverError: { status: 503, count: 'always' } });
      await expect(env.sandbox.runScheduled('rescore-daily')).resolves.toBeUndefined();
      env.faults.set({ malformed: { pathPattern: /\/rest\/agile\//, mutate: (body) => (isJsonObject(body) ? { ...body, values: null, issues: null } : body) } });
      await expect(env.sandbox.runScheduled('rescore-daily')).resolves.toBeUndefined();
      env.faults.set({ serverError: { status: 503, count: 2 } });
      await env.sandbox.runScheduled('rescore-daily');
      env.faults.clear();
      expect(readinessPropertyOf(env, 'DEMO-7')).toMatchObject({ state: 'not-ready' });
      expect(env.kvs.keys()).not.toContain('rescore:cursor');
    });
  });
});
