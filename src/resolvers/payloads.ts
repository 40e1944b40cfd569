import { z } from 'zod';

/**
 * What a browser may send, per resolver key. Strict objects: unknown keys (an `issueKey`,
 * an `accountId`, a storage key) are stripped, never obeyed — issue, project and caller
 * come from the Forge context only.
 */
const empty = z.object({}).strip();
const cardValue = z.string().trim().min(1).max(12);

export const payloadSchemas = {
  getReadiness: empty,
  setChecklistItem: z.object({ itemId: z.string().min(1).max(80), checked: z.boolean() }).strip(),
  getRound: empty,
  castVote: z.object({ value: cardValue }).strip(),
  revealVotes: empty,
  resetVotes: empty,
  acceptEstimate: z.object({ value: cardValue }).strip(),
  getAgenda: z
    .object({
      sessionMinutes: z.number().int().min(10).max(240).optional(),
      boardId: z.number().int().positive().optional(),
    })
    .strip(),
  getSprintCheck: z.object({ sprintId: z.number().int().positive().optional() }).strip(),
  getSettings: empty,
  // The settings object itself is validated by the domain schema, with field-level messages.
  saveSettings: z.object({ settings: z.unknown() }).strip(),
  previewSettings: z.object({ settings: z.unknown() }).strip(),
  resetSettings: empty,
} as const;
