import { createStores } from '../../../src/store/create-stores';
import type { ChecklistTick, SprintFlagRecord } from '../../../src/usecases/ports';
import { installFakeForgeFetch, type FakeForge } from '../../support/fake-forge-fetch';

let fake: FakeForge;
let now: Date;
beforeEach(() => {
  fake = installFakeForgeFetch();
  now = new Date('2026-11-21T10:00:00.000Z');
});
afterEach(() => fake.uninstall());

const stores = () => createStores({ now: () => now });
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
    const claims = await Promise.all(Array.from({ length: 5 }, () => flags.claimComment({ issueId: '10001', sprintId: 7, attempt: 1 })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await expect(flags.claimComment({ issueId: '10001', sprintId: 8, attempt: 1 })).resolves.toBe(true);
    expect([...fake.kvs.keys()].filter((key) => key.startsWith('sprintcomment:')).sort()).toEqual(['sprintcomment:10001:7', 'sprintcomment:10001:8']);
  });

  it('numbers the attempts, finds the latest one, and records how each ended', async () => {
    const flags = stores().sprintFlags;
    await expect(flags.commentAttempt({ issueId: '10001', sprintId: 7 })).resolves.toBeNull();
    await flags.claimComment({ issueId: '10001', sprintId: 7, attempt: 1 });
    await flags.settleComment({ issueId: '10001', sprintId: 7, attempt: 1, state: 'unverified' });
    await expect(flags.claimComment({ issueId: '10001', sprintId: 7, attempt: 2 })).resolves.toBe(true);
    await expect(flags.claimComment({ issueId: '10001', sprintId: 7, attempt: 2 })).resolves.toBe(false);
    await flags.settleComment({ issueId: '10001', sprintId: 7, attempt: 2, state: 'posted', commentId: '10500' });
    await expect(flags.commentAttempt({ issueId: '10001', sprintId: 7 })).resolves.toEqual({ attempt: 2, claimedAt: now.toISOString(), state: 'posted', commentId: '10500' });
    expect(fake.kvs.get('sprintcomment:10001:7:2')?.options).toEqual({ ttl: { value: 120, unit: 'DAYS' } });
  });

  it('reads a claim written before attempts had states as a posted comment', async () => {
    fake.kvs.set('sprintcomment:10001:7', { value: { claimedAt: '2026-11-01T10:00:00.000Z' }, options: undefined });
    await expect(stores().sprintFlags.commentAttempt({ issueId: '10001', sprintId: 7 })).resolves.toEqual({ attempt: 1, claimedAt: '2026-11-01T10:00:00.000Z', state: 'posted' });
  });
});

describe('permission cache', () => {
  it('remembers an answer for 60 s, for that permission only', async () => {
    const permissions = stores().permissions;
    await permissions.set({ projectId: '10000', accountId: 'acc-1', permission: 'ADMINISTER_PROJECTS' }, true, 60);
    expect(fake.kvs.get('perm:10000:acc-1')?.options).toEqual({ ttl: { value: 60, unit: 'SECONDS' } });
    await expect(permissions.get({ projectId: '10000', accountId: 'acc-1', permission: 'ADMINISTER_PROJECTS' })).resolves.toBe(true);
    await expect(permissions.get({ projectId: '10000', accountId: 'acc-1', permission: 'EDIT_ISSUES' })).resolves.toBeUndefined();
    now = new Date(now.getTime() + 61_000);
    await expect(permissions.get({ projectId: '10000', accountId: 'acc-1', permission: 'ADMINISTER_PROJECTS' })).resolves.toBeUndefined();
  });
});

describe('field cache', () => {
  it('expires after an hour even if KVS still holds the value', async () => {
    const catalog = { storyPoints: [{ id: 'customfield_1', name: 'Story Points' }], sprint: null, flagged: null, rank: null };
    const cache = stores().fieldCatalog;
    await cache.set({ siteId: 'site' }, catalog, 3600);
    await expect(cache.get({ siteId: 'site' })).resolves.toEqual(catalog);
    now = new Date(now.getTime() + 3601_000);
    await expect(cache.get({ siteId: 'site' })).resolves.toBeUndefined();
  });
});
