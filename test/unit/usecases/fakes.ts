/**
 * In-memory ports that record what a use case did. Only the methods the sprint-flag sync
 * uses are implemented; every other one rejects, so a test notices an unexpected call.
 */
import type { AdfDoc, Clock, CommentAttempt, CommentMark, CommentOutcome, IssueEdit, JiraGateway, SprintFlagRecord, Stores } from '../../../src/usecases/ports';

export type JiraWrite =
  | ({ method: 'editIssue' } & IssueEdit)
  | { method: 'addComment'; issueIdOrKey: string; body: AdfDoc; mark: CommentMark };

const unused = (name: string) => (): Promise<never> => Promise.reject(new Error(`${name} is not expected in this test`));

/**
 * `writes` records every write; `lookups` every search for a marked comment, which finds what
 * `commentsOnJira` holds (mark sprint id → comment id) — a comment Jira stored although its answer was lost.
 */
export function recordingJira(): { jira: JiraGateway; writes: JiraWrite[]; lookups: CommentMark[]; commentsOnJira: Map<number, string> } {
  const writes: JiraWrite[] = [];
  const lookups: CommentMark[] = [];
  const commentsOnJira = new Map<number, string>();
  const jira: JiraGateway = {
    fieldCatalog: unused('fieldCatalog'),
    boardEstimationField: unused('boardEstimationField'),
    findBoard: unused('findBoard'),
    sprints: unused('sprints'),
    sprint: unused('sprint'),
    siteBoards: unused('siteBoards'),
    getIssue: unused('getIssue'),
    searchIssues: unused('searchIssues'),
    sprintIssues: unused('sprintIssues'),
    backlogIssues: unused('backlogIssues'),
    myself: unused('myself'),
    hasProjectPermission: unused('hasProjectPermission'),
    setEstimate: unused('setEstimate'),
    getReadinessProperty: unused('getReadinessProperty'),
    visibleIssues: unused('visibleIssues'),
    setReadinessProperty: unused('setReadinessProperty'),
    sprintFieldChanges: unused('sprintFieldChanges'),
    editIssue: (edit) => {
      writes.push({ method: 'editIssue', ...edit });
      return Promise.resolve(true);
    },
    addComment: (params) => {
      writes.push({ method: 'addComment', ...params });
      const posted: CommentOutcome = { outcome: 'posted', id: String(10_000 + writes.length) };
      return Promise.resolve(posted);
    },
    findComment: ({ mark }) => {
      lookups.push(mark);
      return Promise.resolve((mark.kind === 'sprint-flag' ? commentsOnJira.get(mark.sprintId) : undefined) ?? null);
    },
  };
  return { jira, writes, lookups, commentsOnJira };
}

export interface SprintFlagState {
  records: Map<string, SprintFlagRecord>;
  /** Comment attempts by `issueId:sprintId`, in order. */
  attempts: Map<string, CommentAttempt[]>;
  puts: { issueId: string; record: SprintFlagRecord }[];
}

/**
 * Stores whose sprint-flag part keeps records in memory (copied, as KVS would) and claims
 * comment attempts with FAIL_IF_EXISTS semantics; `claimAnswers` can force what a claim returns.
 */
export function fakeStores({ claimAnswers, now = () => new Date('2026-11-20T10:00:00.000Z') }: { claimAnswers?: boolean; now?: () => Date } = {}): {
  stores: Stores;
  state: SprintFlagState;
} {
  const state: SprintFlagState = { records: new Map(), attempts: new Map(), puts: [] };
  const attemptsOf = (issueId: string, sprintId: number): CommentAttempt[] => {
    const key = `${issueId}:${sprintId}`;
    const list = state.attempts.get(key) ?? [];
    state.attempts.set(key, list);
    return list;
  };
  const copy = (record: SprintFlagRecord): SprintFlagRecord => structuredClone(record);
  const stores: Stores = {
    settings: { load: unused('settings.load'), save: unused('settings.save'), remove: unused('settings.remove') },
    rounds: {
      get: unused('rounds.get'),
      getMany: unused('rounds.getMany'),
      castVote: unused('rounds.castVote'),
      reveal: unused('rounds.reveal'),
      startNext: unused('rounds.startNext'),
      accept: unused('rounds.accept'),
      setTimer: unused('rounds.setTimer'),
      history: unused('rounds.history'),
    },
    checklist: { list: unused('checklist.list'), listMany: unused('checklist.listMany'), set: unused('checklist.set') },
    permissions: { get: unused('permissions.get'), set: unused('permissions.set'), delete: unused('permissions.delete') },
    sprintRecords: { putStartPage: unused('sprintRecords.putStartPage'), hasStart: unused('sprintRecords.hasStart'), getStart: unused('sprintRecords.getStart'), putClose: unused('sprintRecords.putClose'), getClose: unused('sprintRecords.getClose') },
    projectSetup: { get: unused('projectSetup.get'), set: unused('projectSetup.set'), delete: unused('projectSetup.delete') },
    velocity: { get: unused('velocity.get'), set: unused('velocity.set'), delete: unused('velocity.delete') },
    fieldCatalog: { get: unused('fieldCatalog.get'), set: unused('fieldCatalog.set'), delete: unused('fieldCatalog.delete') },
    sessionLength: { get: unused('sessionLength.get'), put: unused('sessionLength.put') },
    sessions: { load: unused('sessions.load'), create: unused('sessions.create') },
    // No questions unless a test adds them: the readiness judgement reads this record.
    questions: { load: () => Promise.resolve({ version: 0, value: { questions: [] } }), create: unused('questions.create') },
    sessionComments: { get: unused('sessionComments.get'), claim: unused('sessionComments.claim'), settle: unused('sessionComments.settle') },
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
      commentAttempt: ({ issueId, sprintId }) => {
        const latest = attemptsOf(issueId, sprintId).at(-1);
        return Promise.resolve(latest ? structuredClone(latest) : null);
      },
      claimComment: ({ issueId, sprintId, attempt }) => {
        if (claimAnswers !== undefined) return Promise.resolve(claimAnswers);
        const list = attemptsOf(issueId, sprintId);
        if (list.length >= attempt) return Promise.resolve(false);
        list.push({ attempt, claimedAt: now().toISOString(), state: 'posting' });
        return Promise.resolve(true);
      },
      settleComment: ({ issueId, sprintId, attempt, state: settled, commentId }) => {
        const entry = attemptsOf(issueId, sprintId).find((candidate) => candidate.attempt === attempt);
        if (entry) Object.assign(entry, { state: settled }, commentId ? { commentId } : {});
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
