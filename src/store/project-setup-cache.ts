/**
 * `setup:<projectId>:<boardId|auto>`: the board and estimation field a project's views use.
 * Every panel view needs them and they change rarely, so ten minutes of caching saves two
 * Jira calls per view; the timestamp keeps a changed board configuration from lingering longer.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores } from '../usecases/ports';
import { readParsed, ttlSeconds } from './kvs-access';
import { storeKeys } from './keys';

const PROJECT_SETUP_TTL_SECONDS = 600;

const fieldSchema = z.object({ id: z.string(), name: z.string() });
const cachedSchema = z.object({
  board: z
    .object({
      id: z.number(),
      name: z.string(),
      type: z.enum(['scrum', 'kanban', 'simple']),
      projectKey: z.string().nullable(),
      projectId: z.string().nullable().default(null),
      // Entries written before team-managed boards were told apart held scrum boards, or a board
      // chosen by id, which was planned as if it had sprints unless it was Kanban.
      hasSprints: z.boolean().optional(),
    })
    .nullable(),
  estimation: fieldSchema.nullable(),
  expiresAt: z.string(),
});

export function createProjectSetupCache(deps: { now: () => Date }): Stores['projectSetup'] {
  return {
    async get({ projectId, boardId }) {
      const stored = await readParsed({ key: storeKeys.projectSetup({ projectId, boardId }), schema: cachedSchema });
      if (!stored || Date.parse(stored.expiresAt) <= deps.now().getTime()) return undefined;
      const board = stored.board && { ...stored.board, hasSprints: stored.board.hasSprints ?? stored.board.type !== 'kanban' };
      return { board, estimation: stored.estimation };
    },
    async put({ projectId, boardId, setup }) {
      const expiresAt = new Date(deps.now().getTime() + PROJECT_SETUP_TTL_SECONDS * 1000).toISOString();
      await kvs.set(storeKeys.projectSetup({ projectId, boardId }), { ...setup, expiresAt }, ttlSeconds(PROJECT_SETUP_TTL_SECONDS));
    },
  };
}
