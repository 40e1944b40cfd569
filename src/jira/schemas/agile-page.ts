/**
 * Agile 1.0 list pages: `values` with startAt/maxResults/isLast (boards, sprints) or `issues`
 * with startAt/maxResults/total (backlog, sprint issues).
 * @see https://developer.atlassian.com/cloud/jira/software/rest/intro/#pagination
 */
import { z } from 'zod';
import { restIssueSchema } from './issue';

export function agileValuesPageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    startAt: z.number().optional(),
    maxResults: z.number().optional(),
    total: z.number().optional(),
    isLast: z.boolean().optional(),
    values: z.array(item),
  });
}

export const agileIssuesPageSchema = z.looseObject({
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
  issues: z.array(restIssueSchema),
});
