import { z } from 'zod';

/**
 * Forge product-event payloads, parsed leniently: only what the handlers use, and payloads
 * are partial by design (the handlers re-read the issue).
 */
const id = z.union([z.string(), z.number()]).transform(String);

/**
 * Jira names two changelog keys `fromString` and `toString`. A plain object inherits a
 * `toString` method, so only the item's own `toString` is read (null when absent) and
 * the output always carries its own `toString` (string or null), never the inherited function.
 */
const ownProperties = (raw: unknown): unknown => {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const entries = new Map<string, unknown>(Object.entries(raw));
  return { ...Object.fromEntries(entries), toString: entries.get('toString') ?? null };
};

const optionalText = z.string().nullable().optional();
export const changelogItemSchema = z.preprocess(
  ownProperties,
  z
    .object({ field: z.string().default(''), fieldId: z.string().optional(), from: optionalText, fromString: optionalText, to: optionalText, toString: optionalText })
    .transform((item) => ({
      field: item.field,
      fieldId: item.fieldId,
      from: item.from ?? null,
      fromString: item.fromString ?? null,
      to: item.to ?? null,
      toString: item.toString ?? null,
    })),
);
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
