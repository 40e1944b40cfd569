/**
 * POST /rest/api/3/changelog/bulkfetch (operationId getBulkChangelogs): `BulkChangelogResponseBean`
 * `{ issueChangeLogs: [{ issueId, changeHistories: [Changelog{ id, created, items: [ChangeDetails] }] }],
 * nextPageToken? }`. The spec types `created` as a date-time string while its own example sends
 * epoch seconds, so both are accepted and turned into an ISO string.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-changelog-bulkfetch-post
 */
import { z } from 'zod';
import { jiraId } from './common';

const created = z.union([z.string(), z.number()]).transform((value) => {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value : new Date(parsed).toISOString();
});

/**
 * ChangeDetails. The spec types every side as a string, but Jira sends an empty side as null
 * (webhook changelogs, the getChangeLogs example's `"from": null`) or "" (its `"fromString": ""`),
 * and the bulk example leaves `from`/`to` out: all three read as "no value". `fromString` and
 * `toString` are not read and deliberately not declared: zod would read a missing `toString` off
 * Object.prototype (a function) and reject the item.
 */
const side = z.string().nullish();
const changeItemSchema = z.looseObject({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  from: side,
  to: side,
});

export const bulkChangelogResponseSchema = z.looseObject({
  issueChangeLogs: z
    .array(
      z.looseObject({
        issueId: jiraId,
        changeHistories: z.array(z.looseObject({ id: jiraId.optional(), created, items: z.array(changeItemSchema).default([]) })).default([]),
      }),
    )
    .default([]),
  nextPageToken: z.string().nullish(),
});
