/**
 * POST /rest/api/3/issue/bulkfetch. Issues the caller cannot see are silently left out;
 * `issueErrors` lists the ones Jira could not return for other reasons.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
 */
import { z } from 'zod';
import { jiraId } from './common';
import { restIssueSchema } from './issue';

export const bulkFetchResponseSchema = z.looseObject({
  issues: z.array(restIssueSchema).optional(),
  issueErrors: z.array(z.looseObject({ id: jiraId.optional(), errorMessage: z.string().optional() })).optional(),
});
