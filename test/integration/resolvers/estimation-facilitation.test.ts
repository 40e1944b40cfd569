/**
 * Estimation as a facilitated session (issue 14) through the real resolvers: only facilitators
 * reveal, start rounds and accept; earlier rounds survive a re-vote; reasons come back after the
 * reveal, highest and lowest first; anonymous mode sends no name next to a value; the timer.
 */
import type { EstimationRound, ProjectSettings } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { call, currentSettings, dataOf, errorOf, SETTINGS_MODULE, snapshotOf } from './resolver-helpers';

const ESTIMATION_FIELD = 'customfield_10106';

const as = (accountId: string, issueKey: string) => ({ accountId, issueKey });

async function saveEstimation(env: SandboxEnv, change: Partial<ProjectSettings['estimation']>): Promise<void> {
  const settings = await currentSettings(env);
  const saved = await call({ env, key: 'saveSettings', payload: { settings: { ...settings, estimation: { ...settings.estimation, ...change } } }, as: { accountId: 'ana', projectKey: 'DEMO', moduleKey: SETTINGS_MODULE } });
  dataOf(saved);
}

async function vote(env: SandboxEnv, params: { who: string; key: string; value: string; reason?: string }): Promise<EstimationRound> {
  return dataOf(await call({ env, key: 'castVote', payload: { value: params.value, ...(params.reason === undefined ? {} : { reason: params.reason }) }, as: as(params.who, params.key) }));
}

/** Every object in a JSON value that carries a card value next to something naming a person. */
function namedValues(json: unknown, people: { names: string[]; ids: string[] }): unknown[] {
  const found: unknown[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const entries = Object.entries(node);
    const hasValue = entries.some(([key, v]) => (key === 'value' || key === 'myVote' || key === 'highValue' || key === 'lowValue') && typeof v === 'string' && v !== '');
    const own = entries.filter(([, v]) => typeof v === 'string').map(([, v]) => String(v));
    const identity = own.some((text) => people.ids.includes(text) || people.names.some((name) => text.includes(name)));
    const nestedIdentity = entries.some(([key, v]) => ['voter', 'high', 'low'].includes(key) && JSON.stringify(v).match(/[A-Za-z]/) !== null && v !== null && JSON.stringify(v) !== '[]');
    if (hasValue && (identity || nestedIdentity)) found.push(node);
    entries.forEach(([, v]) => visit(v));
  };
  visit(json);
  return found;
}

