/**
 * One key per voter, `vote:<issueId>:<accountId>`, so two people voting at the same moment
 * write different keys and neither vote can overwrite the other.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores, StoredVote } from '../usecases/ports';
import { deleteByPrefix, queryByPrefix } from './kvs-access';
import { storeKeys } from './keys';

const storedVoteSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string(),
  value: z.string(),
  votedAt: z.string(),
  roundNumber: z.number().int().nonnegative(),
}) satisfies z.ZodType<StoredVote>;

export function createVoteStore(): Stores['votes'] {
  return {
    async cast({ issueId, vote }) {
      await kvs.set(storeKeys.vote({ issueId, accountId: vote.accountId }), vote);
    },
    /** Every stored vote of the issue (any round), oldest first. */
    async list(issueId) {
      const prefix = storeKeys.votePrefix({ issueId });
      const entries = await queryByPrefix({ prefix, schema: storedVoteSchema });
      return (
        entries
          // The key names the voter; a value claiming another account is not trusted.
          .filter(({ key, value }) => key === `${prefix}${value.accountId}`)
          .map(({ value }) => value)
          .sort((a, b) => a.votedAt.localeCompare(b.votedAt))
      );
    },
    async clear(issueId) {
      await deleteByPrefix(storeKeys.votePrefix({ issueId }));
    },
  };
}
