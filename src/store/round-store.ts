/** `round:<issueId>`: the state of the estimation round (votes live in the vote store). */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { RoundState, Stores } from '../usecases/ports';
import { readManyParsed, readParsed } from './kvs-access';
import { storeKeys } from './keys';

const roundStateSchema = z.object({
  roundNumber: z.number().int().nonnegative(),
  revealed: z.boolean(),
  revealedAt: z.string().nullable(),
  revealedBy: z.string().nullable(),
  accepted: z.object({ value: z.string(), points: z.number(), by: z.string(), byName: z.string().default(''), at: z.string() }).optional(),
}) satisfies z.ZodType<RoundState>;

export function createRoundStore(): Stores['rounds'] {
  return {
    get: (issueId) => readParsed({ key: storeKeys.round({ issueId }), schema: roundStateSchema }),
    async getMany(issueIds) {
      const keyOf = new Map(issueIds.map((issueId) => [storeKeys.round({ issueId }), issueId]));
      const found = await readManyParsed({ keys: [...keyOf.keys()], schema: roundStateSchema });
      const rounds = new Map<string, RoundState>();
      for (const [key, round] of found) {
        const issueId = keyOf.get(key);
        if (issueId !== undefined) rounds.set(issueId, round);
      }
      return rounds;
    },
    put: ({ issueId, round }) => kvs.set(storeKeys.round({ issueId }), round),
  };
}
