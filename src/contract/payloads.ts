import { z } from './zod';
import { MAX_REASON_LENGTH } from './estimation';
import { SESSION_OUTCOMES } from './session';

/**
 * What a browser may send, per resolver key: the one definition of every payload. The resolver
 * parses with these schemas (src/resolvers/resolver.ts) and the UI's payload types derive from
 * them (PayloadOf in ./resolvers.ts), so the two cannot drift apart. Unknown keys (an `issueId`, an `accountId`, a
 * storage key) are stripped, never obeyed — project and caller come from the Forge context only,
 * and so does the issue, except that the agenda page names one by key for estimation (checked
 * against its context project, see src/resolvers/trusted-context.ts).
 */
const empty = z.object({}).strip();
const cardValue = z.string().trim().min(1).max(12);
/**
 * A Jira issue key as Jira forms it: a project key (a capital letter, then capitals, digits or
 * underscores; at most 255 characters per Jira, far fewer in practice) and the issue number.
 * Only a claim: the resolver has Jira confirm it as the user and checks its project.
 */
const issueKey = z.string().max(64).regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]{0,9}$/, { error: 'must be a Jira issue key such as DEMO-12' });
/** The agenda page names the issue it estimates; the issue panel's own issue comes from its context. */
const target = { issueKey: issueKey.optional() };

/** A facilitator's step in a refinement session (the type SessionAction derives from it). */
export const sessionAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('goto'), index: z.number().int().min(0).max(100) }).strip(),
  z.object({ type: z.literal('next') }).strip(),
  z.object({ type: z.literal('extend'), minutes: z.number().int().min(1).max(30) }).strip(),
  z.object({ type: z.literal('park') }).strip(),
  z.object({ type: z.literal('record'), outcome: z.enum(SESSION_OUTCOMES), decisions: z.array(z.string().trim().max(300)).max(10) }).strip(),
]);
export type SessionAction = z.output<typeof sessionAction>;

export const payloadSchemas = {
  getReadiness: empty,
  getStoredReadiness: empty,
  setChecklistItem: z.object({ itemId: z.string().min(1).max(80), checked: z.boolean() }).strip(),
  getRound: z.object(target).strip(),
  castVote: z
    .object({
      value: cardValue,
      reason: z.string().trim().max(MAX_REASON_LENGTH, { error: `must be at most ${MAX_REASON_LENGTH} characters` }).optional(),
      ...target,
    })
    .strip(),
  revealVotes: z.object(target).strip(),
  resetVotes: z.object(target).strip(),
  acceptEstimate: z.object({ value: cardValue, ...target }).strip(),
  startTimer: z.object({ seconds: z.number().int().min(0).max(3600), ...target }).strip(),
  getRoundFor: z.object({ issueKey }).strip(),
  getAgenda: z
    .object({
      sessionMinutes: z.number().int().min(10).max(240).optional(),
      boardId: z.number().int().positive().optional(),
    })
    .strip(),
  getSprintCheck: z.object({ sprintId: z.number().int().positive().optional() }).strip(),
  getSettings: empty,
  /**
   * The settings object itself is validated by the domain's settings schema, which answers
   * VALIDATION_FAILED with a message per field; a browser draft may be invalid, which is the point
   * of that answer. So the payload types it as `unknown` rather than claiming a ProjectSettings.
   */
  saveSettings: z.object({ settings: z.unknown() }).strip(),
  previewSettings: z.object({ settings: z.unknown() }).strip(),
  resetSettings: empty,
  getHealth: z.object({ boardId: z.number().int().positive().optional() }).strip(),
  getSession: z.object({ number: z.number().int().positive().optional() }).strip(),
  startSession: z.object({ sessionMinutes: z.number().int().min(10).max(240).optional() }).strip(),
  sessionAction: z.object({ version: z.number().int().positive(), action: sessionAction }).strip(),
  giveConfidence: z.object({ value: z.number().int().min(1).max(5) }).strip(),
  takeOverSession: z.object({ version: z.number().int().positive(), confirm: z.boolean() }).strip(),
  endSession: z.object({ version: z.number().int().positive() }).strip(),
  addQuestion: z
    .object({
      text: z.string().trim().min(3).max(500),
      // The owner is data shown in a mention (Jira resolves the account id), never a storage key.
      owner: z.object({ accountId: z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/), displayName: z.string().trim().min(1).max(100) }).strip().optional(),
      due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }).optional(),
      ...target,
    })
    .strip(),
  answerQuestion: z.object({ questionId: z.string().regex(/^q[a-z0-9]{1,30}$/), text: z.string().trim().min(1).max(1000) }).strip(),
  // The panel's issue comes from its context; an `issueKey` or `issueId` sent along is stripped.
  getQuestions: empty,
} as const satisfies Record<string, z.ZodType<object>>;

export type PayloadSchemas = typeof payloadSchemas;
