/**
 * Every resolver against payloads a hostile or buggy browser could send: foreign ids, storage
 * keys, prototype pollution, 100 KB strings and wrong types. Issue, project and caller must come
 * from the Forge context only; the answer is always an envelope; KVS keys are built from trusted ids.
 */
import { ERROR_CODES, RESOLVER_KEYS, type ResolverKey } from '../../../src/contract';
import type { Json } from '../../../sandbox/jira/model';
import { setupSandbox } from '../../support/sandbox-env';
import { currentSettings, DEMO_PROJECT_ID, issueIdOf, SETTINGS_MODULE } from '../resolvers/resolver-helpers';
import { envelope, type AnyEnvelope } from '../triggers/flag-helpers';
import { rawInvoke } from './raw-invoke';

const HUGE = 'x'.repeat(100_000);
const CONTEXT_ISSUE = 'DEMO-9';
const FOREIGN_ISSUE = 'DEMO-5';
const TEAM_PROJECT_ID = '10001';

type Scope = 'issue' | 'project' | 'settings';
/** Typed by ResolverKey so a new resolver cannot be added without a row here. */
const SCOPES: Record<ResolverKey, Scope> = {
  getReadiness: 'issue',
  setChecklistItem: 'issue',
  getRound: 'issue',
  castVote: 'issue',
  revealVotes: 'issue',
  resetVotes: 'issue',
  acceptEstimate: 'issue',
  startTimer: 'issue',
  getRoundFor: 'issue',
  getAgenda: 'project',
  getSprintCheck: 'project',
  getSettings: 'settings',
  saveSettings: 'settings',
  previewSettings: 'settings',
  resetSettings: 'settings',
  getHealth: 'project',
  getSession: 'project',
  startSession: 'project',
  sessionAction: 'project',
  giveConfidence: 'project',
  takeOverSession: 'project',
  endSession: 'project',
  addQuestion: 'issue',
  answerQuestion: 'project',
  getQuestions: 'issue',
  getStoredReadiness: 'issue',
};

