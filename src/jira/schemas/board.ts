/**
 * GET /rest/agile/1.0/board, /board/{id} and /board/{id}/configuration.
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/
 */
import { z } from 'zod';
import { agileValuesPageSchema } from './agile-page';

export const boardSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  location: z
    .looseObject({
      projectKey: z.string().optional(),
      projectId: z.union([z.number(), z.string()]).optional(),
    })
    .optional(),
});

export const boardListSchema = agileValuesPageSchema(boardSchema);

export const boardConfigurationSchema = z.looseObject({
  id: z.number().optional(),
  /** Absent (or without `field`) when the board estimates by issue count. */
  estimation: z
    .looseObject({
      type: z.string().optional(),
      field: z.looseObject({ fieldId: z.string(), displayName: z.string().optional() }).optional(),
    })
    .optional(),
});
