/**
 * `settings:<projectId>` → `{ settings, updatedAt, updatedBy }`. The settings themselves are
 * kept raw: validating and migrating them is the domain's job, so an old shape is never lost here.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const storedSettingsSchema = z.object({
  settings: z.unknown(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type StoredSettings = z.output<typeof storedSettingsSchema>;

export interface SettingsStore {
  getSettings(projectId: string): Promise<StoredSettings | undefined>;
  saveSettings(params: { projectId: string; settings: unknown; by: string }): Promise<StoredSettings>;
  deleteSettings(projectId: string): Promise<void>;
}

export function createSettingsStore(deps: { now?: () => Date } = {}): SettingsStore {
  const now = deps.now ?? (() => new Date());
  return {
    getSettings: (projectId) => readParsed({ key: storeKeys.settings({ projectId }), schema: storedSettingsSchema }),
    async saveSettings({ projectId, settings, by }) {
      const stored: StoredSettings = { settings, updatedAt: now().toISOString(), updatedBy: by };
      await kvs.set(storeKeys.settings({ projectId }), stored);
      return stored;
    },
    deleteSettings: (projectId) => kvs.delete(storeKeys.settings({ projectId })),
  };
}
