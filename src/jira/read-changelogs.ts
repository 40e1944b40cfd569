/**
 * Sprint-field history of many issues with `POST /rest/api/3/changelog/bulkfetch`
 * (getBulkChangelogs): ≤ 1,000 issues per request, filtered to the sprint field, paged with
 * `nextPageToken`. The cost follows the number of issues asked about, never the backlog.
 */
import { route } from '@forge/api';
import type { SprintFieldChange } from '../domain/health';
import type { JiraClient } from './request';
import { bulkChangelogResponseSchema } from './schemas/changelog';

/** getBulkChangelogs: `issueIdsOrKeys` maxItems 1000. */
const ISSUES_PER_REQUEST = 1000;
/** `maxResults` default 1000 (maximum 10000); the default is kept. */
const CHANGELOGS_PER_PAGE = 1000;
/** Guards against a token that never ends. */
const MAX_PAGES_PER_CHUNK = 50;

/** "12, 13" → [12, 13]; Jira writes sprint ids comma-separated in `from` / `to`. */
export function parseSprintList(value: string | null | undefined): number[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

export async function sprintFieldChanges(params: { client: JiraClient; issueIds: string[]; sprintFieldId: string }): Promise<Map<string, SprintFieldChange[]>> {
  const ids = [...new Set(params.issueIds)];
  const changes = new Map<string, SprintFieldChange[]>();
  for (let start = 0; start < ids.length; start += ISSUES_PER_REQUEST) {
    const chunk = ids.slice(start, start + ISSUES_PER_REQUEST);
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES_PER_CHUNK; page++) {
      const body = { issueIdsOrKeys: chunk, fieldIds: [params.sprintFieldId], maxResults: CHANGELOGS_PER_PAGE, ...(nextPageToken ? { nextPageToken } : {}) };
      const answer = await params.client.post(route`/rest/api/3/changelog/bulkfetch`, bulkChangelogResponseSchema, body);
      for (const log of answer.issueChangeLogs) {
        const list = changes.get(log.issueId) ?? [];
        for (const history of log.changeHistories) {
          for (const item of history.items) {
            // The filter asks for the sprint field only; items of other fields are ignored all the same.
            if (item.fieldId !== params.sprintFieldId && item.field !== 'Sprint') continue;
            list.push({ at: history.created, from: parseSprintList(item.from), to: parseSprintList(item.to) });
          }
        }
        changes.set(log.issueId, list);
      }
      nextPageToken = answer.nextPageToken ?? undefined;
      if (!nextPageToken) break;
    }
  }
  for (const list of changes.values()) list.sort((a, b) => a.at.localeCompare(b.at));
  return changes;
}
