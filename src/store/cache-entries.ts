/**
 * What each KVS cache entry holds and under which key (keys.ts, trusted ids only). Lifetimes
 * are the use cases' (src/usecases/cache-policy.ts); the table is in docs/REFERENCE.md.
 */
import { z } from 'zod';
import type { CachedProjectSetup, CachedVelocity, FieldCatalog, Stores } from '../usecases/ports';
import { createKvsCache } from './kvs-cache';
import { storeKeys } from './keys';

const fieldRefSchema = z.object({ id: z.string().min(1), name: z.string() });

const fieldCatalogSchema = z.object({
  storyPoints: z.array(fieldRefSchema),
  sprint: fieldRefSchema.nullable(),
  flagged: fieldRefSchema.nullable(),
  rank: fieldRefSchema.nullable(),
  readiness: fieldRefSchema.nullable().optional(),
}) satisfies z.ZodType<FieldCatalog>;

const projectSetupSchema: z.ZodType<CachedProjectSetup> = z.object({
  board: z
    .object({
      id: z.number(),
      name: z.string(),
      type: z.enum(['scrum', 'kanban', 'simple']),
      projectKey: z.string().nullable(),
      projectId: z.string().nullable(),
      hasSprints: z.boolean(),
    })
    .nullable(),
  estimation: z.object({ id: z.string(), name: z.string() }).nullable(),
});

const velocitySchema: z.ZodType<CachedVelocity> = z.object({
  basis: z.string(),
  value: z.number().nullable(),
  sprintsUsed: z.array(z.string()),
});

/** The admin answer keeps its original key; every other permission has a key of its own. */
const permissionKey = (key: { projectId: string; accountId: string; permission: string }) =>
  key.permission === 'ADMINISTER_PROJECTS' ? storeKeys.permission(key) : storeKeys.projectPermission(key);

export function createCacheEntries(deps: { now: () => Date }): Pick<Stores, 'permissions' | 'projectSetup' | 'velocity' | 'fieldCatalog'> {
  return {
    permissions: createKvsCache({ keyOf: permissionKey, schema: z.boolean(), now: deps.now }),
    projectSetup: createKvsCache({ keyOf: storeKeys.projectSetup, schema: projectSetupSchema, now: deps.now }),
    velocity: createKvsCache({ keyOf: storeKeys.velocity, schema: velocitySchema, now: deps.now }),
    fieldCatalog: createKvsCache({ keyOf: storeKeys.fields, schema: fieldCatalogSchema, now: deps.now }),
  };
}
