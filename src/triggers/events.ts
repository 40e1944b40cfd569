import { z } from 'zod';

/**
 * Forge product-event payloads, parsed leniently: only what the handlers use, and payloads
 * are partial by design (the handlers re-read the issue).
 */
const id = z.union([z.string(), z.number()]).transform(String);

export const changelogItemSchema = z.object({
  field: z.string().default(''),
  fieldId: z.string().optional(),
  from: z.string().nullable().optional(),
  fromString: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  toString: z.string().nullable().optional(),
});
export type ChangelogItem = z.infer<typeof changelogItemSchema>;

export const issueEventSchema = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue']),
  selfGenerated: z.boolean().optional(),
  issue: z.object({
    id,
    key: z.string(),
    fields: z
      .object({ project: z.object({ id, key: z.string() }).optional() })
      .passthrough()
      .optional(),
  }),
  changelog: z.object({ items: z.array(changelogItemSchema).default([]) }).optional(),
});
export type IssueEvent = z.infer<typeof issueEventSchema>;

export const issueLinkEventSchema = z.object({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  selfGenerated: z.boolean().optional(),
  issueLink: z.object({ id: id.optional(), sourceIssueId: id, destinationIssueId: id }),
});

export const sprintEventSchema = z.object({
  eventType: z.enum(['avi:jira-software:created:sprint', 'avi:jira-software:started:sprint']),
  selfGenerated: z.boolean().optional(),
  sprint: z.object({ id: z.coerce.number().int().positive() }).passthrough(),
});
