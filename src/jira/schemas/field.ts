/**
 * GET /rest/api/3/field: every system and custom field of the site.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
 */
import { z } from 'zod';

export const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z
    .looseObject({
      type: z.string().optional(),
      items: z.string().optional(),
      custom: z.string().optional(),
    })
    .optional(),
});
export type RestField = z.output<typeof fieldSchema>;

export const fieldListSchema = z.array(fieldSchema);
