/**
 * GET /rest/api/3/myself.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get
 */
import { z } from 'zod';

export const myselfSchema = z.looseObject({
  accountId: z.string().min(1),
  /** Privacy settings can hide it; the caller then shows a neutral name. */
  displayName: z.string().optional(),
});
