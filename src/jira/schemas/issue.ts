/**
 * Issue shapes from /rest/api/3 (search/jql, bulkfetch, issue) and /rest/agile/1.0 issue lists.
 * The envelope (id, key) is strict; each field is read on its own with the per-field schemas
 * below, so one odd field (a custom app writing strings into a number field) never loses the issue.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
 */
import { z } from 'zod';
import { jiraId } from './common';

export const restIssueSchema = z.looseObject({
  id: jiraId,
  key: z.string(),
  /** Field id → raw value. Custom field values are unknown until a normalizer reads them. */
  fields: z.record(z.string(), z.unknown()).optional(),
  /** Entity properties asked for with `properties=`. */
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type RestIssue = z.output<typeof restIssueSchema>;

export const issueTypeFieldSchema = z.looseObject({
  name: z.string(),
  hierarchyLevel: z.number().optional(),
  subtask: z.boolean().optional(),
});

export const statusFieldSchema = z.looseObject({
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

export const projectFieldSchema = z.looseObject({ id: jiraId, key: z.string() });

/** What Jira tells us about the issue on the other end of a link (only a few fields). */
export const linkedIssueSchema = z.looseObject({
  id: jiraId,
  key: z.string(),
  fields: z
    .looseObject({
      summary: z.string().optional(),
      status: statusFieldSchema.optional(),
      issuetype: issueTypeFieldSchema.optional(),
      priority: z.looseObject({ name: z.string() }).nullish(),
    })
    .optional(),
});

/** One entry of `fields.issuelinks`; the other issue is missing when it was deleted or is hidden. */
export const issueLinkSchema = z.looseObject({
  id: jiraId.optional(),
  type: z.looseObject({
    name: z.string().optional(),
    inward: z.string().optional(),
    outward: z.string().optional(),
  }),
  inwardIssue: linkedIssueSchema.optional(),
  outwardIssue: linkedIssueSchema.optional(),
});
export type RestIssueLink = z.output<typeof issueLinkSchema>;

export const stringArrayFieldSchema = z.array(z.unknown()).transform((items) => items.filter((item) => typeof item === 'string'));
