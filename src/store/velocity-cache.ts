/**
 * `velocity:<boardId>`: the mean completed points of the board's last closed sprints. Reading
 * them costs one Jira request per sprint on every agenda; the value only changes when a sprint
 * closes (the `basis` names the sprints and field it came from) or an estimate is corrected
 * after the fact, which the one-day lifetime covers.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores } from '../usecases/ports';
import { readParsed, ttlSeconds } from './kvs-access';
import { storeKeys } from './keys';

const VELOCITY_TTL_SECONDS = 86_400;

const cachedSchema = z.object({
  basis: z.string(),
  value: z.number().nullable(),
  sprintsUsed: z.array(z.string()),
  expiresAt: z.string(),
});

export function createVelocityCache(deps: { now: () => Date }): Stores['velocity'] {
  return {
    async get(boardId) {
      const stored = await readParsed({ key: storeKeys.velocity({ boardId }), schema: cachedSchema });
      if (!stored || Date.parse(stored.expiresAt) <= deps.now().getTime()) return undefined;
      return { basis: stored.basis, value: stored.value, sprintsUsed: stored.sprintsUsed };
    },
    async put({ boardId, velocity }) {
      const expiresAt = new Date(deps.now().getTime() + VELOCITY_TTL_SECONDS * 1000).toISOString();
      await kvs.set(storeKeys.velocity({ boardId }), { ...velocity, expiresAt }, ttlSeconds(VELOCITY_TTL_SECONDS));
    },
  };
}
