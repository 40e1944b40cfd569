/**
 * Typed access over @forge/kvs: every stored value is parsed with zod, and a value that does
 * not parse (older shape, manual edit, partial write) reads as absent instead of crashing.
 */
import { type BatchGetResult, ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import type { z } from 'zod';

/** KVS queries return at most this many entries per page. */
const QUERY_PAGE_SIZE = 100;
/** Guards against a runaway cursor; 50 pages = 5,000 entries, far above any one issue's data. */
const MAX_QUERY_PAGES = 50;
/** KVS batch operations take at most 25 keys. */
export const BATCH_SIZE = 25;
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

/**
 * Error codes with which a batch read reports a key that does not exist: the library's own
 * `KEY_NOT_FOUND`, and `NOT_FOUND` as storage-reference/handling-errors-kvs lists it.
 */
const ABSENT_CODES: ReadonlySet<string> = new Set(['KEY_NOT_FOUND', 'NOT_FOUND']);

/**
 * Values of up to 25 keys. Each item of a batch read is a `kvs.get`, which is strictly consistent
 * (storage-reference/kvs "Data consistency"; kvs.query is only eventually consistent). A batch
 * "completes as many as possible" (storage-reference/kvs-batch): a key it failed for any other
 * reason than absence (throttling) is read again on its own, so absent always means absent.
 */
async function batchRead(keys: string[]): Promise<[string, unknown][]> {
  let result: BatchGetResult<unknown>;
  try {
    result = await kvs.batchGet<unknown>(keys.map((key) => ({ key })));
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    // Batch calls are rate limited separately; plain reads still answer.
    return singleReads(keys);
  }
  const values = result.successfulKeys.map((item): [string, unknown] => [item.key, item.value]);
  const unsure = result.failedKeys.filter((item) => !ABSENT_CODES.has(item.error.code)).map((item) => item.key);
  return unsure.length > 0 ? [...values, ...(await singleReads(unsure))] : values;
}

async function singleReads(keys: string[]): Promise<[string, unknown][]> {
  const values: [string, unknown][] = [];
  for (let start = 0; start < keys.length; start += FALLBACK_CONCURRENCY) {
    const slice = keys.slice(start, start + FALLBACK_CONCURRENCY);
    const read = await Promise.all(slice.map(async (key): Promise<[string, unknown]> => [key, await kvs.get<unknown>(key)]));
    values.push(...read.filter(([, value]) => value !== undefined));
  }
  return values;
}

/**
 * Raw values of many keys with strictly consistent reads (batches of 25), corrupt ones included:
 * for records whose mere existence matters (a round that started, a slot that is taken).
 */
export async function readExact(keys: string[]): Promise<Map<string, unknown>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, unknown>();
  for (let start = 0; start < unique.length; start += BATCH_SIZE) {
    for (const [key, raw] of await batchRead(unique.slice(start, start + BATCH_SIZE))) found.set(key, raw);
  }
  return found;
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
