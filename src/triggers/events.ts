import { z } from 'zod';

/**
 * Forge product-event payloads, parsed leniently: only what the handlers use, and payloads
 * are partial by design (the handlers re-read the issue or sprint).
 *
 * Source of truth: the Forge events reference, "Jira events" (events-reference/jira) and
 * "Jira Software events" (events-reference/jira-software), snapshot of 2026-08-22. Common
 * fields of Jira events ("Common fields in Jira event payloads": `timestamp` as a string of
 * epoch milliseconds, `webhookTraceValue?`) and the actor `atlassianId?` are not read: no
 * handler needs them, and an unread field must never make a valid event fail to parse.
 * `selfGenerated` is read wherever it comes (events-reference/product_events "ignoreSelf"),
 * although the sprint payload table does not list it.
 */

/**
 * An entity id. The reference types ids as strings; numbers (the Jira webhook shape that older
 * payloads followed, and the numeric board id in the Jira Software board example) are accepted
 * and turned into strings. An empty id would address no entity, so it is rejected.
 */
const id = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);

/**
 * A sprint id: documented as a string ("6"), read as the positive integer the Agile REST API
 * uses. Numbers are accepted too; anything else (booleans, "1.5", "") is junk.
 */
const sprintId = z.union([z.string().regex(/^[1-9]\d*$/).transform(Number), z.number().int().positive()]);

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

/**
 * "Issue created" / "Issue updated" (events-reference/jira, "Issue events"): `issue` is
 * `{ id: string, key: string, fields }` where `fields` is only a small subset (summary, issuetype,
 * project, status, …); "Issue updated" adds `changelog` (`items` of ChangeDetails). Other documented
 * keys (`atlassianId?`, `jiraEventTypeName?`, `associatedUsers?`, `associatedStatuses?`,
 * `clonedFrom?`) are not read.
 */
export const issueEventSchema = z.object({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue']),
  selfGenerated: z.boolean().optional(),
  issue: z.object({
    id,
    key: z.string(),
    fields: z
      .object({ project: z.object({ id, key: z.string() }).nullish() })
      .loose()
      .optional(),
  }),
  // `id` (ChangeDetails' history id) tells two changes of one issue apart for the queue's run ids.
  changelog: z.object({ id: z.string().optional(), items: z.array(changelogItemSchema).default([]) }).optional(),
});
export type IssueEvent = z.infer<typeof issueEventSchema>;

const issueLinkEventType = z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']);

/**
 * "Issue link events" (events-reference/jira): the payload is flat, `{ eventType, selfGenerated,
 * id, sourceIssueId, destinationIssueId, sourceProjectId, destinationProjectId, issueLinkType }`,
 * all ids strings, no `issueLink` wrapper. `issueLinkType` is not read: the handler re-reads both
 * issues, whose `issuelinks` say which end blocks which.
 */
const documentedIssueLinkEventSchema = z.object({
  eventType: issueLinkEventType,
  selfGenerated: z.boolean().optional(),
  id: id.optional(),
  sourceIssueId: id,
  destinationIssueId: id,
  sourceProjectId: id.optional(),
  destinationProjectId: id.optional(),
});

/**
 * The older nested shape, `{ eventType, issueLink: { id, sourceIssueId, destinationIssueId, … } }`
 * with numeric ids (Jira's `issuelink_created` webhook). The Forge reference does not document it;
 * it is still accepted so an event in that shape refreshes the issues instead of being dropped.
 */
const nestedIssueLinkEventSchema = z
  .object({
    eventType: issueLinkEventType,
    selfGenerated: z.boolean().optional(),
    issueLink: z.object({
      id: id.optional(),
      sourceIssueId: id,
      destinationIssueId: id,
      sourceProjectId: id.optional(),
      destinationProjectId: id.optional(),
    }),
  })
  .transform(({ issueLink, ...event }) => ({ ...event, ...issueLink }));

/** Either shape, normalised to the documented flat one (the flat keys win when both are present). */
export const issueLinkEventSchema = z.union([documentedIssueLinkEventSchema, nestedIssueLinkEventSchema]);
export type IssueLinkEvent = z.output<typeof issueLinkEventSchema>;

/**
 * "Sprint events" (events-reference/jira-software): `{ eventType, sprint: { id: string,
 * originBoardId?: string, name, goal?, state, createDate?, startDate?, endDate?, completeDate? },
 * oldValue? (updated only), atlassianId? }`; the same payload for every sprint event. Only the id
 * is read: the use case re-reads the sprint. `closed` is parsed for a later subscriber (the manifest
 * does not subscribe to it yet); flagging a closed sprint does nothing.
 */
export const sprintEventSchema = z.object({
  eventType: z.enum(['avi:jira-software:created:sprint', 'avi:jira-software:started:sprint', 'avi:jira-software:closed:sprint']),
  selfGenerated: z.boolean().optional(),
  sprint: z.looseObject({ id: sprintId }),
});
export type SprintEvent = z.output<typeof sprintEventSchema>;
