/**
 * `sessioncomment:<issueId>:<projectId>-<n>`: whether session n's outcome comment on an issue was
 * posted. Claimed with FAIL_IF_EXISTS so ending a session twice (a retry, two tabs) posts once.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores } from '../usecases/ports';
import { createIfAbsent, readParsed } from './kvs-access';
import { storeKeys } from './keys';

const schema = z.object({ state: z.enum(['posting', 'posted', 'failed']), claimedAt: z.string(), commentId: z.string().optional() });

export function createSessionCommentStore(deps: { now: () => Date }): Stores['sessionComments'] {
  return {
    get: (ids) => readParsed({ key: storeKeys.sessionComment(ids), schema }),
    claim: (ids) => createIfAbsent({ key: storeKeys.sessionComment(ids), value: { state: 'posting', claimedAt: deps.now().toISOString() } }),
    async settle({ state, commentId, ...ids }) {
      await kvs.set(storeKeys.sessionComment(ids), { state, claimedAt: deps.now().toISOString(), ...(commentId ? { commentId } : {}) });
    },
  };
}
