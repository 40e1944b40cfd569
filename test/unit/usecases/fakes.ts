/**
 * In-memory ports that record what a use case did. Only the methods the sprint-flag sync
 * uses are implemented; every other one rejects, so a test notices an unexpected call.
 */
import type { AdfDoc, Clock, JiraGateway, SprintFlagRecord, Stores } from '../../../src/usecases/ports';

export type JiraWrite =
  | { method: 'updateLabels'; issueIdOrKey: string; add?: string[]; remove?: string[] }
  | { method: 'setFlagged'; issueIdOrKey: string; fieldId: string; flagged: boolean }
  | { method: 'addComment'; issueIdOrKey: string; body: AdfDoc };

const unused = (name: string) => (): Promise<never> => Promise.reject(new Error(`${name} is not expected in this test`));

export function recordingJira(): { jira: JiraGateway; writes: JiraWrite[] } {
  const writes: JiraWrite[] = [];
  const jira: JiraGateway = {
    fieldCatalog: unused('fieldCatalog'),
    boardEstimationField: unused('boardEstimationField'),
    findBoard: unused('findBoard'),
    sprints: unused('sprints'),
    sprint: unused('sprint'),
    scrumBoards: unused('scrumBoards'),
    getIssue: unused('getIssue'),
    searchIssues: unused('searchIssues'),
    sprintIssues: unused('sprintIssues'),
    backlogIssues: unused('backlogIssues'),
    myself: unused('myself'),
    hasProjectPermission: unused('hasProjectPermission'),
    setEstimate: unused('setEstimate'),
    getReadinessProperty: unused('getReadinessProperty'),
    readinessProperties: unused('readinessProperties'),
    setReadinessProperty: unused('setReadinessProperty'),
    updateLabels: (params) => {
      writes.push({ method: 'updateLabels', ...params });
      return Promise.resolve();
    },
    setFlagged: (params) => {
      writes.push({ method: 'setFlagged', ...params });
      return Promise.resolve();
    },
    addComment: (params) => {
      writes.push({ method: 'addComment', ...params });
      return Promise.resolve({ id: String(10_000 + writes.length) });
    },
  };
  return { jira, writes };
}

export interface SprintFlagState {
  records: Map<string, SprintFlagRecord>;
  /** `issueId:sprintId` pairs claimed so far. */
  claims: Set<string>;
  puts: { issueId: string; record: SprintFlagRecord }[];
}

/**
 * Stores whose sprint-flag part keeps records in memory (copied, as KVS would) and claims
 * comments with FAIL_IF_EXISTS semantics; `claimAnswers` can force what a claim returns.
 */
export function fakeStores({ claimAnswers }: { claimAnswers?: boolean } = {}): { stores: Stores; state: SprintFlagState } {
  const state: SprintFlagState = { records: new Map(), claims: new Set(), puts: [] };
  const copy = (record: SprintFlagRecord): SprintFlagRecord => structuredClone(record);
  const stores: Stores = {
    settings: { load: unused('settings.load'), save: unused('settings.save'), remove: unused('settings.remove') },
    votes: { cast: unused('votes.cast'), list: unused('votes.list'), clear: unused('votes.clear') },
    rounds: { get: unused('rounds.get'), getMany: unused('rounds.getMany'), put: unused('rounds.put') },
    checklist: { list: unused('checklist.list'), listMany: unused('checklist.listMany'), set: unused('checklist.set') },
    permissions: { get: unused('permissions.get'), put: unused('permissions.put') },
    rescoreCursor: { get: unused('rescoreCursor.get'), put: unused('rescoreCursor.put') },
    projectSetup: { get: unused('projectSetup.get'), put: unused('projectSetup.put') },
    velocity: { get: unused('velocity.get'), put: unused('velocity.put') },
    sprintFlags: {
      get: (issueId) => {
        const record = state.records.get(issueId);
        return Promise.resolve(record ? copy(record) : undefined);
      },
      put: ({ issueId, record }) => {
        state.records.set(issueId, copy(record));
        state.puts.push({ issueId, record: copy(record) });
        return Promise.resolve();
      },
      claimComment: ({ issueId, sprintId }) => {
        if (claimAnswers !== undefined) return Promise.resolve(claimAnswers);
        const key = `${issueId}:${sprintId}`;
        if (state.claims.has(key)) return Promise.resolve(false);
        state.claims.add(key);
        return Promise.resolve(true);
      },
      releaseComment: ({ issueId, sprintId }) => {
        state.claims.delete(`${issueId}:${sprintId}`);
        return Promise.resolve();
      },
    },
  };
  return { stores, state };
}

/** A clock the test moves by hand. */
export function manualClock(iso: string): Clock & { set(next: string): void } {
  let current = iso;
  return {
    now: () => new Date(current),
    set: (next) => {
      current = next;
    },
  };
}