describe('estimation with a facilitator, history, reasons and anonymity', () => {
  const env = setupSandbox({ playVotes: false, freshPerTest: true });

  it('refuses a non-facilitator’s reveal and accept with FORBIDDEN and plain words, and lets the facilitator do both', async () => {
    await saveEstimation(env, { facilitator: 'admins' });
    await vote(env, { who: 'raj', key: 'DEMO-9', value: '3' });
    const rajView = dataOf(await call({ env, key: 'getRound', as: as('raj', 'DEMO-9') }));
    expect(rajView.facilitation.canFacilitate).toBe(false);
    expect(rajView.facilitation.reason).toContain("project's admins");

    const reveal = errorOf(await call({ env, key: 'revealVotes', as: as('raj', 'DEMO-9') }));
    expect(reveal.code).toBe('FORBIDDEN');
    expect(reveal.message).toMatch(/^You cannot reveal the votes\. Only the project's admins/);
    const accept = errorOf(await call({ env, key: 'acceptEstimate', payload: { value: '8' }, as: as('raj', 'DEMO-9') }));
    expect(accept.code).toBe('FORBIDDEN');
    expect(accept.message).toContain('You cannot accept an estimate');
    expect(snapshotOf({ env, key: 'DEMO-9' }).fields[ESTIMATION_FIELD]).toBeNull();
    expect(errorOf(await call({ env, key: 'resetVotes', as: as('raj', 'DEMO-9') })).code).toBe('FORBIDDEN');
    expect(errorOf(await call({ env, key: 'startTimer', payload: { seconds: 60 }, as: as('raj', 'DEMO-9') })).code).toBe('FORBIDDEN');
    // Nothing moved: still round 1, not revealed.
    expect(dataOf(await call({ env, key: 'getRound', as: as('mei', 'DEMO-9') }))).toMatchObject({ roundNumber: 1, revealed: false, voterCount: 1 });

    expect(dataOf(await call({ env, key: 'revealVotes', as: as('ana', 'DEMO-9') })).revealed).toBe(true);
    dataOf(await call({ env, key: 'acceptEstimate', payload: { value: '3' }, as: as('ana', 'DEMO-9') }));
    expect(snapshotOf({ env, key: 'DEMO-9' }).fields[ESTIMATION_FIELD]).toBe(3);
  });

  it('lets only the named facilitators run the round when the project names them', async () => {
    await saveEstimation(env, { facilitator: 'named', facilitatorIds: [env.sandbox.accountId('mei')] });
    await vote(env, { who: 'ana', key: 'DEMO-9', value: '5' });
    expect(errorOf(await call({ env, key: 'revealVotes', as: as('ana', 'DEMO-9') })).message).toContain('named in the project settings');
    expect(dataOf(await call({ env, key: 'revealVotes', as: as('mei', 'DEMO-9') })).revealed).toBe(true);
  });

  it('keeps the first round with its values, reasons and acceptance when a re-vote starts a new round', async () => {
    await vote(env, { who: 'ana', key: 'DEMO-9', value: '3', reason: 'Copy of the invoice screen' });
    await vote(env, { who: 'raj', key: 'DEMO-9', value: '13', reason: 'The PDF export is new' });
    dataOf(await call({ env, key: 'revealVotes', as: as('ana', 'DEMO-9') }));
    dataOf(await call({ env, key: 'acceptEstimate', payload: { value: '8' }, as: as('ana', 'DEMO-9') }));
    const second = dataOf(await call({ env, key: 'resetVotes', as: as('ana', 'DEMO-9') }));
    expect(second.roundNumber).toBe(2);
    // Raj and Ana voted before and have not voted in round 2: they are listed, by name only.
    expect(second.notVoted.map((person) => person.displayName).sort()).toEqual(['Ana Lopez', 'Raj Patel']);
    await vote(env, { who: 'raj', key: 'DEMO-9', value: '8' });
    dataOf(await call({ env, key: 'revealVotes', as: as('ana', 'DEMO-9') }));
    const third = dataOf(await call({ env, key: 'resetVotes', as: as('ana', 'DEMO-9') }));

    expect(third.roundNumber).toBe(3);
    expect(third.history.map((record) => record.roundNumber)).toEqual([2, 1]);
    const first = third.history[1];
    expect(first).toMatchObject({ roundNumber: 1, revealed: true, voterCount: 2, accepted: { value: '8', points: 8, byName: 'Ana Lopez' } });
    expect(first?.divergence).toMatchObject({ lowValue: '3', highValue: '13', diverges: true });
    expect(first?.votes).toEqual([
      { value: '13', reason: 'The PDF export is new', voter: { accountId: env.sandbox.accountId('raj'), displayName: 'Raj Patel' }, extreme: 'high' },
      { value: '3', reason: 'Copy of the invoice screen', voter: { accountId: env.sandbox.accountId('ana'), displayName: 'Ana Lopez' }, extreme: 'low' },
    ]);
    expect(third.history[0]).toMatchObject({ roundNumber: 2, revealed: true, voterCount: 1, votes: [{ value: '8', reason: null }] });
  });

  it('shows reasons only after the reveal, the highest and lowest voters’ first', async () => {
    await vote(env, { who: 'ana', key: 'DEMO-9', value: '3', reason: 'Same as the last form' });
    await vote(env, { who: 'raj', key: 'DEMO-9', value: '13', reason: 'Needs a migration' });
    await vote(env, { who: 'mei', key: 'DEMO-9', value: '5', reason: 'Middle ground' });
    await vote(env, { who: 'tom', key: 'DEMO-9', value: '5' });
    const before = dataOf(await call({ env, key: 'getRound', as: as('tom', 'DEMO-9') }));
    expect(before.revealedVotes).toEqual([]);
    expect(JSON.stringify(before)).not.toContain('migration');
    const mine = dataOf(await call({ env, key: 'getRound', as: as('ana', 'DEMO-9') }));
    expect(mine.myReason).toBe('Same as the last form');

    dataOf(await call({ env, key: 'revealVotes', as: as('ana', 'DEMO-9') }));
    const after = dataOf(await call({ env, key: 'getRound', as: as('tom', 'DEMO-9') }));
    expect(after.revealedVotes.map((v) => [v.value, v.reason, v.extreme])).toEqual([
      ['13', 'Needs a migration', 'high'],
      ['3', 'Same as the last form', 'low'],
      ['5', 'Middle ground', null],
      ['5', null, null],
    ]);
    // 3, 5, 5, 13: both middle votes are 5.
    expect(after.suggestion?.value).toBe('5');
    expect(after.suggestion?.explanation).toContain('both middle votes are 5');
  });

  it('refuses a reason longer than 280 characters with BAD_REQUEST and stores nothing', async () => {
    const error = errorOf(await call({ env, key: 'castVote', payload: { value: '3', reason: 'x'.repeat(281) }, as: as('ana', 'DEMO-9') }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('reason');
    expect(dataOf(await call({ env, key: 'getRound', as: as('ana', 'DEMO-9') })).voterCount).toBe(0);
  });

  it('in anonymous mode, no estimation response carries a name or accountId next to a value', async () => {
    await saveEstimation(env, { anonymous: true });
    const people = { names: ['Ana Lopez', 'Raj Patel', 'Mei', 'Tom'], ids: ['ana', 'raj', 'mei', 'tom'].map((who) => env.sandbox.accountId(who)) };
    const raw: { label: string; json: unknown; ok: boolean }[] = [];
    // The raw JSON each browser would receive, parsed back: nothing but what survives serialisation.
    const record = (label: string, envelope: { ok: boolean }) => raw.push({ label, json: JSON.parse(JSON.stringify(envelope)) as unknown, ok: envelope.ok });

    record('castVote ana', await call({ env, key: 'castVote', payload: { value: '3', reason: 'Small' }, as: as('ana', 'DEMO-9') }));
    record('castVote raj', await call({ env, key: 'castVote', payload: { value: '13', reason: 'Big' }, as: as('raj', 'DEMO-9') }));
    record('revealVotes', await call({ env, key: 'revealVotes', as: as('ana', 'DEMO-9') }));
    // The agenda while the divergence is live: it carries the divergence flag and its explanation.
    const liveAgenda = await call({ env, key: 'getAgenda', as: { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'refinement-agenda' } });
    record('getAgenda (divergence live)', liveAgenda);
    const liveItem = [...dataOf(liveAgenda).items, ...dataOf(liveAgenda).carryOver].find((item) => item.issueKey === 'DEMO-9');
    expect(liveItem?.flags.map((flag) => flag.type)).toContain('divergence');
    record('getRound mei', await call({ env, key: 'getRound', as: as('mei', 'DEMO-9') }));
    record('getReadiness mei', await call({ env, key: 'getReadiness', as: as('mei', 'DEMO-9') }));
    record('acceptEstimate', await call({ env, key: 'acceptEstimate', payload: { value: '8' }, as: as('ana', 'DEMO-9') }));
    record('resetVotes', await call({ env, key: 'resetVotes', as: as('ana', 'DEMO-9') }));
    record('startTimer', await call({ env, key: 'startTimer', payload: { seconds: 120 }, as: as('ana', 'DEMO-9') }));
    record('getRound raj (history)', await call({ env, key: 'getRound', as: as('raj', 'DEMO-9') }));
    record('getAgenda', await call({ env, key: 'getAgenda', as: { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'refinement-agenda' } }));

    // The check can fail: a named vote is caught.
    expect(namedValues({ value: '3', voter: { accountId: people.ids[0], displayName: 'Ana Lopez' } }, people)).toHaveLength(1);
    expect(namedValues({ votes: [{ accountId: people.ids[0], value: '3' }] }, people)).toHaveLength(1);
    for (const { label, json, ok } of raw) {
      expect({ label, ok }).toEqual({ label, ok: true });
      expect({ label, named: namedValues(json, people) }).toEqual({ label, named: [] });
    }
    const revealed = dataOf(await call({ env, key: 'getRound', as: as('tom', 'DEMO-9') }));
    const lastRound = revealed.history[0];
    // The values and reasons are all there, explained by value only.
    expect(lastRound?.votes.map((v) => [v.value, v.reason, v.voter])).toEqual([
      ['13', 'Big', null],
      ['3', 'Small', null],
    ]);
    expect(lastRound?.divergence).toMatchObject({ high: [], low: [], summary: '3 vs 13 — whoever voted 3 and 13 explain' });
    // The divergence flag in the readiness (getReadiness embeds it) names nobody either. Its round,
    // like getRound's, lists who voted (never next to a value: checked above), so only the judgement is searched.
    const { round: embeddedRound, ...judgement } = dataOf(await call({ env, key: 'getReadiness', as: as('mei', 'DEMO-9') }));
    expect(embeddedRound.anonymous).toBe(true);
    const readiness = JSON.stringify(judgement);
    for (const name of ['Ana Lopez', 'Raj Patel']) expect(readiness).not.toContain(name);
  });

  it('stores the timer with the round so every browser counts down from the same end', async () => {
    const started = dataOf(await call({ env, key: 'startTimer', payload: { seconds: 90 }, as: as('ana', 'DEMO-9') }));
    expect(started.timer?.seconds).toBe(90);
    const seen = dataOf(await call({ env, key: 'getRound', as: as('raj', 'DEMO-9') }));
    expect(seen.timer).toEqual(started.timer);
    expect(Date.parse(seen.timer?.endsAt ?? '') - Date.parse(seen.timer?.startedAt ?? '')).toBe(90_000);
    expect(errorOf(await call({ env, key: 'startTimer', payload: { seconds: 7200 }, as: as('ana', 'DEMO-9') })).code).toBe('BAD_REQUEST');
  });
});
