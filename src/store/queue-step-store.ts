/**
 * `step:<id>`: a queued step that was carried out (its continuation pushed). The queue delivers at
 * least once, so a second delivery of the same step finds the mark and does nothing. Marks expire
 * after two days, well past the 24 h retention window of an event.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { StepStore } from '../usecases/work-ports';
import { readParsed, ttlSeconds } from './kvs-access';
import { storeKeys } from './keys';

const STEP_TTL_SECONDS = 2 * 24 * 3600;
const stepSchema = z.object({ doneAt: z.string() });

export function createQueueStepStore(deps: { now?: () => Date } = {}): StepStore {
  const now = deps.now ?? (() => new Date());
  return {
    isDone: async (step) => (await readParsed({ key: storeKeys.queueStep({ step }), schema: stepSchema })) !== undefined,
    markDone: (step) => kvs.set(storeKeys.queueStep({ step }), { doneAt: now().toISOString() }, ttlSeconds(STEP_TTL_SECONDS)),
  };
}
