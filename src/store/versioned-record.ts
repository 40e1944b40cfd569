/**
 * A record that changes by versions created once: `<base>:<v>` is written with FAIL_IF_EXISTS
 * (storage-reference/kvs-api "Change write conflict strategy"), so of two writers that both read
 * version v only one can create v+1 — the other learns it lost and reads again. Plain KVS has no
 * compare-and-set (transaction conditions apply to Custom Entities only), hence this shape, as in
 * round-store.ts. `<base>:head` is only a hint where to start looking (it may lag); the truth is the
 * highest version that exists, found with strictly consistent batched gets. Versions older than
 * KEEP_VERSIONS behind are deleted, so the store does not grow with every click.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { BATCH_SIZE, createIfAbsent, readExact } from './kvs-access';

const KEEP_VERSIONS = 5;
const MAX_PROBES = 40;
const headSchema = z.object({ version: z.number().int().nonnegative() });

export interface VersionedRecord<T> {
  /** The latest version (0 and `empty` when none exists yet). */
  load(): Promise<{ version: number; value: T }>;
  /** Creates version `version`; false when another writer created it first. */
  create(params: { version: number; value: T }): Promise<boolean>;
}

export function versionedRecord<S extends z.ZodType>(params: { key: (version: number) => string; headKey: string; schema: S; empty: z.output<S> }): VersionedRecord<z.output<S>> {
  const { key, headKey, schema, empty } = params;
  return {
    async load() {
      const head = headSchema.safeParse(await kvs.get<unknown>(headKey));
      let from = head.success ? Math.max(1, head.data.version) : 1;
      let found: { version: number; raw: unknown } | null = null;
      for (let probe = 0; probe < MAX_PROBES; probe++) {
        const versions = Array.from({ length: BATCH_SIZE }, (_, index) => from + index);
        const read = await readExact(versions.map(key));
        const present = versions.filter((version) => read.has(key(version)));
        const highest = present.at(-1);
        if (highest !== undefined) found = { version: highest, raw: read.get(key(highest)) };
        if (highest === undefined || highest < from + BATCH_SIZE - 1) break;
        from += BATCH_SIZE;
      }
      if (found === null) return { version: 0, value: empty };
      const parsed = schema.safeParse(found.raw);
      // A version that does not parse (an older shape) reads as empty but keeps its number, so the next write follows it.
      return { version: found.version, value: parsed.success ? parsed.data : empty };
    },
    async create({ version, value }) {
      if (!(await createIfAbsent({ key: key(version), value }))) return false;
      await kvs.set(headKey, { version });
      if (version > KEEP_VERSIONS) await kvs.delete(key(version - KEEP_VERSIONS)).catch(() => undefined);
      return true;
    },
  };
}
