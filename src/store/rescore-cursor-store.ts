/**
 * `rescore:cursor`: where the daily rescore stopped, so the next run resumes instead of
 * starting over when a run hits the time limit.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Stores } from '../usecases/ports';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const rescoreCursorSchema = z.object({ projectIndex: z.number().int().nonnegative(), startedAt: z.string() });

export function createRescoreCursorStore(): Stores['rescoreCursor'] {
  const key = storeKeys.rescoreCursor();
  return {
    get: () => readParsed({ key, schema: rescoreCursorSchema }),
    put: (value) => (value === undefined ? kvs.delete(key) : kvs.set(key, value)),
  };
}
