/**
 * One key per voter, `vote:<issueId>:<accountId>`, so two people voting at the same moment
 * write different keys and neither vote can overwrite the other.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { queryByPrefix } from './kvs-access';
import { storeKeys } from './keys';

const storedVoteSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string(),
  value: z.string(),
  votedAt: z.string(),
  roundNumber: z.number().int().nonnegative(),
});
export type StoredVote = z.output<typeof storedVoteSchema>;

export interface VoteStore {
  castVote(params: { issueId: string; accountId: string; displayName: string; value: string; roundNumber: number }): Promise<StoredVote>;
  /** All votes stored for the issue (any round), oldest first; pass roundNumber to keep one round. */
  listVotes(issueId: string, filter?: { roundNumber?: number }): Promise<StoredVote[]>;
  /** Removes every vote of the issue; returns how many were removed. */
  clearVotes(issueId: string): Promise<number>;
}

const DELETE_BATCH = 10;

export function createVoteStore(deps: { now?: () => Date } = {}): VoteStore {
  const now = deps.now ?? (() => new Date());

  const entries = async (issueId: string) => {
    const prefix = storeKeys.votePrefix({ issueId });
    const found = await queryByPrefix({ prefix, schema: storedVoteSchema });
    // The key names the voter; a value claiming another account is not trusted.
    return found.filter(({ key, value }) => key === `${prefix}${value.accountId}`);
  };

  return {
    async castVote({ issueId, accountId, displayName, value, roundNumber }) {
      const vote: StoredVote = { accountId, displayName, value, votedAt: now().toISOString(), roundNumber };
      await kvs.set(storeKeys.vote({ issueId, accountId }), vote);
      return vote;
    },
    async listVotes(issueId, filter = {}) {
      const votes = (await entries(issueId)).map(({ value }) => value);
      const kept = filter.roundNumber === undefined ? votes : votes.filter((vote) => vote.roundNumber === filter.roundNumber);
      return kept.sort((a, b) => a.votedAt.localeCompare(b.votedAt));
    },
    async clearVotes(issueId) {
      const prefix = storeKeys.votePrefix({ issueId });
      // Corrupt entries are deleted too: list raw keys, not parsed votes.
      const keys = (await queryByPrefix({ prefix, schema: z.unknown() })).map(({ key }) => key);
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        await Promise.all(keys.slice(start, start + DELETE_BATCH).map((key) => kvs.delete(key)));
      }
      return keys.length;
    },
  };
}
