import { createStores } from '../../../src/store/create-stores';
import { createFieldCache } from '../../../src/store/field-cache';
import type { ChecklistTick, RoundState, SprintFlagRecord, StoredVote } from '../../../src/usecases/ports';
import { installFakeForgeFetch, type FakeForge } from '../../support/fake-forge-fetch';

let fake: FakeForge;
let now: Date;
beforeEach(() => {
  fake = installFakeForgeFetch();
  now = new Date('2026-11-21T10:00:00.000Z');
});
afterEach(() => fake.uninstall());

const stores = () => createStores({ now: () => now });
const aVote = (overrides: Partial<StoredVote> = {}): StoredVote => ({
  accountId: 'acc-1',
  displayName: 'Ana',
  value: '5',
  votedAt: '2026-11-21T10:00:00.000Z',
  roundNumber: 1,
  ...overrides,
});
const aTick = (overrides: Partial<ChecklistTick> = {}): ChecklistTick => ({
  checked: true,
  by: 'acc-1',
  byName: 'Ana',
  at: '2026-11-21T10:00:00.000Z',
  ...overrides,
});

describe('settings store', () => {
  it('saves the raw settings with who and when, and reads them back', async () => {
    const settings = { version: 1, readyThreshold: 70, somethingOld: true };
    await stores().settings.save({ projectId: '10000', settings, by: 'acc-1', byName: 'Ana Lopez', at: '2026-11-21T10:00:00.000Z' });
    await expect(stores().settings.load('10000')).resolves.toEqual({ settings, updatedAt: '2026-11-21T10:00:00.000Z', updatedBy: 'acc-1', updatedByName: 'Ana Lopez' });
    expect([...fake.kvs.keys()]).toEqual(['settings:10000']);
  });

  it('reads absent or corrupt values as undefined, and removes', async () => {
    await expect(stores().settings.load('10000')).resolves.toBeUndefined();
    fake.kvs.set('settings:10000', { value: 'not an object', options: undefined });
    await expect(stores().settings.load('10000')).resolves.toBeUndefined();
    await stores().settings.remove('10000');
    expect(fake.kvs.has('settings:10000')).toBe(false);
  });
});

describe('vote store', () => {
  it('keeps all 20 votes cast concurrently', async () => {
    const votes = stores().votes;
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        votes.cast({ issueId: '10001', vote: aVote({ accountId: `acc-${index}`, displayName: `Voter ${index}`, value: String(index % 5) }) }),
      ),
    );
    const listed = await votes.list('10001');
    expect(listed).toHaveLength(20);
    expect(new Set(listed.map((vote) => vote.accountId)).size).toBe(20);
  });

  it('replaces a voter\'s own earlier vote and keeps issues apart', async () => {
    const votes = stores().votes;
    await votes.cast({ issueId: '10001', vote: aVote({ value: '3' }) });
    await votes.cast({ issueId: '10001', vote: aVote({ value: '8', votedAt: '2026-11-21T10:05:00.000Z' }) });
    await votes.cast({ issueId: '100011', vote: aVote({ value: '1' }) });
    await expect(votes.list('10001')).resolves.toEqual([aVote({ value: '8', votedAt: '2026-11-21T10:05:00.000Z' })]);
  });

  it('pages through more votes than one query page holds', async () => {
    for (let index = 0; index < 130; index++) {
      fake.kvs.set(`vote:10001:acc-${String(index).padStart(3, '0')}`, { value: aVote({ accountId: `acc-${String(index).padStart(3, '0')}` }), options: undefined });
    }
    await expect(stores().votes.list('10001')).resolves.toHaveLength(130);
    expect(fake.kvsRequests.filter((request) => request.path === '/api/v1/query')).toHaveLength(2);
  });

  it('ignores corrupt votes and votes stored under another voter\'s key', async () => {
    fake.kvs.set('vote:10001:acc-1', { value: aVote(), options: undefined });
    fake.kvs.set('vote:10001:acc-2', { value: { value: 5 }, options: undefined });
    fake.kvs.set('vote:10001:acc-3', { value: aVote({ accountId: 'acc-9' }), options: undefined });
    await expect(stores().votes.list('10001')).resolves.toEqual([aVote()]);
  });

  it('clears every vote of the issue, corrupt ones included, and nothing else', async () => {
    const votes = stores().votes;
    await votes.cast({ issueId: '10001', vote: aVote({ accountId: 'a' }) });
    await votes.cast({ issueId: '10001', vote: aVote({ accountId: 'b' }) });
    fake.kvs.set('vote:10001:c', { value: 'junk', options: undefined });
    await votes.cast({ issueId: '10002', vote: aVote({ accountId: 'a' }) });
    await votes.clear('10001');
    expect([...fake.kvs.keys()]).toEqual(['vote:10002:a']);
  });
});

