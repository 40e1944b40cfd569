/**
 * `sprintflag:<issueId>`: what the sprint-planning flagger changed on an issue, so clearing
 * undoes exactly that; plus the attempts to post the one explanatory comment per issue per
 * sprint, `sprintcomment:<issueId>:<sprintId>` (attempt 1) and `…:<k>` (attempt k). Each attempt is
 * claimed with FAIL_IF_EXISTS, so duplicated or concurrent events cannot post twice, and an attempt
 * is never claimed again: a later one gets the next number, only after the earlier one ended.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { CommentAttempt, SprintFlagRecord, Stores } from '../usecases/ports';
import { createIfAbsent, readExact, readParsed } from './kvs-access';
import { storeKeys } from './keys';

/** Claims outlive any sprint; they only exist to stop a second comment. */
const COMMENT_CLAIM_TTL = { value: 120, unit: 'DAYS' } as const;
/** Attempts read per batch; there are rarely more than one or two. */
const ATTEMPTS_PER_READ = 10;
/** Guards the search for the latest attempt (the use case stops long before). */
const MAX_ATTEMPTS_READ = 100;

const sprintFlagSchema = z.object({
  sprintId: z.number().int().nullable(),
  flaggedAt: z.string().nullable(),
  labelAdded: z.string().nullable(),
  flaggedFieldSet: z.boolean(),
  commentedSprints: z.array(z.number().int()),
}) satisfies z.ZodType<SprintFlagRecord>;

/** A claim written before attempts had states (`{ claimedAt }`) was only ever kept once posted. */
const attemptSchema = z.object({
  claimedAt: z.string(),
  state: z.enum(['posting', 'posted', 'failed', 'unverified']).default('posted'),
  commentId: z.string().optional(),
});

export function createSprintFlagStore(deps: { now: () => Date }): Stores['sprintFlags'] {
  const attemptKey = (params: { issueId: string; sprintId: number; attempt: number }) => storeKeys.sprintComment(params);
  return {
    get: (issueId) => readParsed({ key: storeKeys.sprintFlag({ issueId }), schema: sprintFlagSchema }),
    put: ({ issueId, record }) => kvs.set(storeKeys.sprintFlag({ issueId }), record),
    async commentAttempt({ issueId, sprintId }) {
      // Attempt k+1 is only claimed after attempt k was seen, so attempts are 1…m without a gap;
      // strictly consistent reads find the latest one even if it was claimed a moment ago.
      let latest: CommentAttempt | null = null;
      for (let from = 1; from <= MAX_ATTEMPTS_READ; from += ATTEMPTS_PER_READ) {
        const numbers = Array.from({ length: ATTEMPTS_PER_READ }, (_, index) => from + index);
        const found = await readExact(numbers.map((attempt) => attemptKey({ issueId, sprintId, attempt })));
        for (const attempt of numbers) {
          const key = attemptKey({ issueId, sprintId, attempt });
          if (!found.has(key)) return latest;
          const parsed = attemptSchema.safeParse(found.get(key));
          // A corrupt attempt still holds its number; read it as one whose outcome is unknown.
          latest = parsed.success
            ? { attempt, claimedAt: parsed.data.claimedAt, state: parsed.data.state, ...(parsed.data.commentId ? { commentId: parsed.data.commentId } : {}) }
            : { attempt, claimedAt: new Date(0).toISOString(), state: 'unverified' };
        }
      }
      return latest;
    },
    claimComment: ({ issueId, sprintId, attempt }) =>
      createIfAbsent({
        key: attemptKey({ issueId, sprintId, attempt }),
        value: { claimedAt: deps.now().toISOString(), state: 'posting' },
        ttl: COMMENT_CLAIM_TTL,
      }),
    async settleComment({ issueId, sprintId, attempt, state, commentId }) {
      const key = attemptKey({ issueId, sprintId, attempt });
      const claimed = attemptSchema.safeParse((await readExact([key])).get(key));
      const claimedAt = claimed.success ? claimed.data.claimedAt : deps.now().toISOString();
      // Only the claim's owner settles it, so overwriting is safe.
      await kvs.set(key, { claimedAt, state, ...(commentId ? { commentId } : {}) }, { ttl: COMMENT_CLAIM_TTL });
    },
  };
}
