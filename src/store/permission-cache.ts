/**
 * `perm:<projectId>:<accountId>`: a short-lived copy of Jira's answer to "may this user
 * administer the project?", so opening the settings page does not ask Jira every time.
 * 60 s keeps a revoked permission from lingering. The value names its permission, so an
 * answer about another permission is never mistaken for this one.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores } from '../usecases/ports';
import { readParsed, ttlSeconds } from './kvs-access';
import { storeKeys } from './keys';

const PERMISSION_CACHE_TTL_SECONDS = 60;

/** The admin answer keeps its original key; every other permission has a key of its own. */
const keyOf = (params: { projectId: string; accountId: string; permission: string }) =>
  params.permission === 'ADMINISTER_PROJECTS' ? storeKeys.permission(params) : storeKeys.projectPermission(params);

const storedPermissionSchema = z.object({
  permission: z.string(),
  granted: z.boolean(),
  expiresAt: z.string(),
});

export function createPermissionCache(deps: { now: () => Date }): Stores['permissions'] {
  return {
    async get({ projectId, accountId, permission }) {
      const stored = await readParsed({ key: keyOf({ projectId, accountId, permission }), schema: storedPermissionSchema });
      // KVS expiry is lazy; the timestamp makes sure a stale answer is never used.
      if (!stored || stored.permission !== permission || Date.parse(stored.expiresAt) <= deps.now().getTime()) return undefined;
      return stored.granted;
    },
    async put({ projectId, accountId, permission, granted }) {
      const expiresAt = new Date(deps.now().getTime() + PERMISSION_CACHE_TTL_SECONDS * 1000).toISOString();
      await kvs.set(
        keyOf({ projectId, accountId, permission }),
        { permission, granted, expiresAt },
        ttlSeconds(PERMISSION_CACHE_TTL_SECONDS),
      );
    },
  };
}
