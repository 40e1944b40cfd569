import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import type { AdfDoc, CommentMark, CommentOutcome, Sprint } from './ports';

/** Attempts to post one sprint comment before it is given up. */
const MAX_ATTEMPTS = 10;
/**
 * An attempt still `posting` after this long belongs to an invocation that died (Forge ends every
 * function within 900 s): its comment may or may not have landed, so it is looked for.
 */
const ABANDONED_AFTER_MS = 20 * 60_000;

/** The comment's fate, for the sprint-flag record. */
export type SprintCommentResult =
  /** The comment is on the issue (posted now, or found from an earlier attempt). */
  | 'on-issue'
  /** Another invocation is posting it right now. */
  | 'elsewhere'
  /** Every attempt failed: no more are made. */
  | 'given-up';

/**
 * Posts the one explanatory comment for an issue in a sprint: at most once, and not lost when a
 * write fails. Each attempt is claimed once in KVS (FAIL_IF_EXISTS), so duplicated or concurrent
 * events cannot post twice. An attempt whose outcome is unknown (Jira's answer was lost and the
 * gateway could not tell, or its invocation died) is never simply repeated: the next call looks
 * for the app's marked comment first and only claims a new attempt when it is not there.
 * Throws when this call's attempt did not post (Jira refused or failed) or could not be confirmed.
 */
export async function postSprintComment({
  deps,
  issue,
  sprint,
  body,
}: {
  deps: Pick<UseCaseDeps, 'appJira' | 'stores' | 'clock'>;
  issue: Pick<NormalizedIssue, 'id' | 'key'>;
  sprint: Pick<Sprint, 'id'>;
  body: () => AdfDoc;
}): Promise<SprintCommentResult> {
  const { appJira, stores, clock } = deps;
  const ids = { issueId: issue.id, sprintId: sprint.id };
  const mark: CommentMark = { kind: 'sprint-flag', sprintId: sprint.id };

  const latest = await stores.sprintFlags.commentAttempt(ids);
  if (latest) {
    if (latest.state === 'posted') return 'on-issue';
    const running = latest.state === 'posting' && clock.now().getTime() - Date.parse(latest.claimedAt) < ABANDONED_AFTER_MS;
    if (running) return 'elsewhere';
    if (latest.state !== 'failed') {
      const found = await appJira.findComment({ issueIdOrKey: issue.key, mark });
      if (found !== null) {
        await stores.sprintFlags.settleComment({ ...ids, attempt: latest.attempt, state: 'posted', commentId: found });
        return 'on-issue';
      }
    }
    if (latest.attempt >= MAX_ATTEMPTS) return 'given-up';
  }

  const attempt = (latest?.attempt ?? 0) + 1;
  if (!(await stores.sprintFlags.claimComment({ ...ids, attempt }))) return 'elsewhere';
  let outcome: CommentOutcome;
  try {
    outcome = await appJira.addComment({ issueIdOrKey: issue.key, body: body(), mark });
  } catch (error) {
    // The gateway throws only when the comment is not there: the next attempt may post.
    await stores.sprintFlags.settleComment({ ...ids, attempt, state: 'failed' }).catch(() => undefined);
    throw error;
  }
  if (outcome.outcome === 'unverified') {
    await stores.sprintFlags.settleComment({ ...ids, attempt, state: 'unverified' });
    throw new Error(`The sprint comment on ${issue.key} could not be confirmed; the next sync looks for it before posting again.`);
  }
  await stores.sprintFlags.settleComment({ ...ids, attempt, state: 'posted', commentId: outcome.id });
  return 'on-issue';
}
