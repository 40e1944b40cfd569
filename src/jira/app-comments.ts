/**
 * The app's own comments, each posted at most once although Jira's answer can be lost.
 *
 * A comment POST that fails with a 5xx, a dropped connection or a timeout may still have been
 * stored: Jira can store the comment and then fail to answer. Sending it again blindly (as the
 * generic client does for 5xx) would leave two comments. So the comment carries a mark, a comment
 * property set in the same POST (`addComment` body `properties`: "A list of comment properties.
 * Optional on create and update." — Comment schema of the platform REST spec), and after an
 * uncertain failure the issue's newest comments are searched for that mark (getComments with
 * `orderBy=-created`, then getCommentsByIds with `expand=properties`, the operation that documents
 * the `properties` expansion) before anything is posted again. A 429 means the request was not
 * processed, so it is simply sent again after the wait Jira asked for.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { AdfDoc, CommentMark, CommentOutcome } from '../usecases/ports';
import { JiraBadRequestError, JiraForbiddenError, JiraInvalidResponseError, JiraNotFoundError, JiraRateLimitedError } from './errors';
import type { JiraClient } from './request';
import { retryDelayMs } from './retry-policy';
import { commentPageSchema, commentsWithPropertiesSchema, createdCommentSchema } from './schemas/comment';

/** The comment property that marks the app's comments. */
export const APP_COMMENT_PROPERTY_KEY = 'refinement-radar-comment';
/**
 * Comments searched for the mark, newest first (one page, getComments' default and usual maximum):
 * the lost POST was the last thing the app did on the issue, or the one before the next sync.
 */
const RECENT_COMMENTS = 100;
/** POSTs sent at most for one comment (each after its predecessor was shown not to have landed). */
const MAX_POSTS = 3;
/** Longest this function waits between POSTs altogether, within the invocation's deadline. */
const MAX_WAIT_MS = 15_000;

const markSchema = z.union([
  z.looseObject({ kind: z.literal('sprint-flag'), sprintId: z.number().int(), v: z.literal(1) }),
  // The outcome comment of a refinement session (src/usecases/session-write-back.ts).
  z.looseObject({ kind: z.literal('session-outcome'), session: z.string(), v: z.literal(1) }),
]);
const markValue = (mark: CommentMark): z.infer<typeof markSchema> => ({ ...mark, v: 1 });
const isMark = (value: unknown, mark: CommentMark): boolean => {
  const parsed = markSchema.safeParse(value);
  if (!parsed.success || parsed.data.kind !== mark.kind) return false;
  return parsed.data.kind === 'sprint-flag' ? mark.kind === 'sprint-flag' && parsed.data.sprintId === mark.sprintId : mark.kind === 'session-outcome' && parsed.data.session === mark.session;
};

export interface CommentTiming {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Epoch ms after which no further POST is started (the invocation's retry budget). */
  deadline?: number;
}

type Failure = 'refused' | 'throttled' | 'stored-unreadable' | 'uncertain';

/** What a failed POST says about whether the comment exists. */
function failureOf(error: unknown): Failure {
  if (error instanceof JiraRateLimitedError) return 'throttled';
  if (error instanceof JiraBadRequestError || error instanceof JiraForbiddenError || error instanceof JiraNotFoundError) return 'refused';
  if (error instanceof JiraInvalidResponseError && error.status !== null && error.status >= 200 && error.status < 300) return 'stored-unreadable';
  // 5xx, no answer, a timeout: the comment may or may not be there.
  return 'uncertain';
}

/**
 * Posts the comment once. `post` must send exactly one request per call (no retries of its own);
 * `read` may retry, reads are safe to repeat.
 */
export async function addMarkedComment(params: {
  post: JiraClient;
  read: JiraClient;
  issueIdOrKey: string;
  body: AdfDoc;
  mark: CommentMark;
  timing?: CommentTiming;
}): Promise<CommentOutcome> {
  const { issueIdOrKey, mark } = params;
  const sleep = params.timing?.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = params.timing?.random ?? Math.random;
  const now = params.timing?.now ?? Date.now;
  const waitUntil = Math.min(params.timing?.deadline ?? Number.POSITIVE_INFINITY, now() + MAX_WAIT_MS);
  const request = { body: params.body, properties: [{ key: APP_COMMENT_PROPERTY_KEY, value: markValue(mark) }] };

  for (let attempt = 1; ; attempt++) {
    let error: unknown;
    try {
      const created = await params.post.post(route`/rest/api/3/issue/${issueIdOrKey}/comment`, createdCommentSchema, request);
      return { outcome: 'posted', id: created.id };
    } catch (thrown) {
      error = thrown;
    }
    const failure = failureOf(error);
    if (failure === 'refused') throw error;
    if (failure !== 'throttled') {
      // The answer was lost, maybe not the comment: look for it before posting again.
      let found: string | null;
      try {
        found = await findMarkedComment({ client: params.read, issueIdOrKey, mark });
      } catch {
        return { outcome: 'unverified' };
      }
      if (found !== null) return { outcome: 'posted', id: found };
      // Jira said 2xx: it is there even if the search cannot see it; never post it twice.
      if (failure === 'stored-unreadable') return { outcome: 'unverified' };
    }
    if (attempt >= MAX_POSTS) throw error;
    const retryAfterMs = error instanceof JiraRateLimitedError && error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : null;
    const delay = retryDelayMs({ retry: attempt - 1, retryAfterMs, random });
    if (now() + delay > waitUntil) throw error;
    await sleep(delay);
  }
}

/** The id of the app's comment carrying `mark` among the issue's newest comments, or null. */
export async function findMarkedComment(params: { client: JiraClient; issueIdOrKey: string; mark: CommentMark }): Promise<string | null> {
  const page = await params.client.get(
    route`/rest/api/3/issue/${params.issueIdOrKey}/comment?orderBy=-created&maxResults=${RECENT_COMMENTS}`,
    commentPageSchema,
  );
  const ids = page.comments.map((comment) => comment.id).filter((id) => /^\d{1,18}$/.test(id));
  if (ids.length === 0) return null;
  const detailed = await params.client.post(route`/rest/api/3/comment/list?expand=properties`, commentsWithPropertiesSchema, { ids: ids.map(Number) });
  const marked = detailed.values.find((comment) => (comment.properties ?? []).some((property) => property.key === APP_COMMENT_PROPERTY_KEY && isMark(property.value, params.mark)));
  return marked?.id ?? null;
}
