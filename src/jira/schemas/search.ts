/**
 * POST /rest/api/3/search/jql (the replacement of the removed /rest/api/3/search).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
import { z } from 'zod';
import { restIssueSchema } from './issue';

export const searchJqlResponseSchema = z.looseObject({
  issues: z.array(restIssueSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
