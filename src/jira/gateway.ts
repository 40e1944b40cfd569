/**
 * JiraGateway (src/usecases/ports.ts) over Jira Cloud REST, for one principal.
 * `as: 'user'` for everything a person triggers (they only see what Jira lets them see);
 * `as: 'app'` for triggers and for the app's own writes after an asUser permission check.
 */
import { route } from '@forge/api';
import { createFieldCache, type FieldCatalogCache } from '../store/field-cache';
import type { JiraGateway } from '../usecases/ports';
import { JiraNotFoundError } from './errors';
import { loadFieldCatalog } from './field-catalog';
import { createInvocationCache, memoize, type InvocationCache } from './invocation-cache';
import { boardEstimationField, findBoard, scrumBoards, sprint, sprints } from './read-agile';
import { backlogIssues, getIssue, readinessProperties, searchIssues, sprintIssues } from './read-issues';
import { createJiraClient, type JiraClient, type JiraClientOptions, type JiraPrincipal } from './request';
import { myPermissionsSchema } from './schemas/permissions';
import { myselfSchema } from './schemas/myself';
import { addComment, getReadinessProperty, setEstimate, setFlagged, setReadinessProperty, updateLabels } from './write-issue';

export interface JiraGatewayOptions {
  as: JiraPrincipal;
  /** One per invocation; share it between the user and app gateways of the same call. */
  cache?: InvocationCache;
  fieldCache?: FieldCatalogCache;
  /** Retry tuning (tests inject sleep/random). */
  retry?: Omit<JiraClientOptions, 'as'>;
  /** Replaces the HTTP client entirely (tests). */
  client?: JiraClient;
}

export function createJiraGateway(options: JiraGatewayOptions): JiraGateway {
  const client = options.client ?? createJiraClient({ ...options.retry, as: options.as });
  const cache = options.cache ?? createInvocationCache();
  const fieldCache = options.fieldCache ?? createFieldCache();

  return {
    fieldCatalog: () => memoize({ map: cache.fieldCatalog, key: 'site', load: () => loadFieldCatalog({ client, fieldCache }) }),
    boardEstimationField: (boardId) =>
      memoize({
        map: cache.boardEstimationField,
        key: `${options.as}:${boardId}`,
        load: () => boardEstimationField({ client, boardId }),
      }),
    findBoard: ({ projectKey, boardId }) =>
      memoize({
        map: cache.boards,
        key: `${options.as}:${projectKey}:${boardId ?? ''}`,
        load: () => findBoard({ client, projectKey, boardId }),
      }),
    sprints: (params) => sprints({ client, ...params }),
    sprint: (sprintId) => sprint({ client, sprintId }),
    scrumBoards: (params) => scrumBoards({ client, ...params }),

    getIssue: (params) => getIssue({ client, ...params }),
    searchIssues: (params) => searchIssues({ client, ...params }),
    sprintIssues: (params) => sprintIssues({ client, ...params }),
    backlogIssues: (params) => backlogIssues({ client, ...params }),
    readinessProperties: (issueIds) => readinessProperties({ client, issueIds }),

    async myself() {
      const me = await client.get(route`/rest/api/3/myself`, myselfSchema);
      return { accountId: me.accountId, displayName: me.displayName ?? '' };
    },
    hasProjectPermission: ({ projectKey, permission }) =>
      memoize({
        map: cache.permissions,
        key: `${options.as}:${projectKey}:${permission}`,
        load: async () => {
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
        },
      }),

    setEstimate: (params) => setEstimate({ client, ...params }),
    updateLabels: (params) => updateLabels({ client, ...params }),
    setFlagged: (params) => setFlagged({ client, ...params }),
    addComment: (params) => addComment({ client, ...params }),
    getReadinessProperty: (issueIdOrKey) => getReadinessProperty({ client, issueIdOrKey }),
    setReadinessProperty: (params) => setReadinessProperty({ client, ...params }),
  };
}
