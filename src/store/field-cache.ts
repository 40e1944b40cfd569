/**
 * `fields:<siteId>`: the discovered field catalog, kept for an hour. KVS expires it through its
 * TTL; `expiresAt` is checked as well because KVS expiry is lazy.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { FieldCatalog } from '../usecases/ports';
import { readParsed, ttlSeconds } from './kvs-access';
import { storeKeys } from './keys';

const FIELD_CACHE_TTL_SECONDS = 3600;

const fieldRefSchema = z.object({ id: z.string().min(1), name: z.string() });
const storedCatalogSchema = z.object({
  catalog: z.object({
    storyPoints: z.array(fieldRefSchema),
    sprint: fieldRefSchema.nullable(),
    flagged: fieldRefSchema.nullable(),
    rank: fieldRefSchema.nullable(),
    readiness: fieldRefSchema.nullable().optional(),
  }) satisfies z.ZodType<FieldCatalog>,
  expiresAt: z.string(),
});

export interface FieldCatalogCache {
  get(): Promise<FieldCatalog | undefined>;
  put(catalog: FieldCatalog): Promise<void>;
}

/** KVS is already per installation (one site); siteId only keeps the key self-describing. */
export function createFieldCache(deps: { siteId?: string; now?: () => Date } = {}): FieldCatalogCache {
  const now = deps.now ?? (() => new Date());
  const key = storeKeys.fields({ siteId: deps.siteId ?? 'site' });
  return {
    async get() {
      const stored = await readParsed({ key, schema: storedCatalogSchema });
      if (!stored || Date.parse(stored.expiresAt) <= now().getTime()) return undefined;
      return stored.catalog;
    },
    async put(catalog) {
      const expiresAt = new Date(now().getTime() + FIELD_CACHE_TTL_SECONDS * 1000).toISOString();
      await kvs.set(key, { catalog, expiresAt }, ttlSeconds(FIELD_CACHE_TTL_SECONDS));
    },
  };
}
