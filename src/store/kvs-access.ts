/**
 * Typed access over @forge/kvs: every stored value is parsed with zod, and a value that does
 * not parse (older shape, manual edit, partial write) reads as absent instead of crashing.
 */
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';

/** KVS queries return at most this many entries per page. */
const QUERY_PAGE_SIZE = 100;
/** Guards against a runaway cursor; 50 pages = 5,000 entries, far above any one issue's data. */
const MAX_QUERY_PAGES = 50;
/** KVS batch operations take at most 25 keys. */
const BATCH_SIZE = 25;
/** Parallel single reads when a batch read is refused (batch calls have their own rate limit). */
const FALLBACK_CONCURRENCY = 8;

export async function readParsed<S extends z.ZodType>(params: { key: string; schema: S }): Promise<z.output<S> | undefined> {
  const raw = await kvs.get<unknown>(params.key);
  if (raw === undefined) return undefined;
  const parsed = params.schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Many keys at once (25 per batch call); missing and corrupt values are left out of the map. */
export async function readManyParsed<S extends z.ZodType>(params: { keys: string[]; schema: S }): Promise<Map<string, z.output<S>>> {
  const keys = [...new Set(params.keys)];
  const found = new Map<string, z.output<S>>();
  for (let start = 0; start < keys.length; start += BATCH_SIZE) {
    const chunk = keys.slice(start, start + BATCH_SIZE);
    for (const [key, raw] of await batchRead(chunk)) {
      const parsed = params.schema.safeParse(raw);
      if (parsed.success) found.set(key, parsed.data);
    }
  }
  return found;
}

async function batchRead(keys: string[]): Promise<[string, unknown][]> {
  try {
    const result = await kvs.batchGet<unknown>(keys.map((key) => ({ key })));
    return result.successfulKeys.map((item): [string, unknown] => [item.key, item.value]);
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    // Batch calls are rate limited separately; plain reads still answer.
    const values: [string, unknown][] = [];
    for (let start = 0; start < keys.length; start += FALLBACK_CONCURRENCY) {
      const slice = keys.slice(start, start + FALLBACK_CONCURRENCY);
      const read = await Promise.all(slice.map(async (key): Promise<[string, unknown]> => [key, await kvs.get<unknown>(key)]));
      values.push(...read.filter(([, value]) => value !== undefined));
    }
    return values;
  }
}

/** Every entry whose key starts with `prefix`, paging through `nextCursor`; corrupt values are skipped. */
export async function queryByPrefix<S extends z.ZodType>(params: {
  prefix: string;
  schema: S;
}): Promise<{ key: string; value: z.output<S> }[]> {
  const entries: { key: string; value: z.output<S> }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_QUERY_PAGES; page++) {
    let query = kvs.query().where('key', WhereConditions.beginsWith(params.prefix)).limit(QUERY_PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const result = await query.getMany<unknown>();
    for (const { key, value } of result.results) {
      const parsed = params.schema.safeParse(value);
      if (parsed.success && key.startsWith(params.prefix)) entries.push({ key, value: parsed.data });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return entries;
}

/** Deletes every key under `prefix`, corrupt values included, a few at a time. */
export async function deleteByPrefix(prefix: string): Promise<number> {
  const keys = (await queryByPrefix({ prefix, schema: z.unknown() })).map(({ key }) => key);
  for (let start = 0; start < keys.length; start += FALLBACK_CONCURRENCY) {
    await Promise.all(keys.slice(start, start + FALLBACK_CONCURRENCY).map((key) => kvs.delete(key)));
  }
  return keys.length;
}

/**
 * Writes `key` only if it does not exist yet (atomic in KVS): true for the one caller that
 * created it, false for everyone else.
 */
export async function createIfAbsent(params: { key: string; value: unknown; ttl?: Ttl }): Promise<boolean> {
  try {
    await kvs.set(params.key, params.value, { keyPolicy: 'FAIL_IF_EXISTS', ...(params.ttl ? { ttl: params.ttl } : {}) });
    return true;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError && (error.code === 'KEY_CONFLICT' || error.responseDetails.status === 409)) return false;
    throw error;
  }
}

export interface Ttl {
  value: number;
  unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';
}

/** TTL in the shape @forge/kvs expects. */
export function ttlSeconds(seconds: number): { ttl: Ttl } {
  return { ttl: { value: seconds, unit: 'SECONDS' } };
}
