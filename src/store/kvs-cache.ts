/**
 * The KVS implementation of the Cache port: `{ value, expiresAt }` under a key from keys.ts,
 * written with the KVS `ttl` option (storage-reference/kvs-api "Time-to-live (TTL)", at most one
 * year) so KVS drops it. Deletion of expired data may take up to 48 h and reads may still return
 * it (same section), so `expiresAt` is checked on read as well. The value read
 * back is parsed with the entry's schema: anything else (older shape, manual edit) is a miss.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Cache } from '../usecases/ports';
import { readParsed, ttlSeconds } from './kvs-access';

export function createKvsCache<K, T>(deps: {
  keyOf: (key: K) => string;
  schema: z.ZodType<T>;
  now: () => Date;
}): Cache<K, T> {
  const storedSchema = z.object({ value: deps.schema, expiresAt: z.string() });
  return {
    async get(key) {
      const stored = await readParsed({ key: deps.keyOf(key), schema: storedSchema });
      if (!stored || !(Date.parse(stored.expiresAt) > deps.now().getTime())) return undefined;
      return stored.value;
    },
    async set(key, value, seconds) {
      const expiresAt = new Date(deps.now().getTime() + seconds * 1000).toISOString();
      await kvs.set(deps.keyOf(key), { value, expiresAt }, ttlSeconds(seconds));
    },
    async delete(key) {
      await kvs.delete(deps.keyOf(key));
    },
  };
}
