/**
 * Manual Definition-of-Ready ticks, one key per item: `checklist:<issueId>:<itemId>`.
 * Two people ticking different items at once write different keys, so no tick is lost.
 * The caller checks itemId against the project's manual items; keys.ts also rejects any id
 * outside [a-z0-9-]{1,40}.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ChecklistTick, Stores } from '../usecases/ports';
import { queryByPrefix, readManyParsed } from './kvs-access';
import { isValidChecklistItemId, storeKeys } from './keys';

const checklistTickSchema = z.object({
  checked: z.boolean(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
}) satisfies z.ZodType<ChecklistTick>;

export function createChecklistStore(): Stores['checklist'] {
  return {
    async list(issueId) {
      const prefix = storeKeys.checklistPrefix({ issueId });
      const entries = await queryByPrefix({ prefix, schema: checklistTickSchema });
      const ticks: Record<string, ChecklistTick> = {};
      for (const { key, value } of entries) {
        const itemId = key.slice(prefix.length);
        if (isValidChecklistItemId(itemId)) ticks[itemId] = value;
      }
      return ticks;
    },
    /** Reads exactly issueIds × itemIds keys (batched), never a scan. Invalid item ids are skipped. */
    async listMany({ issueIds, itemIds }) {
      const validItems = itemIds.filter(isValidChecklistItemId);
      const slots = issueIds.flatMap((issueId) =>
        validItems.map((itemId) => ({ issueId, itemId, key: storeKeys.checklistItem({ issueId, itemId }) })),
      );
      const found = await readManyParsed({ keys: slots.map((slot) => slot.key), schema: checklistTickSchema });
      const byIssue = new Map<string, Record<string, ChecklistTick>>(issueIds.map((issueId) => [issueId, {}]));
      for (const slot of slots) {
        const tick = found.get(slot.key);
        const ticks = byIssue.get(slot.issueId);
        if (tick && ticks) ticks[slot.itemId] = tick;
      }
      return byIssue;
    },
    async set({ issueId, itemId, tick }) {
      await kvs.set(storeKeys.checklistItem({ issueId, itemId }), tick);
    },
  };
}
