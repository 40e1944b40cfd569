/**
 * `sprintflag:<issueId>`: what the sprint-planning flagger changed on an issue, so clearing
 * undoes exactly that; plus `sprintcomment:<issueId>:<sprintId>` claims that guarantee at most
 * one explanatory comment per issue per sprint, even with duplicated or concurrent events.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { SprintFlagRecord, Stores } from '../usecases/ports';
import { createIfAbsent, readParsed } from './kvs-access';
import { storeKeys } from './keys';

/** Claims outlive any sprint; they only exist to stop a second comment. */
const COMMENT_CLAIM_TTL = { value: 120, unit: 'DAYS' } as const;

const sprintFlagSchema = z.object({
  sprintId: z.number().int().nullable(),
  flaggedAt: z.string().nullable(),
  labelAdded: z.string().nullable(),
  flaggedFieldSet: z.boolean(),
  commentedSprints: z.array(z.number().int()),
}) satisfies z.ZodType<SprintFlagRecord>;

export function createSprintFlagStore(deps: { now: () => Date }): Stores['sprintFlags'] {
  return {
    get: (issueId) => readParsed({ key: storeKeys.sprintFlag({ issueId }), schema: sprintFlagSchema }),
    put: ({ issueId, record }) => kvs.set(storeKeys.sprintFlag({ issueId }), record),
    claimComment: ({ issueId, sprintId }) =>
      createIfAbsent({
        key: storeKeys.sprintComment({ issueId, sprintId }),
        value: { claimedAt: deps.now().toISOString() },
        ttl: COMMENT_CLAIM_TTL,
      }),
    releaseComment: ({ issueId, sprintId }) => kvs.delete(storeKeys.sprintComment({ issueId, sprintId })),
  };
}
