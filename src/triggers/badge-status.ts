/**
 * The `dynamicProperties` function of the `readiness-badge` issue context (manifest.yml). Without it
 * Jira shows nothing right of the label while the panel is collapsed ("If `status` is not specified,
 * then nothing is shown").
 *
 * How Jira calls it (docs mirror, read 2026-12):
 * - It is a plain Forge function, not a @forge/resolver definition: `handler(payload, context)`
 *   (function-reference/arguments: "Functions implemented with @forge/resolver resolver definitions
 *   receive arguments differently"). Jira calls it on the first render and whenever the panel is
 *   collapsed (manifest-reference/modules/jira-issue-context, "Dynamic properties").
 * - payload (same section): `{ cloudId, extension: { type: 'jira:issueContext',
 *   issue: { id, type, key, typeId }, project: { id, type, key } } }` — built by Jira for the issue
 *   on screen; there is no user-supplied part.
 * - context (function-reference/arguments, "Context Schema"): `{ installContext, principal?: { accountId },
 *   license?, installation?, workspaceId? }`.
 * - answer: `{ status: { type: 'badge' | 'lozenge' | 'icon', value: { label, type?, url? } } }`.
 *
 * asUser, not asApp: someone is looking at the issue, and the docs give the invocation that person as
 * `context.principal` (the Confluence byline's dynamicProperties documents `principal.accountId`
 * explicitly). Reading as them means Jira checks they may browse the issue, so even a forged issue id
 * reveals nothing. Without a principal there is nobody to read as: the neutral lozenge, and no
 * asApp fallback that would read past Jira's permissions.
 *
 * At most one Jira request, and no retries: a lozenge is not worth waiting out a 429, and Jira calls
 * again on the next collapse. Any failure becomes the neutral lozenge; the function never throws,
 * because a throw would leave the status blank.
 */
import { z } from 'zod';
import { badgeStatus, type IssueContextStatus, UNAVAILABLE_BADGE_STATUS } from '../domain/readiness/badge-status';
import { createJiraGateway } from '../jira/gateway';

/** Ids are strings in the docs; accept numbers too, as src/resolvers/trusted-context.ts does. */
const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

const payloadSchema = z.object({
  extension: z.object({ issue: z.object({ id: idSchema, key: z.string().min(1) }) }),
});

const contextSchema = z.object({ principal: z.object({ accountId: z.string().min(1) }) });

function logProblem(what: string, detail: unknown): void {
  const text = detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail);
  console.warn(`[refinement-radar] readiness badge status: ${what} (${text})`);
}

export async function readinessBadgeStatus(payload: unknown, context: unknown): Promise<IssueContextStatus> {
  const call = payloadSchema.safeParse(payload);
  if (!call.success) {
    logProblem('the payload names no issue', call.error.issues[0]?.message);
    return UNAVAILABLE_BADGE_STATUS;
  }
  const issue = call.data.extension.issue;
  if (!contextSchema.safeParse(context).success) {
    logProblem(`no user to read ${issue.key} as`, 'context.principal missing');
    return UNAVAILABLE_BADGE_STATUS;
  }
  try {
    const jira = createJiraGateway({ as: 'user', retry: { maxAttempts: 1 } });
    // By id: the key changes when the issue moves to another project.
    return badgeStatus({ property: await jira.getReadinessProperty(issue.id) });
  } catch (error) {
    logProblem(`reading ${issue.key} failed`, error);
    return UNAVAILABLE_BADGE_STATUS;
  }
}
