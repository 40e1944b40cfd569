/**
 * How long each cache entry lives (seconds), in one place; docs/REFERENCE.md "Caches" says
 * why and what else invalidates each one.
 */
export const CACHE_TTL_SECONDS = {
  /** Fields are rarely added; an hour saves GET /rest/api/3/field on nearly every call. */
  fieldCatalog: 3600,
  /** Short, so a revoked permission does not linger. */
  permission: 60,
  /** Board and estimation field of a project: every view needs them, they change rarely. */
  projectSetup: 600,
  /** Only changes when a sprint closes (the basis changes) or an old estimate is corrected. */
  velocity: 86_400,
  /** The memo lives for one invocation (at most 15 min on Forge); the TTL never cuts it short. */
  invocation: 900,
} as const;

/**
 * Read-through: the cached value, else `load` (stored for `ttlSeconds`). A failing cache never
 * fails the caller; it only costs the load.
 */
export async function readThrough<K, T>(params: {
  cache: { get(key: K): Promise<T | undefined>; set(key: K, value: T, ttlSeconds: number): Promise<void> };
  key: K;
  ttlSeconds: number;
  load: () => Promise<T>;
}): Promise<T> {
  const cached = await params.cache.get(params.key).catch(() => undefined);
  if (cached !== undefined) return cached;
  const value = await params.load();
  await params.cache.set(params.key, value, params.ttlSeconds).catch(() => undefined);
  return value;
}
