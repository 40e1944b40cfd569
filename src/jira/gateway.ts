/**
 * JiraGateway (src/usecases/ports.ts) over Jira Cloud REST, for one principal.
 * `as: 'user'` for everything a person triggers (they only see what Jira lets them see);
 * `as: 'app'` for triggers and for the app's own writes after an asUser permission check.
 */
import { route } from '@forge/api';
import type { Cache, FieldCatalog, FieldCatalogCacheKey, JiraGateway } from '../usecases/ports';
import { JiraNotFoundError } from './errors';
import { loadFieldCatalog } from './field-catalog';
import { addMarkedComment, findMarkedComment } from './app-comments';
import { createInvocationCache, type InvocationCache } from './invocation-cache';
import { boardEstimationField, findBoard, siteBoards, sprint, sprints } from './read-agile';
import { sprintFieldChanges } from './read-changelogs';
import { backlogIssues, getIssue, searchIssues, sprintIssues, visibleIssues } from './read-issues';
import { createJiraClient, type JiraClient, type JiraClientOptions, type JiraPrincipal } from './request';
import { myPermissionsSchema } from './schemas/permissions';
import { myselfSchema } from './schemas/myself';
import { editIssueOnce, getReadinessProperty, setEstimate, setReadinessProperty } from './write-issue';

export interface JiraGatewayOptions {
  as: JiraPrincipal;
  /** One per invocation; share it between the user and app gateways of the same call. */
  cache?: InvocationCache;
  /** The site's field catalog across invocations (KVS, built by the entry point); none: memo only. */
  fieldCache?: Cache<FieldCatalogCacheKey, FieldCatalog>;
  /** Retry tuning (tests inject sleep/random). */
  retry?: Omit<JiraClientOptions, 'as'>;
  /** Replaces the HTTP client entirely (tests). */
  client?: JiraClient;
}

export function createJiraGateway(options: JiraGatewayOptions): JiraGateway {
  const client = options.client ?? createJiraClient({ ...options.retry, as: options.as });
  /** For writes that must not be repeated blindly: one request per call, no retry of its own. */
  const singleShot = options.client ?? createJiraClient({ ...options.retry, as: options.as, maxAttempts: 1 });
  const cache = options.cache ?? createInvocationCache();

  return {
    fieldCatalog: () => cache.fieldCatalog.share('site', () => loadFieldCatalog({ client, fieldCache: options.fieldCache })),
    boardEstimationField: (boardId) =>
      cache.boardEstimationField.share(`${options.as}:${boardId}`, () => boardEstimationField({ client, boardId })),
    findBoard: ({ projectKey, boardId }) =>
      cache.boards.share(`${options.as}:${projectKey}:${boardId ?? ''}`, () => findBoard({ client, projectKey, boardId })),
    sprints: (params) => sprints({ client, ...params }),
    sprint: (sprintId) => sprint({ client, sprintId }),
    siteBoards: (params) => siteBoards({ client, ...params }),

    getIssue: (params) => getIssue({ client, ...params }),
    searchIssues: (params) => searchIssues({ client, ...params }),
    sprintIssues: (params) => sprintIssues({ client, ...params }),
    backlogIssues: (params) => backlogIssues({ client, ...params }),
    visibleIssues: (issueIdsOrKeys) => visibleIssues({ client, issueIdsOrKeys }),

    async myself() {
      const me = await client.get(route`/rest/api/3/myself`, myselfSchema);
      return { accountId: me.accountId, displayName: me.displayName ?? '' };
    },
    hasProjectPermission: ({ projectKey, permission }) =>
      cache.permissions.share(`${options.as}:${projectKey}:${permission}`, async () => {
        try {
          const answer = await client.get(
            route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${permission}`,
            myPermissionsSchema,
          );
          return answer.permissions[permission]?.havePermission === true;
        } catch (error) {
          // An unknown (or invisible) project grants nothing.
          if (error instanceof JiraNotFoundError) return false;
          throw error;
        }
      }),

    setEstimate: (params) => setEstimate({ client, ...params }),
    editIssue: (edit) => editIssueOnce({ client, ...edit }),
    // Comment POSTs are sent once per attempt: after a lost answer the comment is looked for first.
    addComment: (params) => addMarkedComment({ post: singleShot, read: client, ...params, ...(options.retry ? { timing: options.retry } : {}) }),
    findComment: (params) => findMarkedComment({ client, ...params }),
    getReadinessProperty: (issueIdOrKey) => getReadinessProperty({ client, issueIdOrKey }),
    setReadinessProperty: (params) => setReadinessProperty({ client, ...params }),
    sprintFieldChanges: (params) => sprintFieldChanges({ client, ...params }),
  };
}
