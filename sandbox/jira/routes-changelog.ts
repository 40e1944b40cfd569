/**
 * `POST /rest/api/3/changelog/bulkfetch` — operationId getBulkChangelogs in the Jira Cloud platform
 * spec (jira-cloud-platform.swagger-v3.v3.json). Request `BulkChangelogRequestBean` (additional
 * properties not allowed): `issueIdsOrKeys` (required, 1–1000), `fieldIds` (≤ 10, unique),
 * `maxResults` (1–10000, default 1000: changelogs per page), `nextPageToken`. Response
 * `BulkChangelogResponseBean`: `{ issueChangeLogs: [IssueChangeLog{ issueId, changeHistories:
 * [Changelog{ id, author, created, items: [ChangeDetails] }] }], nextPageToken }`, "sorted by
 * changelog date and issue IDs, starting from the oldest changelog and smallest issue ID";
 * `nextPageToken` is left out on the last page. Issues the caller cannot browse are left out.
 */
import { z } from 'zod';
import { errorCollection, json, type Route } from './http';
import type { Json, JsonObject, SiteHistory, SiteIssue } from './model';
import { decodePageToken, encodePageToken } from './page-token';
import { visibleIssue } from './site';
import { userDetails } from './views';

const requestSchema = z
  .object({
    issueIdsOrKeys: z.array(z.string()).min(1).max(1000),
    fieldIds: z.array(z.string()).max(10).optional(),
    maxResults: z.number().int().min(1).max(10_000).optional(),
    nextPageToken: z.string().optional(),
  })
  .strict();

/** The sides of a change item Jira always sends, even when a side is empty. */
const SIDES = ['from', 'fromString', 'to', 'toString'] as const;

/**
 * One ChangeDetails item. Jira sends every key, an empty side included (recorded payloads, e.g. the
 * getChangeLogs example's `"fromString": ""`, and webhook changelogs, which send `"to": null`); the
 * spec types all four sides as (non-nullable) strings, so an empty side is sent as "" here. The app
 * reads null, "" and a missing key alike (src/jira/schemas/changelog.ts).
 */
function changeDetails(item: JsonObject): JsonObject {
  const out: JsonObject = { ...item };
  for (const side of SIDES) {
    // Own keys only: a plain object answers `toString` with Object.prototype's function.
    const value = Object.hasOwn(item, side) ? item[side] : null;
    out[side] = typeof value === 'string' ? value : '';
  }
  return out;
}

const getBulkChangelogs: Route = {
  method: 'POST',
  template: '/rest/api/3/changelog/bulkfetch',
  handle: (ctx) => {
    const parsed = requestSchema.safeParse(ctx.body ?? {});
    if (!parsed.success) return errorCollection(400, [`Invalid request: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`]);
    const { issueIdsOrKeys, fieldIds, maxResults = 1000, nextPageToken } = parsed.data;
    if (fieldIds && new Set(fieldIds).size !== fieldIds.length) return errorCollection(400, ['fieldIds must be unique.']);
    const wanted = fieldIds && fieldIds.length > 0 ? new Set(fieldIds) : null;
    const issues = new Map<string, SiteIssue>();
    for (const idOrKey of issueIdsOrKeys) {
      const issue = visibleIssue(ctx.site, ctx.principal, idOrKey);
      if (issue) issues.set(issue.id, issue);
    }
    // Every matching history, oldest first, then by issue id (the spec's order).
    const rows: { issue: SiteIssue; history: SiteHistory; items: JsonObject[] }[] = [];
    for (const issue of issues.values()) {
      for (const history of issue.changelog ?? []) {
        const items = wanted ? history.items.filter((item) => typeof item.fieldId === 'string' && wanted.has(item.fieldId)) : history.items;
        if (items.length > 0) rows.push({ issue, history, items });
      }
    }
    rows.sort((a, b) => a.history.created.localeCompare(b.history.created) || Number(a.issue.id) - Number(b.issue.id));
    const fingerprint = JSON.stringify([[...issues.keys()].sort(), [...(wanted ?? [])].sort()]);
    const offset = nextPageToken === undefined ? 0 : decodePageToken(nextPageToken, fingerprint);
    if (offset === null) return errorCollection(400, ['The nextPageToken is invalid.']);
    const page = rows.slice(offset, offset + maxResults);
    const grouped = new Map<string, Json[]>();
    for (const row of page) {
      const list = grouped.get(row.issue.id) ?? [];
      const items = row.items.map(changeDetails);
      list.push({ id: row.history.id, author: userDetails(ctx.site, row.history.authorAccountId), created: row.history.created, items });
      grouped.set(row.issue.id, list);
    }
    const more = offset + page.length < rows.length;
    return json(200, {
      issueChangeLogs: [...grouped].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
      ...(more ? { nextPageToken: encodePageToken(fingerprint, offset + page.length) } : {}),
    });
  },
};

export const CHANGELOG_ROUTES: Route[] = [getBulkChangelogs];
