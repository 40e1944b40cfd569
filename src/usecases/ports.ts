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
  /** The project the board belongs to (from its location), when Jira says. */
  projectId: string | null;
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
  /** Scrum boards of the whole site, paged (for the daily rescore). */
  scrumBoards(params: { startAt: number; maxResults: number }): Promise<{ boards: Board[]; isLast: boolean }>;

  getIssue(params: { issueIdOrKey: string; plan: FieldPlan }): Promise<NormalizedIssue>;
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
  /** The readiness property of many issues at once (bulk fetch, 100 per request), by issue id. */
  readinessProperties(issueIds: string[]): Promise<Map<string, ReadinessProperty | null>>;
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

/** Stored state the use cases read and write (implemented over @forge/kvs in src/store). */
export interface StoredSettings {
  settings: unknown;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Display name of `updatedBy` at the time of saving. */
  updatedByName: string | null;
}
export interface StoredVote {
  accountId: string;
  displayName: string;
  value: string;
  votedAt: string;
  roundNumber: number;
}
export interface RoundState {
  roundNumber: number;
  revealed: boolean;
  revealedAt: string | null;
  revealedBy: string | null;
  accepted?: { value: string; points: number; by: string; byName: string; at: string };
}
export interface ChecklistTick {
  checked: boolean;
  by: string;
  byName: string;
  at: string;
}
export interface SprintFlagRecord {
  /** The sprint the issue was flagged for; null once the flag was cleared. */
  sprintId: number | null;
  flaggedAt: string | null;
  /** What the app changed, so clearing undoes exactly that. */
  labelAdded: string | null;
  flaggedFieldSet: boolean;
  /** Sprints the explanatory comment was already posted for: at most one comment per issue per sprint. */
  commentedSprints: number[];
}

export interface CachedProjectSetup {
  board: Board | null;
  estimation: { id: string; name: string } | null;
}

export interface CachedVelocity {
  basis: string;
  value: number | null;
  sprintsUsed: string[];
}

export interface Stores {
  settings: {
    load(projectId: string): Promise<StoredSettings | undefined>;
    save(params: { projectId: string; settings: unknown; by: string; byName: string; at: string }): Promise<void>;
    remove(projectId: string): Promise<void>;
  };
  votes: {
    cast(params: { issueId: string; vote: StoredVote }): Promise<void>;
    list(issueId: string): Promise<StoredVote[]>;
    clear(issueId: string): Promise<void>;
  };
  rounds: {
    get(issueId: string): Promise<RoundState | undefined>;
    /** Rounds of many issues at once (batched reads), keyed by issue id. */
    getMany(issueIds: string[]): Promise<Map<string, RoundState>>;
    put(params: { issueId: string; round: RoundState }): Promise<void>;
  };
  checklist: {
    list(issueId: string): Promise<Record<string, ChecklistTick>>;
    /** Ticks of many issues at once (batched reads), keyed by issue id. */
    listMany(params: { issueIds: string[]; itemIds: string[] }): Promise<Map<string, Record<string, ChecklistTick>>>;
    set(params: { issueId: string; itemId: string; tick: ChecklistTick }): Promise<void>;
  };
  sprintFlags: {
    get(issueId: string): Promise<SprintFlagRecord | undefined>;
    put(params: { issueId: string; record: SprintFlagRecord }): Promise<void>;
    /**
     * Claims the right to post the explanatory comment for one issue in one sprint
     * (KVS FAIL_IF_EXISTS): duplicated or concurrent events cannot post twice.
     */
    claimComment(params: { issueId: string; sprintId: number }): Promise<boolean>;
    /** Gives a claim back when the comment could not be posted, so a retry can post it. */
    releaseComment(params: { issueId: string; sprintId: number }): Promise<void>;
  };
  permissions: {
    get(params: { projectId: string; accountId: string; permission: string }): Promise<boolean | undefined>;
    put(params: { projectId: string; accountId: string; permission: string; granted: boolean }): Promise<void>;
  };
  /** Which board and estimation field a project uses, cached briefly: every view needs it. */
  projectSetup: {
    get(params: { projectId: string; boardId: number | null }): Promise<CachedProjectSetup | undefined>;
    put(params: { projectId: string; boardId: number | null; setup: CachedProjectSetup }): Promise<void>;
  };
  /**
   * A board's velocity, valid for as long as its latest closed sprints and estimation field are
   * the ones it was computed from (`basis`): a sprint closing changes the basis.
   */
  velocity: {
    get(boardId: number): Promise<CachedVelocity | undefined>;
    put(params: { boardId: number; velocity: CachedVelocity }): Promise<void>;
  };
  rescoreCursor: {
    get(): Promise<{ projectIndex: number; startedAt: string } | undefined>;
    put(value: { projectIndex: number; startedAt: string } | undefined): Promise<void>;
  };
}
