import { z } from 'zod';
import { createKvsCache } from '../../../src/store/kvs-cache';
import { createStores } from '../../../src/store/create-stores';
import { readThrough } from '../../../src/usecases/cache-policy';
import { installFakeForgeFetch, type FakeForge } from '../../support/fake-forge-fetch';

let fake: FakeForge;
let now: Date;
beforeEach(() => {
  fake = installFakeForgeFetch();
  now = new Date('2026-11-21T10:00:00.000Z');
});
afterEach(() => fake.uninstall());

const cache = () => createKvsCache({ keyOf: (key: { boardId: number }) => `velocity:${key.boardId}`, schema: z.object({ n: z.number() }), now: () => now });

describe('KVS cache', () => {
  it('stores the value with the KVS ttl option and reads it back until it expires by the clock', async () => {
    await cache().set({ boardId: 7 }, { n: 1 }, 120);
    expect(fake.kvs.get('velocity:7')).toEqual({
      value: { value: { n: 1 }, expiresAt: '2026-11-21T10:02:00.000Z' },
      options: { ttl: { value: 120, unit: 'SECONDS' } },
    });
    now = new Date(now.getTime() + 119_000);
    await expect(cache().get({ boardId: 7 })).resolves.toEqual({ n: 1 });
    // KVS deletes expired keys lazily; the cache does not serve one that is still there.
    now = new Date(now.getTime() + 1_000);
    await expect(cache().get({ boardId: 7 })).resolves.toBeUndefined();
  });

  it('forgets an entry on delete', async () => {
    await cache().set({ boardId: 7 }, { n: 1 }, 120);
    await cache().delete({ boardId: 7 });
    expect(fake.kvs.has('velocity:7')).toBe(false);
    await expect(cache().get({ boardId: 7 })).resolves.toBeUndefined();
  });

  it.each([
    ['a value of another shape', { value: { n: 'one' }, expiresAt: '2027-01-01T00:00:00.000Z' }],
    ['an entry without expiry', { value: { n: 1 } }],
    ['an unreadable expiry', { value: { n: 1 }, expiresAt: 'soon' }],
    ['the pre-port shape', { n: 1, expiresAt: '2027-01-01T00:00:00.000Z' }],
  ])('ignores %s and lets the caller fetch again', async (_, stored) => {
    fake.kvs.set('velocity:7', { value: stored, options: undefined });
    await expect(cache().get({ boardId: 7 })).resolves.toBeUndefined();
    const load = jest.fn(() => Promise.resolve({ n: 2 }));
    await expect(readThrough({ cache: cache(), key: { boardId: 7 }, ttlSeconds: 60, load })).resolves.toEqual({ n: 2 });
    expect(load).toHaveBeenCalledTimes(1);
    await expect(cache().get({ boardId: 7 })).resolves.toEqual({ n: 2 });
  });

  it('builds the keys of every entry in keys.ts, from trusted ids only', async () => {
    const stores = createStores({ now: () => now });
    await stores.permissions.set({ projectId: '10000', accountId: 'acc-1', permission: 'EDIT_ISSUES' }, true, 60);
    await stores.projectSetup.set({ projectId: '10000', boardId: null }, { board: null, estimation: null }, 600);
    await stores.velocity.set({ boardId: 3 }, { basis: 'none:', value: null, sprintsUsed: [] }, 86_400);
    await stores.fieldCatalog.set({ siteId: 'site' }, { storyPoints: [], sprint: null, flagged: null, rank: null }, 3600);
    expect([...fake.kvs.keys()].sort()).toEqual(['fields:site', 'permission:10000:EDIT_ISSUES:acc-1', 'setup:10000:auto', 'velocity:3']);
    await expect(stores.velocity.set({ boardId: -1 }, { basis: '', value: null, sprintsUsed: [] }, 60)).rejects.toThrow();
  });
});

describe('readThrough', () => {
  it('serves a stored value without loading, and answers even when the cache fails', async () => {
    const load = jest.fn(() => Promise.resolve({ n: 3 }));
    await cache().set({ boardId: 7 }, { n: 1 }, 60);
    await expect(readThrough({ cache: cache(), key: { boardId: 7 }, ttlSeconds: 60, load })).resolves.toEqual({ n: 1 });
    expect(load).not.toHaveBeenCalled();

    const broken = { get: () => Promise.reject(new Error('kvs down')), set: () => Promise.reject(new Error('kvs down')) };
    await expect(readThrough({ cache: broken, key: { boardId: 7 }, ttlSeconds: 60, load })).resolves.toEqual({ n: 3 });
  });
});
