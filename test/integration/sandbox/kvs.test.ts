import { kvs, WhereConditions } from '@forge/kvs';
import { setupSandbox } from '../../support/sandbox-env';

describe('sandbox KVS through the real @forge/kvs library', () => {
  /** How far the sandbox clock runs ahead of real time: a TTL expires without a real wait. */
  let aheadMs = 0;
  const env = setupSandbox({ loadApp: () => Promise.resolve({}), now: () => new Date(Date.now() + aheadMs) });

  it('sets, gets, queries by prefix with a cursor, and deletes', async () => {
    await kvs.set('vote:10028:a', { value: '3' });
    await kvs.set('vote:10028:b', { value: '13' });
    await kvs.set('round:10028', { revealed: false });
    expect(await kvs.get('vote:10028:a')).toEqual({ value: '3' });
    expect(await kvs.get('missing')).toBeUndefined();

    const first = await kvs.query().where('key', WhereConditions.beginsWith('vote:10028:')).limit(1).getMany();
    expect(first.results.map((result) => result.key)).toEqual(['vote:10028:a']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await kvs.query().where('key', WhereConditions.beginsWith('vote:10028:')).limit(1).cursor(first.nextCursor!).getMany();
    expect(second.results.map((result) => result.key)).toEqual(['vote:10028:b']);
    expect(second.nextCursor).toBeUndefined();

    await kvs.delete('vote:10028:a');
    expect(await kvs.get('vote:10028:a')).toBeUndefined();
    // The demo seed also holds the app's sprint records (sandbox/seed/sprint-history.ts).
    expect(env.kvs.keys().filter((key) => !key.startsWith('sprint'))).toEqual(['round:10028', 'vote:10028:b']);
  });

  it('honours FAIL_IF_EXISTS and TTL, and rejects invalid keys with a KVS error', async () => {
    await kvs.set('settings:10000', { a: 1 }, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('settings:10000', { a: 2 }, { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_ALREADY_EXISTS' });
    await kvs.set('fields:cache', { ids: [] }, { ttl: { value: 1, unit: 'SECONDS' } });
    expect(await kvs.get('fields:cache')).toEqual({ ids: [] });
    aheadMs += 1100;
    expect(await kvs.get('fields:cache')).toBeUndefined();
    await expect(kvs.set('bad key/with slash', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
  });

  it('supports batch operations and transactions', async () => {
    const result = await kvs.batchSet([
      { key: 'b:1', value: 1 },
      { key: 'b:2', value: 2 },
    ]);
    expect(result.successfulKeys.map((item) => item.key)).toEqual(['b:1', 'b:2']);
    const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:3' }]);
    expect(got.successfulKeys.map((item) => item.value)).toEqual([1]);
    expect(got.failedKeys.map((item) => item.key)).toEqual(['b:3']);
    await kvs.transact().set('t:1', 'x').delete('b:1').execute();
    expect(env.kvs.peek('t:1')).toBe('x');
    expect(env.kvs.peek('b:1')).toBeUndefined();
  });
});
