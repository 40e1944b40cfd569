/**
 * What the use cases need from the outside world. src/jira and src/store implement these;
 * tests and benchmarks run the real implementations against the sandbox.
 */
import type { ReadinessProperty } from '../contract';
import type { NormalizedIssue } from '../domain/issue';

export interface Board {
  id: number;
  name: string;
  type: 'scrum' | 'kanban' | 'simple';
  projectKey: string | null;
}

export interface Sprint {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  goal: string | null;
  originBoardId: number | null;
}

/** Field ids discovered on this site (never assumed). */
export interface FieldCatalog {
  /** Candidate story-point fields, best first (board config → jsw-story-points → "Story Points" float). */
  storyPoints: { id: string; name: string }[];
  sprint: { id: string; name: string } | null;
  flagged: { id: string; name: string } | null;
  rank: { id: string; name: string } | null;
}

/** Which fields the normalizer reads for a given project/board. */
export interface FieldPlan {
  /** The estimation field of the board (or the best discovered story-point field). */
  estimation: { id: string; name: string } | null;
  sprint: { id: string; name: string } | null;
  flagged: { id: string; name: string } | null;
  rank: { id: string; name: string } | null;
  /** The team's acceptance-criteria custom field, from settings. */
  acceptanceCriteria: string | null;
}

export interface IssuePage {
  issues: NormalizedIssue[];
  /** True when more items existed than were read (cap reached). */
  truncated: boolean;
}

export interface JiraGateway {
  /** Field discovery (cached in KVS with a TTL). */
  fieldCatalog(): Promise<FieldCatalog>;
  /** The estimation field a board uses, from its configuration; null when none is configured. */
  boardEstimationField(boardId: number): Promise<{ id: string; name: string } | null>;
  /** The chosen board, or the first scrum board of the project. */
  findBoard(params: { projectKey: string; boardId?: number | null }): Promise<Board | null>;
  sprints(params: { boardId: number; states: ('future' | 'active' | 'closed')[]; maxItems?: number }): Promise<Sprint[]>;
  sprint(sprintId: number): Promise<Sprint>;

  getIssue(params: { issueIdOrKey: string; plan: FieldPlan }): Promise<NormalizedIssue>;
  /** Bulk fetch (≤100 per request); ids or keys the caller cannot see come back in `missing`. */
  getIssues(params: { issueIdsOrKeys: string[]; plan: FieldPlan }): Promise<{ issues: NormalizedIssue[]; missing: string[] }>;
  /** /rest/api/3/search/jql with nextPageToken, stopping after maxItems. */
  searchIssues(params: { jql: string; plan: FieldPlan; maxItems: number; pageSize?: number }): Promise<IssuePage>;
  /** Issues of a sprint in rank order, stopping after maxItems. */
  sprintIssues(params: { sprintId: number; plan: FieldPlan; maxItems: number; pageSize?: number }): Promise<IssuePage>;
  /** The board's backlog in rank order, stopping as soon as `enough` says so or maxItems is reached. */
  backlogIssues(params: {
    boardId: number;
    plan: FieldPlan;
    maxItems: number;
    pageSize?: number;
    enough?: (soFar: NormalizedIssue[]) => boolean;
  }): Promise<IssuePage>;

  /** Display name of the calling user (asUser) — /rest/api/3/myself. */
  myself(): Promise<{ accountId: string; displayName: string }>;
  /** mypermissions for a project. */
  hasProjectPermission(params: { projectKey: string; permission: 'ADMINISTER_PROJECTS' | 'EDIT_ISSUES' | 'BROWSE_PROJECTS' }): Promise<boolean>;

  setEstimate(params: { issueIdOrKey: string; fieldId: string; value: number }): Promise<void>;
  updateLabels(params: { issueIdOrKey: string; add?: string[]; remove?: string[] }): Promise<void>;
  setFlagged(params: { issueIdOrKey: string; fieldId: string; flagged: boolean }): Promise<void>;
  addComment(params: { issueIdOrKey: string; body: AdfDoc }): Promise<{ id: string }>;
  getReadinessProperty(issueIdOrKey: string): Promise<ReadinessProperty | null>;
  setReadinessProperty(params: { issueIdOrKey: string; value: ReadinessProperty }): Promise<void>;
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}
export interface AdfNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: AdfNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, string> }[];
}

export interface Clock {
  now(): Date;
}
