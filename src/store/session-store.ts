/**
 * Refinement sessions of a project (`rsession:<projectId>:<v>`, versions created once, see
 * versioned-record.ts): the newest first, at most 20 kept. A facilitator action names the version
 * it saw, so two people acting on the same session at once cannot undo each other's change.
 */
import { z } from 'zod';
import { SESSION_OUTCOMES, type RefinementSession } from '../contract/session';
import type { SessionBook, Stores } from '../usecases/ports';
import { storeKeys } from './keys';
import { versionedRecord } from './versioned-record';

const person = z.object({ accountId: z.string(), displayName: z.string() });
const itemSchema = z.object({
  issueKey: z.string(),
  summary: z.string(),
  timeboxMinutes: z.number(),
  extendedMinutes: z.number(),
  focus: z.array(z.string()),
  currentSince: z.string().nullable(),
  spentSeconds: z.number(),
  visited: z.boolean(),
  parked: z.boolean(),
  outcome: z.enum(SESSION_OUTCOMES).nullable(),
  decisions: z.array(z.string()),
  confidence: z.array(z.object({ person, value: z.number() })),
  carriedOver: z.boolean(),
});
export const sessionSchema = z.object({
  number: z.number().int().positive(),
  status: z.enum(['running', 'ended']),
  facilitator: person,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  sessionMinutes: z.number(),
  currentIndex: z.number().int().nullable(),
  items: z.array(itemSchema),
  version: z.number().int(),
  writeBack: z.array(z.object({ issueKey: z.string(), comment: z.enum(['posted', 'off', 'failed']), ticked: z.boolean() })),
}) satisfies z.ZodType<RefinementSession>;
const bookSchema = z.object({ sessions: z.array(sessionSchema) }) satisfies z.ZodType<SessionBook>;

export function createSessionStore(): Stores['sessions'] {
  const record = (projectId: string) =>
    versionedRecord({
      key: (version) => storeKeys.sessionBook({ projectId, version }),
      headKey: storeKeys.sessionBookHead({ projectId }),
      schema: bookSchema,
      empty: { sessions: [] },
    });
  return {
    load: (projectId) => record(projectId).load(),
    create: ({ projectId, version, value }) => record(projectId).create({ version, value }),
  };
}
