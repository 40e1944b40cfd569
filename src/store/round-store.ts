/** `round:<issueId>`: the state of the estimation round (votes live in the vote store). */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const storedRoundSchema = z.object({
  roundNumber: z.number().int().nonnegative(),
  revealed: z.boolean(),
  revealedAt: z.string().nullable(),
  revealedBy: z.string().nullable(),
  accepted: z.object({ value: z.string(), points: z.number(), by: z.string(), at: z.string() }).optional(),
});
export type StoredRound = z.output<typeof storedRoundSchema>;

export interface RoundStore {
  getRound(issueId: string): Promise<StoredRound | undefined>;
  putRound(params: { issueId: string; round: StoredRound }): Promise<void>;
  deleteRound(issueId: string): Promise<void>;
}

export function createRoundStore(): RoundStore {
  return {
    getRound: (issueId) => readParsed({ key: storeKeys.round({ issueId }), schema: storedRoundSchema }),
    putRound: ({ issueId, round }) => kvs.set(storeKeys.round({ issueId }), round),
    deleteRound: (issueId) => kvs.delete(storeKeys.round({ issueId })),
  };
}
