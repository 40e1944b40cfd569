/**
 * `session:<projectId>`: the session length (minutes) the team last picked on the refinement
 * agenda, so the next visit plans the same meeting. Keyed by the trusted project id only.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores } from '../usecases/ports';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const storedSchema = z.object({ minutes: z.number().int().min(1).max(1440), at: z.string() });

export function createSessionLengthStore(deps: { now: () => Date }): Stores['sessionLength'] {
  return {
    async get(projectId) {
      return (await readParsed({ key: storeKeys.sessionLength({ projectId }), schema: storedSchema }))?.minutes;
    },
    async put({ projectId, minutes }) {
      await kvs.set(storeKeys.sessionLength({ projectId }), { minutes, at: deps.now().toISOString() });
    },
  };
}
