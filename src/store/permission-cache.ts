/**
 * `perm:<projectId>:<accountId>`: a short-lived copy of Jira's answer to "may this user
 * administer the project?", so opening the settings page does not ask Jira every time.
 * 60 s keeps a revoked permission from lingering.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readParsed, ttlSeconds } from './kvs-access';
import { storeKeys } from './keys';

export const PERMISSION_CACHE_TTL_SECONDS = 60;

const storedPermissionSchema = z.object({
  permission: z.string(),
  allowed: z.boolean(),
  expiresAt: z.string(),
});

export interface PermissionCache {
  get(params: { projectId: string; accountId: string; permission: string }): Promise<boolean | undefined>;
  put(params: { projectId: string; accountId: string; permission: string; allowed: boolean }): Promise<void>;
}

export function createPermissionCache(deps: { now?: () => Date } = {}): PermissionCache {
  const now = deps.now ?? (() => new Date());
  return {
    async get({ projectId, accountId, permission }) {
      const stored = await readParsed({ key: storeKeys.permission({ projectId, accountId }), schema: storedPermissionSchema });
      if (!stored || stored.permission !== permission || Date.parse(stored.expiresAt) <= now().getTime()) return undefined;
      return stored.allowed;
    },
    async put({ projectId, accountId, permission, allowed }) {
      const expiresAt = new Date(now().getTime() + PERMISSION_CACHE_TTL_SECONDS * 1000).toISOString();
      await kvs.set(
        storeKeys.permission({ projectId, accountId }),
        { permission, allowed, expiresAt },
        ttlSeconds(PERMISSION_CACHE_TTL_SECONDS),
      );
    },
  };
}
