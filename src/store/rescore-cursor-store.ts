/**
 * `rescore:cursor`: where the daily rescore stopped, so the next run resumes instead of
 * starting over when a run hits the time limit. `position` is opaque to the store.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { readParsed } from './kvs-access';
import { storeKeys } from './keys';

const rescoreCursorSchema = z.object({ position: z.string(), updatedAt: z.string() });
export type RescoreCursor = z.output<typeof rescoreCursorSchema>;

export interface RescoreCursorStore {
  get(): Promise<RescoreCursor | undefined>;
  put(position: string): Promise<void>;
  clear(): Promise<void>;
}

export function createRescoreCursorStore(deps: { now?: () => Date } = {}): RescoreCursorStore {
  const now = deps.now ?? (() => new Date());
  const key = storeKeys.rescoreCursor();
  return {
    get: () => readParsed({ key, schema: rescoreCursorSchema }),
    put: (position) => kvs.set(key, { position, updatedAt: now().toISOString() }),
    clear: () => kvs.delete(key),
  };
}
