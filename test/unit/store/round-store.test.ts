/**
 * The estimation round store over a KVS that speaks the @forge/kvs protocol: create-once records,
 * gapless ballot slots, and the races between votes, reveals, resets and accepts.
 */
import { createStores } from '../../../src/store/create-stores';
import type { CastVoteOutcome, StoredVote } from '../../../src/usecases/ports';
import { installFakeForgeFetch, jsonResponse, type FakeForge } from '../../support/fake-forge-fetch';

let fake: FakeForge;
beforeEach(() => {
  fake = installFakeForgeFetch();
});
afterEach(() => fake.uninstall());

const ISSUE = '10001';
const rounds = () => createStores().rounds;
const aVote = (overrides: Partial<Omit<StoredVote, 'roundNumber'>> = {}): Omit<StoredVote, 'roundNumber'> => ({
  accountId: 'acc-1',
  displayName: 'Ana',
  value: '5',
  votedAt: '2026-11-21T10:00:00.000Z',
  ...overrides,
});
const at = '2026-11-21T10:00:00.000Z';
const seed = (key: string, value: unknown) => fake.kvs.set(key, { value, options: undefined });
const kvsKeys = (prefix: string) => [...fake.kvs.keys()].filter((key) => key.startsWith(prefix)).sort();
const batchGets = () => fake.kvsRequests.filter((request) => request.path === '/api/v1/batch/get');

type ForgeFetch = (meta: { type?: string }, path: string, init?: RequestInit) => Promise<Response>;

/**
 * Runs `action` once, just before or just after the first KVS write of a key matching `key`: a
 * deterministic stand-in for another invocation acting between two steps of the store.
 */
function aroundWrite(params: { key: RegExp; when: 'before' | 'after'; action: () => Promise<unknown> }): void {
  const inner = Reflect.get(globalThis, '__forge_fetch__') as ForgeFetch;
  let fired = false;
  const wrapped: ForgeFetch = async (meta, path, init) => {
    const raw = typeof init?.body === 'string' ? init.body : 'null';
    const body: unknown = JSON.parse(raw);
    const written: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'key') : undefined;
    const hit = !fired && meta.type === 'kvs' && path === '/api/v1/set' && typeof written === 'string' && params.key.test(written);
    if (hit) fired = true;
    if (hit && params.when === 'before') await params.action();
    const response = await inner(meta, path, init);
    if (hit && params.when === 'after') await params.action();
    return response;
  };
  Reflect.set(globalThis, '__forge_fetch__', wrapped);
}

describe('round store: votes', () => {
  it('keeps all 20 votes cast concurrently, each in a slot of its own', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) => rounds().castVote({ issueId: ISSUE, vote: aVote({ accountId: `acc-${index}`, displayName: `Voter ${index}`, value: String(index % 5) }) })),
    );
    expect(new Set(outcomes)).toEqual(new Set<CastVoteOutcome>(['counted']));
    const snapshot = await rounds().get(ISSUE);
    expect(snapshot?.votes).toHaveLength(20);
    expect(new Set(snapshot?.votes.map((vote) => vote.accountId)).size).toBe(20);
    expect(kvsKeys(`vote:${ISSUE}:`)).toEqual(Array.from({ length: 20 }, (_, index) => `vote:${ISSUE}:1:${index + 1}`).sort());
    expect(kvsKeys(`round:${ISSUE}`)).toEqual([`round:${ISSUE}:1`]);
  });

  it("counts a voter's latest vote and keeps issues apart", async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '3' }) });
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '8', votedAt: '2026-11-21T10:05:00.000Z' }) });
    await rounds().castVote({ issueId: '100011', vote: aVote({ value: '1' }) });
    const snapshot = await rounds().get(ISSUE);
    expect(snapshot?.votes).toEqual([{ ...aVote({ value: '8', votedAt: '2026-11-21T10:05:00.000Z' }), roundNumber: 1 }]);
    expect(snapshot?.round).toEqual({ roundNumber: 1, revealed: false, revealedAt: null, revealedBy: null });
  });

  it('is undefined for an issue nobody estimated', async () => {
    await expect(rounds().get(ISSUE)).resolves.toBeUndefined();
  });

  it('reads ballots past the first batch, 25 keys per read, and never queries (queries are only eventually consistent)', async () => {
    seed(`round:${ISSUE}:1`, { roundNumber: 1, startedAt: at, startedBy: 'acc-1' });
    for (let slot = 1; slot <= 60; slot++) {
      seed(`vote:${ISSUE}:1:${slot}`, { ...aVote({ accountId: `acc-${slot}` }), roundNumber: 1, slot });
    }
    const snapshot = await rounds().get(ISSUE);
    expect(snapshot?.votes).toHaveLength(60);
    expect(batchGets().every((request) => Array.isArray(request.body) && request.body.length <= 25)).toBe(true);
    expect(fake.kvsRequests.filter((request) => request.path === '/api/v1/query')).toEqual([]);
  });

  it('skips corrupt ballots and ballots whose value names another round or slot, but keeps their slots taken', async () => {
    seed(`round:${ISSUE}:1`, { roundNumber: 1, startedAt: at, startedBy: 'acc-1' });
    seed(`vote:${ISSUE}:1:1`, { ...aVote(), roundNumber: 1, slot: 1 });
    seed(`vote:${ISSUE}:1:2`, 'junk');
    seed(`vote:${ISSUE}:1:3`, { ...aVote({ accountId: 'acc-3' }), roundNumber: 2, slot: 3 });
    seed(`vote:${ISSUE}:1:4`, { ...aVote({ accountId: 'acc-4' }), roundNumber: 1, slot: 9 });
    expect((await rounds().get(ISSUE))?.votes.map((vote) => vote.accountId)).toEqual(['acc-1']);
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ accountId: 'acc-5' }) });
    expect(kvsKeys(`vote:${ISSUE}:1:5`)).toEqual([`vote:${ISSUE}:1:5`]);
  });

  it('treats a key a batch read could not serve (throttled) as unknown and reads it again, never as absent', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote() });
    const inner = Reflect.get(globalThis, '__forge_fetch__') as ForgeFetch;
    const throttled: ForgeFetch = async (meta, path, init) => {
      if (meta.type !== 'kvs' || path !== '/api/v1/batch/get') return inner(meta, path, init);
      const items: unknown = JSON.parse(typeof init?.body === 'string' ? init.body : '[]');
      const keys = Array.isArray(items) ? items.map((item: unknown) => String(Reflect.get(Object(item), 'key'))) : [];
      return jsonResponse(200, { successfulKeys: [], failedKeys: keys.map((key) => ({ key, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } })) });
    };
    Reflect.set(globalThis, '__forge_fetch__', throttled);
    expect((await rounds().get(ISSUE))?.votes).toHaveLength(1);
  });
});

