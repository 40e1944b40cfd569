/**
 * The per-invocation implementation of the Cache port. Forge reuses module state across
 * invocations (and tenants), so nothing tenant-specific may live at module level: the entry
 * point creates the memo per call and passes it down, and it is dropped with the invocation.
 */
import type { InvocationMemo } from './ports';
import { CACHE_TTL_SECONDS } from './cache-policy';

export function createInvocationMemo<K, T>(deps: { keyOf: (key: K) => string; now?: () => number }): InvocationMemo<K, T> {
  const now = deps.now ?? (() => Date.now());
  // Promises, so concurrent callers of `share` wait for the one load already under way.
  const entries = new Map<string, { value: Promise<T>; expiresAt: number }>();
  const live = (id: string) => {
    const entry = entries.get(id);
    if (entry && entry.expiresAt <= now()) entries.delete(id);
    return entry && entry.expiresAt > now() ? entry : undefined;
  };
  return {
    async get(key) {
      const entry = live(deps.keyOf(key));
      return entry ? entry.value.catch(() => undefined) : undefined;
    },
    set(key, value, ttlSeconds) {
      entries.set(deps.keyOf(key), { value: Promise.resolve(value), expiresAt: now() + ttlSeconds * 1000 });
      return Promise.resolve();
    },
    delete(key) {
      entries.delete(deps.keyOf(key));
      return Promise.resolve();
    },
    share(key, load) {
      const id = deps.keyOf(key);
      const entry = live(id);
      if (entry) return entry.value;
      const pending = load();
      const stored = { value: pending, expiresAt: now() + CACHE_TTL_SECONDS.invocation * 1000 };
      entries.set(id, stored);
      // A failed load is forgotten so a later call in the same invocation may try again.
      pending.catch(() => {
        if (entries.get(id) === stored) entries.delete(id);
      });
      return pending;
    },
  };
}
