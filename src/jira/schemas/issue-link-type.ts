/**
 * GET /rest/api/3/issueLinkType.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-link-types/#api-rest-api-3-issuelinktype-get
 */
import { z } from 'zod';
import { jiraId } from './common';

export const issueLinkTypesSchema = z.looseObject({
  issueLinkTypes: z.array(
    z.looseObject({ id: jiraId, name: z.string(), inward: z.string().optional(), outward: z.string().optional() }),
  ),
});
