/**
 * `sprintflag:<issueId>`: which sprint the issue was flagged for and the comment written then,
 * so each issue gets at most one explanatory comment per sprint and the flag can be undone.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const sprintFlagSchema = z.object({
  sprintId: z.number().int(),
  /** Null when comments are turned off in the settings. */
  commentId: z.string().nullable(),
  flaggedAt: z.string(),
});
export type SprintFlag = z.output<typeof sprintFlagSchema>;

export interface SprintFlagStore {
  get(issueId: string): Promise<SprintFlag | undefined>;
  put(params: { issueId: string; flag: SprintFlag }): Promise<void>;
  delete(issueId: string): Promise<void>;
}

export function createSprintFlagStore(): SprintFlagStore {
  return {
    get: (issueId) => readParsed({ key: storeKeys.sprintFlag({ issueId }), schema: sprintFlagSchema }),
    put: ({ issueId, flag }) => kvs.set(storeKeys.sprintFlag({ issueId }), flag),
    delete: (issueId) => kvs.delete(storeKeys.sprintFlag({ issueId })),
  };
}
