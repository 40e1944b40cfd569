/**
 * `settings:<projectId>` → `{ settings, updatedAt, updatedBy, updatedByName }`. The settings themselves are
 * kept raw: validating and migrating them is the domain's job, so an old shape is never lost here.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores, StoredSettings } from '../usecases/ports';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const storedSettingsSchema = z.object({
  settings: z.unknown(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable().default(null),
}) satisfies z.ZodType<StoredSettings>;

export function createSettingsStore(): Stores['settings'] {
  return {
    load: (projectId) => readParsed({ key: storeKeys.settings({ projectId }), schema: storedSettingsSchema }),
    async save({ projectId, settings, by, byName, at }) {
      const stored: StoredSettings = { settings, updatedAt: at, updatedBy: by, updatedByName: byName };
      await kvs.set(storeKeys.settings({ projectId }), stored);
    },
    remove: (projectId) => kvs.delete(storeKeys.settings({ projectId })),
  };
}
