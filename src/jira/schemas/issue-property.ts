/**
 * GET /rest/api/3/issue/{key}/properties/{propertyKey}, and the value this app stores there.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-properties/
 */
import { z } from 'zod';
import type { ReadinessProperty } from '../../contract';

export const issuePropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

export const readinessPropertySchema = z.object({
  score: z.number(),
  state: z.enum(['ready', 'not-ready']),
  gaps: z.array(z.string()),
  evaluatedAt: z.string(),
  v: z.literal(1),
}) satisfies z.ZodType<ReadinessProperty>;