describe('round store: reveal', () => {
  it('fixes the votes that count; later votes are refused and cannot change what was revealed', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '3' }) });
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ accountId: 'acc-2', value: '13' }) });
    await rounds().reveal({ issueId: ISSUE, roundNumber: 1, at, by: 'acc-1' });
    await expect(rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '8' }) })).resolves.toBe('closed');

    // Even a ballot that slipped into the next slot is not part of the revealed round.
    seed(`vote:${ISSUE}:1:3`, { ...aVote({ value: '1' }), roundNumber: 1, slot: 3 });
    const snapshot = await rounds().get(ISSUE);
    expect(snapshot?.round).toMatchObject({ roundNumber: 1, revealed: true, revealedAt: at, revealedBy: 'acc-1' });
    expect(snapshot?.closed).toBe(true);
    expect(snapshot?.votes.map((vote) => vote.value).sort()).toEqual(['13', '3']);
  });

  it('refuses a vote stored just after the round was revealed, and it never shows', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '3' }) });
    // The reveal closes and counts the round just before this ballot is stored.
    aroundWrite({ key: /^vote:10001:1:2$/, when: 'before', action: () => rounds().reveal({ issueId: ISSUE, roundNumber: 1, at, by: 'acc-1' }) });
    await expect(rounds().castVote({ issueId: ISSUE, vote: aVote({ accountId: 'acc-2', value: '13' }) })).resolves.toBe('too-late');
    expect((await rounds().get(ISSUE))?.votes.map((vote) => vote.value)).toEqual(['3']);
  });

  it('counts a vote stored before the revealer counted: the voter finishes the reveal and is in it', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '3' }) });
    // Another reveal closed the round and has not counted yet when this ballot is stored.
    aroundWrite({ key: /^vote:10001:1:2$/, when: 'after', action: () => Promise.resolve(seed(`round:${ISSUE}:1:closed`, { roundNumber: 1, at, by: 'acc-9' })) });
    await expect(rounds().castVote({ issueId: ISSUE, vote: aVote({ accountId: 'acc-2', value: '13' }) })).resolves.toBe('counted');
    // The revealer's own count now reads the record the voter created.
    await rounds().reveal({ issueId: ISSUE, roundNumber: 1, at: '2026-11-21T11:00:00.000Z', by: 'acc-1' });
    const snapshot = await rounds().get(ISSUE);
    expect(snapshot?.round).toMatchObject({ revealed: true, revealedBy: 'acc-9' });
    expect(snapshot?.votes.map((vote) => vote.value).sort()).toEqual(['13', '3']);
  });

  it('finishes a reveal that was cut short after closing the round', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '3' }) });
    seed(`round:${ISSUE}:1:closed`, { roundNumber: 1, at, by: 'acc-9' });
    expect(await rounds().get(ISSUE)).toMatchObject({ closed: true, round: { revealed: false } });
    await rounds().reveal({ issueId: ISSUE, roundNumber: 1, at: '2026-11-21T11:00:00.000Z', by: 'acc-1' });
    expect(await rounds().get(ISSUE)).toMatchObject({ round: { revealed: true, revealedBy: 'acc-9', revealedAt: at }, votes: [{ value: '3' }] });
  });
});