describe('round store', () => {
  const round: RoundState = { roundNumber: 2, revealed: true, revealedAt: '2026-11-21T10:00:00.000Z', revealedBy: 'acc-1', accepted: { value: '5', points: 5, by: 'acc-1', byName: 'Ana Lopez', at: '2026-11-21T10:01:00.000Z' } };

  it('round-trips a round', async () => {
    await stores().rounds.put({ issueId: '10001', round });
    await expect(stores().rounds.get('10001')).resolves.toEqual(round);
  });

  it('reads many rounds in batches of 25, skipping missing and corrupt ones', async () => {
    const issueIds = Array.from({ length: 30 }, (_, index) => String(10000 + index));
    for (const issueId of issueIds.slice(0, 10)) await stores().rounds.put({ issueId, round });
    fake.kvs.set('round:10003', { value: { roundNumber: 'x' }, options: undefined });

    const rounds = await stores().rounds.getMany(issueIds);

    expect([...rounds.keys()].sort()).toEqual(issueIds.slice(0, 10).filter((id) => id !== '10003'));
    expect(fake.kvsRequests.filter((request) => request.path === '/api/v1/batch/get').map((request) => (request.body as unknown[]).length)).toEqual([25, 5]);
  });

  it('falls back to single reads when batch reads are refused', async () => {
    await stores().rounds.put({ issueId: '10001', round });
    fake.failKvs('/api/v1/batch/get', 1);
    const rounds = await stores().rounds.getMany(['10001', '10002']);
    expect(rounds.get('10001')).toEqual(round);
    expect(rounds.size).toBe(1);
  });
});

describe('checklist store', () => {
  it('stores one key per item so concurrent ticks of different items both survive', async () => {
    const checklist = stores().checklist;
    await Promise.all([
      checklist.set({ issueId: '10001', itemId: 'po-approved', tick: aTick() }),
      checklist.set({ issueId: '10001', itemId: 'design-reviewed', tick: aTick({ by: 'acc-2', byName: 'Raj' }) }),
    ]);
    await expect(checklist.list('10001')).resolves.toEqual({
      'po-approved': aTick(),
      'design-reviewed': aTick({ by: 'acc-2', byName: 'Raj' }),
    });
    expect([...fake.kvs.keys()].sort()).toEqual(['checklist:10001:design-reviewed', 'checklist:10001:po-approved']);
  });

  it('refuses item ids that are not [a-z0-9-]{1,40}', async () => {
    await expect(stores().checklist.set({ issueId: '10001', itemId: 'Robert"); drop', tick: aTick() })).rejects.toThrow(/checklist item id/);
    expect(fake.kvs.size).toBe(0);
  });

  it('lists many issues for the given items only, with empty records for issues without ticks', async () => {
    const checklist = stores().checklist;
    await checklist.set({ issueId: '10001', itemId: 'po-approved', tick: aTick() });
    await checklist.set({ issueId: '10002', itemId: 'retired-item', tick: aTick() });
    const many = await checklist.listMany({ issueIds: ['10001', '10002'], itemIds: ['po-approved', 'design-reviewed', 'BAD ID'] });
    expect(many).toEqual(new Map([['10001', { 'po-approved': aTick() }], ['10002', {}]]));
  });
});

describe('sprint flag store', () => {
  const record: SprintFlagRecord = { sprintId: 7, flaggedAt: '2026-11-21T10:00:00.000Z', labelAdded: 'not-ready', flaggedFieldSet: true, commentedSprints: [7] };

  it('round-trips a record', async () => {
    const flags = stores().sprintFlags;
    await flags.put({ issueId: '10001', record });
    await expect(flags.get('10001')).resolves.toEqual(record);
  });

  it('lets exactly one of many concurrent claims post the comment for a sprint', async () => {
    const flags = stores().sprintFlags;
    const claims = await Promise.all(Array.from({ length: 5 }, () => flags.claimComment({ issueId: '10001', sprintId: 7 })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await expect(flags.claimComment({ issueId: '10001', sprintId: 8 })).resolves.toBe(true);
  });
});

describe('permission cache', () => {
  it('remembers an answer for 60 s, for that permission only', async () => {
    const permissions = stores().permissions;
    await permissions.put({ projectId: '10000', accountId: 'acc-1', permission: 'ADMINISTER_PROJECTS', granted: true });
    expect(fake.kvs.get('perm:10000:acc-1')?.options).toEqual({ ttl: { value: 60, unit: 'SECONDS' } });
    await expect(permissions.get({ projectId: '10000', accountId: 'acc-1', permission: 'ADMINISTER_PROJECTS' })).resolves.toBe(true);
    await expect(permissions.get({ projectId: '10000', accountId: 'acc-1', permission: 'EDIT_ISSUES' })).resolves.toBeUndefined();
    now = new Date(now.getTime() + 61_000);
    await expect(permissions.get({ projectId: '10000', accountId: 'acc-1', permission: 'ADMINISTER_PROJECTS' })).resolves.toBeUndefined();
  });
});

describe('rescore cursor', () => {
  it('stores, reads and clears the position', async () => {
    const cursor = stores().rescoreCursor;
    await cursor.put({ projectIndex: 3, startedAt: '2026-11-21T03:00:00.000Z' });
    await expect(cursor.get()).resolves.toEqual({ projectIndex: 3, startedAt: '2026-11-21T03:00:00.000Z' });
    await cursor.put(undefined);
    await expect(cursor.get()).resolves.toBeUndefined();
  });
});

describe('field cache', () => {
  it('expires after an hour even if KVS still holds the value', async () => {
    const catalog = { storyPoints: [{ id: 'customfield_1', name: 'Story Points' }], sprint: null, flagged: null, rank: null };
    const cache = createFieldCache({ now: () => now });
    await cache.put(catalog);
    await expect(cache.get()).resolves.toEqual(catalog);
    now = new Date(now.getTime() + 3601_000);
    await expect(cache.get()).resolves.toBeUndefined();
  });
});
