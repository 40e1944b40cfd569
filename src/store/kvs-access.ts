/**
 * Typed reads over @forge/kvs: every stored value is parsed with zod, and a value that does
 * not parse (older shape, manual edit, partial write) reads as absent instead of crashing.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { z } from 'zod';

/** KVS queries return at most this many entries per page. */
const QUERY_PAGE_SIZE = 100;
/** Guards against a runaway cursor; 50 pages = 5,000 entries, far above any one issue's data. */
const MAX_QUERY_PAGES = 50;

export async function readParsed<S extends z.ZodType>(params: { key: string; schema: S }): Promise<z.output<S> | undefined> {
  const raw = await kvs.get<unknown>(params.key);
  if (raw === undefined) return undefined;
  const parsed = params.schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
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

/** TTL in the shape @forge/kvs expects. */
export function ttlSeconds(seconds: number): { ttl: { value: number; unit: 'SECONDS' } } {
  return { ttl: { value: seconds, unit: 'SECONDS' } };
}
