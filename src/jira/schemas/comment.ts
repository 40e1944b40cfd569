/**
 * POST /rest/api/3/issue/{key}/comment (201 with the created comment).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post
 */
import { z } from 'zod';
import { jiraId } from './common';

export const createdCommentSchema = z.looseObject({ id: jiraId });

/**
 * GET /rest/api/3/issue/{key}/comment (getComments): `PageOfComments`; only the ids are used.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-get
 */
export const commentPageSchema = z.looseObject({ comments: z.array(z.looseObject({ id: jiraId })) });

/**
 * POST /rest/api/3/comment/list?expand=properties (getCommentsByIds): `PageBeanComment`, each
 * `Comment` with `properties: EntityProperty[]` ({ key, value }) when expanded.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-comment-list-post
 */
export const commentsWithPropertiesSchema = z.looseObject({
  values: z.array(
    z.looseObject({
      id: jiraId,
      properties: z.array(z.looseObject({ key: z.string(), value: z.unknown() })).optional(),
    }),
  ),
});
