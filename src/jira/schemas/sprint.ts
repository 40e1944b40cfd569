/**
 * GET /rest/agile/1.0/sprint/{id} and /board/{id}/sprint.
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-sprint/
 */
import { z } from 'zod';
import { agileValuesPageSchema } from './agile-page';

export const sprintSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string(),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  completeDate: z.string().nullish(),
  goal: z.string().nullish(),
  originBoardId: z.number().nullish(),
});

export const sprintListSchema = agileValuesPageSchema(sprintSchema);
