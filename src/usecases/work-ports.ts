/**
 * Ports of the queued work (sprint flags, daily rescore): the bulk Jira reads and writes it
 * needs, the queue it continues on, and the KVS marks that make a repeated delivery a no-op.
 * Kept apart from ports.ts so the per-issue gateway stays as small as the resolvers need.
 */
import type { ReadinessProperty } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import { contentHash } from './content-hash';
import type { FieldPlan, IssueEdit } from './ports';

export type { IssueEdit } from './ports';

export interface BulkJira {
  /** One page of `POST /rest/api/3/search/jql` with the readiness property (and the Readiness field when known). */
  searchPage(params: { jql: string; plan: FieldPlan; pageToken: string | null; pageSize: number; readinessFieldId: string | null }): Promise<{
    issues: NormalizedIssue[];
    fieldValues: Map<string, number | null>;
    nextPageToken: string | null;
  }>;
  /** Labels, Flagged and the property in one quiet edit. */
  editIssue(edit: IssueEdit): Promise<boolean>;
  /** The readiness property of many issues (properties/multi, following its task). */
  setReadinessProperties(entries: { issueId: string; value: ReadinessProperty }[]): Promise<void>;
  /** The Readiness custom field of many issues, without changelog entries. */
  setReadinessField(params: { fieldId: string; values: { issueId: string; score: number }[] }): Promise<void>;
}

/** A queued job; every body names its run and step, so a repeated delivery can be recognised. */
export type WorkJob =
  | {
      kind: 'sprint';
      run: string;
      seq: number;
      sprintId: number;
      pageToken: string | null;
      only?: string[];
      /** Set when the sprint started: record each issue's readiness at start, this job's page being `page`. */
      record?: { page: number };
    }
  /** The sprint closed: record which of its issues were done (Health tab). */
  | { kind: 'close'; run: string; seq: number; sprintId: number }
  | { kind: 'issues'; run: string; seq: number; projectId: string; projectKey: string; issueIds: string[] }
  /**
   * The daily rescore's board listing from `startAt` on; `projects` are the project keys whose
   * horizon an earlier page already queued (one horizon per project, every board's sprints).
   */
  | { kind: 'boards'; run: string; seq: number; startAt: number; projects: string[] }
  /** One board of the daily rescore: its open sprints, and its project's horizon when `horizon` is not false. */
  | { kind: 'board'; run: string; seq: number; boardId: number; horizon?: boolean };

/**
 * The step a job is, named by what it covers, never by a counter: its run, the page it reads (token)
 * and the issues it judges (a hash of their ids). Two continuations of one run cover different
 * issues, so they can never share a step and one be skipped as done; a second delivery of the same
 * job names the same step. `seq` only counts continuations for the log.
 */
export function stepOf(job: WorkJob): string {
  const ids = (issueIds: readonly string[]) => contentHash([...issueIds].sort().join(','));
  switch (job.kind) {
    case 'sprint':
      return `${job.run}:p${contentHash(job.pageToken ?? '')}:${job.only ? ids(job.only) : 'all'}`;
    case 'issues':
      return `${job.run}:i${ids(job.issueIds)}`;
    case 'boards':
      return `${job.run}:b${job.startAt}`;
    case 'board':
    case 'close':
      return job.run;
  }
}

export interface WorkQueue {
  /** Pushes jobs (at most 50 per push, as the platform allows), optionally delayed (≤ 900 s). */
  push(jobs: { job: WorkJob; delayInSeconds?: number }[]): Promise<void>;
}

export interface StepStore {
  /** Whether the step was finished by an earlier delivery. */
  isDone(step: string): Promise<boolean>;
  markDone(step: string): Promise<void>;
}