describe('round store: new rounds and accepts', () => {
  it('starts the next round once when two resets race, and the round number only rises', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote() });
    await expect(Promise.all([rounds().startNext({ issueId: ISSUE, at, by: 'a' }), rounds().startNext({ issueId: ISSUE, at, by: 'b' })])).resolves.toEqual([2, 2]);
    expect(kvsKeys(`round:${ISSUE}:`)).toEqual([`round:${ISSUE}:1`, `round:${ISSUE}:2`]);
    await expect(rounds().startNext({ issueId: ISSUE, at, by: 'a' })).resolves.toBe(3);
    expect(await rounds().get(ISSUE)).toMatchObject({ round: { roundNumber: 3, revealed: false }, votes: [], closed: false });
  });

  it('finds the current round beyond 25 rounds', async () => {
    for (let roundNumber = 1; roundNumber <= 30; roundNumber++) seed(`round:${ISSUE}:${roundNumber}`, { roundNumber, startedAt: at, startedBy: 'a' });
    await expect(rounds().startNext({ issueId: ISSUE, at, by: 'a' })).resolves.toBe(31);
    expect((await rounds().get(ISSUE))?.round.roundNumber).toBe(31);
  });

  it('refuses a vote stored after a reset started the next round', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote({ value: '3' }) });
    aroundWrite({ key: /^vote:10001:1:2$/, when: 'after', action: () => rounds().startNext({ issueId: ISSUE, at, by: 'acc-1' }) });
    await expect(rounds().castVote({ issueId: ISSUE, vote: aVote({ accountId: 'acc-2' }) })).resolves.toBe('new-round');
    expect(await rounds().get(ISSUE)).toMatchObject({ round: { roundNumber: 2 }, votes: [] });
  });

  it('records an accept on its own round only: a reset in between is never undone', async () => {
    const accepted = { value: '8', points: 8, by: 'acc-1', byName: 'Ana', at };
    await rounds().castVote({ issueId: ISSUE, vote: aVote() });
    const [roundOfAccept, next] = await Promise.all([rounds().accept({ issueId: ISSUE, accepted }), rounds().startNext({ issueId: ISSUE, at, by: 'acc-2' })]);
    expect(next).toBe(2);
    expect(kvsKeys(`round:${ISSUE}:${roundOfAccept}:accepted`)).toHaveLength(1);
    const snapshot = await rounds().get(ISSUE);
    expect(snapshot?.round.roundNumber).toBe(2);
    expect(snapshot?.round.accepted).toEqual(roundOfAccept === 2 ? accepted : undefined);
  });

  it('shows the accept of the current round, the last one winning', async () => {
    await rounds().accept({ issueId: ISSUE, accepted: { value: '5', points: 5, by: 'a', byName: 'A', at } });
    await rounds().accept({ issueId: ISSUE, accepted: { value: '8', points: 8, by: 'b', byName: 'B', at } });
    expect((await rounds().get(ISSUE))?.round.accepted).toEqual({ value: '8', points: 8, by: 'b', byName: 'B', at });
  });
});

describe('round store: many issues', () => {
  it('checks which issues were estimated in batches of 25 and reads only those', async () => {
    const issueIds = Array.from({ length: 30 }, (_, index) => String(10000 + index));
    for (const issueId of ['10002', '10027']) await rounds().castVote({ issueId, vote: aVote() });
    fake.kvsRequests.length = 0;
    const found = await rounds().getMany(issueIds);
    expect([...found.keys()].sort()).toEqual(['10002', '10027']);
    expect(found.get('10027')?.votes).toHaveLength(1);
    expect(batchGets().slice(0, 2).map((request) => (Array.isArray(request.body) ? request.body.length : 0))).toEqual([25, 5]);
  });

  it('falls back to single reads when batch reads are refused', async () => {
    await rounds().castVote({ issueId: ISSUE, vote: aVote() });
    fake.failKvs('/api/v1/batch/get', 1);
    const found = await rounds().getMany([ISSUE, '10002']);
    expect(found.get(ISSUE)?.votes).toHaveLength(1);
    expect(found.size).toBe(1);
  });
});
