/**
 * Manual Definition-of-Ready ticks, one key per item: `checklist:<issueId>:<itemId>`.
 * Two people ticking different items at once write different keys, so no tick is lost.
 * The caller checks itemId against the project's manual items; keys.ts also rejects any id
 * outside [a-z0-9-]{1,40}.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { queryByPrefix } from './kvs-access';
import { isValidChecklistItemId, storeKeys } from './keys';

const checklistTickSchema = z.object({
  checked: z.boolean(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type ChecklistTick = z.output<typeof checklistTickSchema>;

export interface ChecklistStore {
  /** itemId → latest tick (checked or explicitly unchecked). */
  getChecklist(issueId: string): Promise<Record<string, ChecklistTick>>;
  setChecklistItem(params: { issueId: string; itemId: string; checked: boolean; by: string; byName: string }): Promise<ChecklistTick>;
  clearChecklist(issueId: string): Promise<void>;
}

export function createChecklistStore(deps: { now?: () => Date } = {}): ChecklistStore {
  const now = deps.now ?? (() => new Date());
  return {
    async getChecklist(issueId) {
      const prefix = storeKeys.checklistPrefix({ issueId });
      const entries = await queryByPrefix({ prefix, schema: checklistTickSchema });
      const ticks: Record<string, ChecklistTick> = {};
      for (const { key, value } of entries) {
        const itemId = key.slice(prefix.length);
        if (isValidChecklistItemId(itemId)) ticks[itemId] = value;
      }
      return ticks;
    },
    async setChecklistItem({ issueId, itemId, checked, by, byName }) {
      const key = storeKeys.checklistItem({ issueId, itemId });
      const tick: ChecklistTick = { checked, by, byName, at: now().toISOString() };
      await kvs.set(key, tick);
      return tick;
    },
    async clearChecklist(issueId) {
      const prefix = storeKeys.checklistPrefix({ issueId });
      const keys = (await queryByPrefix({ prefix, schema: z.unknown() })).map(({ key }) => key);
      await Promise.all(keys.map((key) => kvs.delete(key)));
    },
  };
}