describe('tampered payloads against every resolver', () => {
  const env = setupSandbox();
  let ids: { contextIssue: string; foreignIssue: string; raj: string; ana: string };
  let validSettings: Json;

  beforeAll(async () => {
    ids = { contextIssue: issueIdOf({ env, key: CONTEXT_ISSUE }), foreignIssue: issueIdOf({ env, key: FOREIGN_ISSUE }), raj: env.sandbox.accountId('raj'), ana: env.sandbox.accountId('ana') };
    validSettings = JSON.parse(JSON.stringify(await currentSettings(env))) as Json;
  });
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  const basePayload = (key: ResolverKey): Record<string, Json> => {
    switch (key) {
      case 'setChecklistItem':
        return { itemId: 'team-discussed', checked: true };
      case 'castVote':
      case 'acceptEstimate':
        return { value: '5' };
      case 'startTimer':
        return { seconds: 60 };
      case 'getRoundFor':
        // Its own issue is the only key the panel may name.
        return { issueKey: CONTEXT_ISSUE };
      case 'getAgenda':
        return { sessionMinutes: 60 };
      case 'addQuestion':
        // A valid question, so what is tried is the issue it names, not the text.
        return { text: 'Which payment providers are in scope?' };
      case 'getSprintCheck':
        return { sprintId: 14 };
      case 'saveSettings':
      case 'previewSettings':
        return { settings: validSettings };
      case 'answerQuestion':
      case 'endSession':
      case 'getHealth':
      case 'getQuestions':
      case 'getReadiness':
      case 'getRound':
      case 'getSession':
      case 'getSettings':
      case 'getStoredReadiness':
      case 'giveConfidence':
      case 'resetSettings':
      case 'resetVotes':
      case 'revealVotes':
      case 'sessionAction':
      case 'startSession':
      case 'takeOverSession':
        return {};
    }
  };

  const foreignIds = (): Record<string, Json> => ({
    issueKey: FOREIGN_ISSUE,
    issueId: ids.foreignIssue,
    projectKey: 'TEAM',
    projectId: TEAM_PROJECT_ID,
    accountId: ids.ana,
    key: `vote:${ids.foreignIssue}:${ids.ana}`,
    storageKey: `settings:${TEAM_PROJECT_ID}`,
    context: { accountId: ids.ana, extension: { issue: { id: ids.foreignIssue, key: FOREIGN_ISSUE }, project: { id: TEAM_PROJECT_ID, key: 'TEAM' } } },
  });

  const POLLUTION = `{"polluted":"yes","isAdmin":true,"accountId":"5d1a2b3c4d5e6f0012345601","issueId":"10004"}`;
  /** Own `__proto__` / `constructor` keys, as JSON.parse produces them from a request body. */
  const polluted = (base: Record<string, Json>): unknown => {
    const rest = JSON.stringify(base).slice(1);
    return JSON.parse(`{"__proto__":${POLLUTION},"constructor":{"prototype":${POLLUTION}}${rest === '}' ? '}' : `,${rest}`}`);
  };

  const deepMap = (value: Json, leaf: (value: Json) => Json): Json => {
    if (Array.isArray(value)) return value.map((item) => deepMap(item, leaf));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, leaf)]));
    return leaf(value);
  };

  const variants = (key: ResolverKey): { name: string; payload: unknown }[] => {
    const base = basePayload(key);
    const fields = Object.keys(base);
    const each = (value: Json) => Object.fromEntries((fields.length > 0 ? fields : ['value']).map((field) => [field, value]));
    return [
      { name: 'foreign ids and storage keys', payload: { ...base, ...foreignIds() } },
      { name: 'prototype pollution', payload: polluted(base) },
      { name: '100 KB strings', payload: { ...(deepMap(base, (leaf) => (typeof leaf === 'string' ? HUGE : leaf)) as Record<string, Json>), note: HUGE } },
      { name: '100 KB key', payload: { ...base, [HUGE]: HUGE } },
      { name: 'null payload', payload: null },
      { name: 'undefined payload', payload: undefined },
      { name: 'array payload', payload: [base, foreignIds()] },
      { name: 'number payload', payload: 42 },
      { name: 'string payload', payload: 'castVote' },
      { name: 'fields null', payload: each(null) },
      { name: 'fields as arrays', payload: each([HUGE.slice(0, 10), 1]) },
      { name: 'numbers for strings', payload: each(13) },
      { name: 'strings for numbers and booleans', payload: each('14') },
      { name: 'nested objects', payload: each({ toString: 'x', valueOf: 1, __proto__: { polluted: 'yes' } }) },
    ];
  };

  const callOptions = (key: ResolverKey, as: string) => {
    const scope = SCOPES[key];
    if (scope === 'issue') return { functionKey: key, as, issueKey: CONTEXT_ISSUE };
    if (scope === 'project') return { functionKey: key, as, projectKey: 'DEMO' };
    return { functionKey: key, as, projectKey: 'DEMO', moduleKey: SETTINGS_MODULE };
  };

  /** Every KVS key shape of src/store/keys.ts, filled with the ids the context allows. */
  const allowedKey = (key: string, scope: Scope, caller: string): boolean => {
    const issue = scope === 'issue' ? ids.contextIssue : '(none)';
    const patterns = [
      `settings:${DEMO_PROJECT_ID}`,
      // Ballots are numbered (round, slot); who voted is in the value, written from the context.
      `vote:${issue}:\\d+:\\d+`,
      `round:${issue}:\\d+(:(closed|revealed|accepted|timer))?`,
      `checklist:${issue}:[a-z0-9-]{1,40}`,
      'fields:site',
      `perm:${DEMO_PROJECT_ID}:${caller}`,
      // The caller's own cached EDIT_ISSUES answer (who may facilitate an estimation round).
      `permission:${DEMO_PROJECT_ID}:EDIT_ISSUES:${caller}`,
      `sprintflag:${issue}`,
      `sprintcomment:${issue}:\\d+(:\\d+)?`,
      `setup:${DEMO_PROJECT_ID}:(auto|\\d+)`,
      // DEMO's own board (id 1): a tampered boardId must never cache another board's velocity.
      'velocity:1',
      // The session length the agenda remembers, for the context project only.
      `session:${DEMO_PROJECT_ID}`,
      // startSession creates the context project's session record (versions and head); TEAM's id never appears.
      `rsession:${DEMO_PROJECT_ID}:(\\d+|head)`,
      // addQuestion appends to the context project's question record (the issue comes from the context too).
      `rquestions:${DEMO_PROJECT_ID}:(\\d+|head)`,
    ];
    return patterns.some((pattern) => new RegExp(`^${pattern}$`).test(key));
  };

  const kvsState = (): Map<string, string> => new Map(env.kvs.keys().map((key) => [key, JSON.stringify(env.kvs.peek(key) ?? null)]));
  const outsiders = () => ['TEAM-1', 'SEC-1'].map((key) => JSON.stringify(env.jira.issueSnapshot(key)));

  function expectEnvelope(answer: AnyEnvelope): void {
    if (!answer.ok) {
      expect(ERROR_CODES).toContain(answer.error.code);
      expect(answer.error.message.length).toBeGreaterThan(0);
      // A message never echoes a 100 KB payload back.
      expect(answer.error.message.length).toBeLessThan(2_000);
    }
  }

  for (const key of RESOLVER_KEYS) {
    it(`${key}: always an envelope, never another issue/project/account, keys from trusted ids only`, async () => {
      const scope = SCOPES[key];
      const caller = scope === 'settings' ? 'ana' : 'raj';
      const callerId = env.sandbox.accountId(caller);
      for (const { name, payload } of variants(key)) {
        const before = kvsState();
        const foreignBefore = JSON.stringify(env.jira.issueSnapshot(FOREIGN_ISSUE));
        const outsidersBefore = outsiders();

        const answer = envelope(await rawInvoke(env, { ...callOptions(key, caller), payload }));
        try {
          expectEnvelope(answer);
          const after = kvsState();
          const touched = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
          expect(touched.filter((touchedKey) => !allowedKey(touchedKey, scope, callerId))).toEqual([]);
          // A ballot names its voter in the value: only ever the caller.
          const ballots = touched.filter((touchedKey) => touchedKey.startsWith('vote:')).map((touchedKey) => env.kvs.peek(touchedKey));
          for (const ballot of ballots) expect(ballot).toMatchObject({ accountId: callerId });
          for (const value of after.values()) expect(value.length).toBeLessThan(50_000);
          expect(after.has(`settings:${TEAM_PROJECT_ID}`)).toBe(false);
          if (scope === 'issue') expect(JSON.stringify(env.jira.issueSnapshot(FOREIGN_ISSUE))).toBe(foreignBefore);
          expect(outsiders()).toEqual(outsidersBefore);
          expect(Reflect.get(Object.prototype, 'polluted')).toBeUndefined();
          expect(Reflect.get(Object.prototype, 'isAdmin')).toBeUndefined();
        } catch (error) {
          throw new Error(`${key} / ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
  }

  it("castVote with Ana's accountId in the payload stores Raj's vote, never Ana's", async () => {
    const answer = envelope(await rawInvoke(env, { ...callOptions('castVote', 'raj'), payload: { value: '8', accountId: ids.ana, issueId: ids.foreignIssue } }));
    expect(answer.ok).toBe(true);
    const ballots = env.kvs
      .keys()
      .filter((k) => k.startsWith(`vote:${ids.contextIssue}:`))
      .map((k) => env.kvs.peek(k));
    expect(ballots).toContainEqual(expect.objectContaining({ accountId: ids.raj, value: '8' }));
    expect(ballots).not.toContainEqual(expect.objectContaining({ accountId: ids.ana }));
    expect(env.kvs.keys().filter((k) => k.startsWith(`vote:${ids.foreignIssue}:`))).toEqual([]);
  });

  it('setChecklistItem never stores for another issue, and refuses unknown item ids', async () => {
    const unknown = envelope(await rawInvoke(env, { ...callOptions('setChecklistItem', 'raj'), payload: { itemId: 'x', checked: true, issueId: ids.foreignIssue } }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const known = envelope(await rawInvoke(env, { ...callOptions('setChecklistItem', 'raj'), payload: { itemId: 'confidence-check', checked: true, issueId: ids.foreignIssue, issueKey: FOREIGN_ISSUE } }));
    expect(known.ok).toBe(true);
    expect(env.kvs.keys().filter((k) => k.startsWith('checklist:'))).toEqual(
      expect.arrayContaining([`checklist:${ids.contextIssue}:confidence-check`]),
    );
    expect(env.kvs.keys().filter((k) => k.startsWith('checklist:') && !k.startsWith(`checklist:${ids.contextIssue}:`))).toEqual([]);
    expect(env.kvs.keys()).not.toContain(`checklist:${ids.contextIssue}:x`);
  });

  it("saveSettings from a non-admin is refused even with an admin's accountId in the payload", async () => {
    const before = JSON.stringify(env.kvs.peek(`settings:${DEMO_PROJECT_ID}`) ?? null);
    const answer = envelope(
      await rawInvoke(env, { functionKey: 'saveSettings', as: 'tom', projectKey: 'DEMO', moduleKey: SETTINGS_MODULE, payload: { settings: { ...(validSettings as object), readyThreshold: 10 }, accountId: ids.ana } }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(env.kvs.peek(`settings:${DEMO_PROJECT_ID}`) ?? null)).toBe(before);
  });

  it("saveSettings with TEAM's project id in the payload saves DEMO's settings only", async () => {
    const answer = envelope(
      await rawInvoke(env, {
        functionKey: 'saveSettings',
        as: 'ana',
        projectKey: 'DEMO',
        moduleKey: SETTINGS_MODULE,
        payload: { settings: { ...(validSettings as object), readyThreshold: 75 }, projectId: TEAM_PROJECT_ID, projectKey: 'TEAM' },
      }),
    );
    expect(answer.ok).toBe(true);
    expect(env.kvs.peek(`settings:${DEMO_PROJECT_ID}`)).toMatchObject({ settings: { readyThreshold: 75 } });
    expect(env.kvs.peek(`settings:${TEAM_PROJECT_ID}`)).toBeUndefined();
  });

  it("getAgenda and getSprintCheck with TEAM's board or sprint in the payload never read or write TEAM for DEMO", async () => {
    const teamBefore = ['TEAM-1', 'TEAM-2', 'TEAM-3', 'TEAM-4'].map((key) => JSON.stringify(env.jira.issueSnapshot(key)));
    const agenda = envelope(await rawInvoke(env, { ...callOptions('getAgenda', 'raj'), payload: { boardId: 2 } }));
    const sprint = envelope(await rawInvoke(env, { ...callOptions('getSprintCheck', 'raj'), payload: { sprintId: 20 } }));
    for (const answer of [agenda, sprint]) {
      expectEnvelope(answer);
      expect(JSON.stringify(answer)).not.toMatch(/TEAM-\d/);
    }
    expect(['TEAM-1', 'TEAM-2', 'TEAM-3', 'TEAM-4'].map((key) => JSON.stringify(env.jira.issueSnapshot(key)))).toEqual(teamBefore);
  });

  it('own __proto__ keys sent through the sandbox transport stay data and pollute nothing', async () => {
    for (const key of RESOLVER_KEYS) {
      const options = callOptions(key, SCOPES[key] === 'settings' ? 'ana' : 'raj');
      const answer = envelope(await env.invoke(key, polluted(basePayload(key)), { accountId: options.as, ...options }));
      expectEnvelope(answer);
    }
    expect(Reflect.get(Object.prototype, 'polluted')).toBeUndefined();
    expect(env.kvs.keys().filter((k) => k.includes(ids.foreignIssue) || k.includes(TEAM_PROJECT_ID))).toEqual([]);
  });

  it('an anonymous caller gets BAD_REQUEST from every resolver', async () => {
    for (const key of RESOLVER_KEYS) {
      const before = kvsState();
      const answer = envelope(await rawInvoke(env, { ...callOptions(key, 'ana'), as: null, payload: basePayload(key) }));
      expect({ key, answer }).toMatchObject({ key, answer: { ok: false, error: { code: 'BAD_REQUEST' } } });
      expect(kvsState()).toEqual(before);
    }
  });

  /**
   * The estimation resolvers, and addQuestion (questions are asked from the agenda's items too), which
   * the agenda page may point at one of its project's issues by key.
   */
  const ESTIMATION_KEYS: ResolverKey[] = ['getRound', 'castVote', 'revealVotes', 'resetVotes', 'acceptEstimate', 'startTimer', 'getRoundFor', 'addQuestion'];
  const agendaPayload = (key: ResolverKey, extra: Record<string, Json>): Record<string, Json> => {
    const payload = { ...basePayload(key), ...extra };
    if (!('issueKey' in extra)) delete payload.issueKey;
    return payload;
  };

  it('issue-panel resolvers invoked from the project pages answer BAD_REQUEST, except estimation on the agenda with a key', async () => {
    const issueKeys = RESOLVER_KEYS.filter((key) => SCOPES[key] === 'issue');
    expect(issueKeys).toHaveLength(12);
    for (const key of issueKeys) {
      for (const moduleKey of ['refinement-agenda', 'definition-of-ready']) {
        // The agenda page may estimate DEMO's issues (see the agenda cases below); nothing else may name an issue.
        if (moduleKey === 'refinement-agenda' && ESTIMATION_KEYS.includes(key)) continue;
        const answer = envelope(await env.invoke(key, { ...basePayload(key), issueKey: FOREIGN_ISSUE, issueId: ids.foreignIssue }, { accountId: 'raj', projectKey: 'DEMO', moduleKey }));
        expect({ key, moduleKey, answer }).toMatchObject({ key, moduleKey, answer: { ok: false, error: { code: 'BAD_REQUEST' } } });
      }
    }
  });

  it('in the issue panel a payload key naming another issue is ignored: only the context issue is read and changed', async () => {
    const foreignBefore = JSON.stringify(env.jira.issueSnapshot(FOREIGN_ISSUE));
    const round = envelope(await rawInvoke(env, { ...callOptions('getRoundFor', 'raj'), payload: { issueKey: FOREIGN_ISSUE } }));
    expect(round).toMatchObject({ ok: true, data: { issue: { key: CONTEXT_ISSUE } } });
    const vote = envelope(await rawInvoke(env, { ...callOptions('castVote', 'raj'), payload: { value: '3', issueKey: FOREIGN_ISSUE } }));
    expect(vote.ok).toBe(true);
    expect(env.kvs.keys().filter((k) => k.includes(ids.foreignIssue))).toEqual([]);
    expect(env.kvs.keys().some((k) => k.startsWith(`vote:${ids.contextIssue}:`))).toBe(true);
    expect(JSON.stringify(env.jira.issueSnapshot(FOREIGN_ISSUE))).toBe(foreignBefore);
    // A malformed key is refused before anything runs, in the panel as on the agenda.
    const malformed = envelope(await rawInvoke(env, { ...callOptions('castVote', 'raj'), payload: { value: '3', issueKey: 'DEMO-5 OR 1=1' } }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it("getQuestions answers the context issue's questions only, whatever issue the payload names", async () => {
    const foreign = 'A question about the foreign issue';
    const own = 'A question about the context issue';
    expect(envelope(await rawInvoke(env, { functionKey: 'addQuestion', as: 'raj', issueKey: FOREIGN_ISSUE, payload: { text: foreign } })).ok).toBe(true);
    expect(envelope(await rawInvoke(env, { ...callOptions('addQuestion', 'raj'), payload: { text: own } })).ok).toBe(true);
    const answer = envelope(await rawInvoke(env, { ...callOptions('getQuestions', 'raj'), payload: { issueKey: FOREIGN_ISSUE, issueId: ids.foreignIssue } }));
    expect(answer).toMatchObject({ ok: true, data: { issueKey: CONTEXT_ISSUE } });
    const raw = JSON.stringify(answer);
    expect(raw).toContain(own);
    expect(raw).not.toContain(foreign);
    expect(raw).not.toContain(FOREIGN_ISSUE);
  });

  it('on the agenda page a key of another project is FORBIDDEN (or NOT_FOUND when hidden) and a malformed or missing key is BAD_REQUEST, with nothing stored', async () => {
    const agenda = (key: ResolverKey) => ({ functionKey: key, as: 'raj', projectKey: 'DEMO' });
    for (const key of ESTIMATION_KEYS) {
      const before = kvsState();
      const teamBefore = JSON.stringify(env.jira.issueSnapshot('TEAM-1'));
      // Raj may browse TEAM: the issue exists for him, but it is not DEMO's.
      const foreign = envelope(await rawInvoke(env, { ...agenda(key), payload: agendaPayload(key, { issueKey: 'TEAM-1' }) }));
      expect({ key, foreign }).toMatchObject({ key, foreign: { ok: false, error: { code: 'FORBIDDEN' } } });
      if (!foreign.ok) expect(foreign.error.message).toContain('not an issue of DEMO');
      // Raj may not browse SEC: Jira answers 404, so he learns nothing about it.
      const hidden = envelope(await rawInvoke(env, { ...agenda(key), payload: agendaPayload(key, { issueKey: 'SEC-1' }) }));
      expect({ key, hidden }).toMatchObject({ key, hidden: { ok: false, error: { code: 'NOT_FOUND' } } });
      for (const malformed of ['demo-5', 'DEMO-5 OR project = SEC', '../settings:10001', 'DEMO-0', `DEMO-${'9'.repeat(40)}`, 'TEAM', '']) {
        const answer = envelope(await rawInvoke(env, { ...agenda(key), payload: agendaPayload(key, { issueKey: malformed }) }));
        expect({ key, malformed, answer }).toMatchObject({ key, malformed, answer: { ok: false, error: { code: 'BAD_REQUEST' } } });
      }
      const missing = envelope(await rawInvoke(env, { ...agenda(key), payload: agendaPayload(key, {}) }));
      expect({ key, missing }).toMatchObject({ key, missing: { ok: false, error: { code: 'BAD_REQUEST' } } });
      expect(kvsState()).toEqual(before);
      expect(JSON.stringify(env.jira.issueSnapshot('TEAM-1'))).toBe(teamBefore);
    }
  });
});
