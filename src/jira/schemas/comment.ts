/**
 * POST /rest/api/3/issue/{key}/comment (201 with the created comment).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/#api-rest-api-3-issue-issueidorkey-comment-post
 */
import { z } from 'zod';
import { jiraId } from './common';

export const createdCommentSchema = z.looseObject({ id: jiraId });
