/**
 * What the use cases need from the outside world. src/jira and src/store implement these;
 * tests and benchmarks run the real implementations against the sandbox.
 */
import type { ReadinessProperty } from '../contract';
import type { RefinementSession, SessionQuestion } from '../contract/session';
import type { SprintCloseRecord, SprintFieldChange, SprintStartRecord, StartEntry } from '../domain/health';
import type { NormalizedIssue } from '../domain/issue';

export interface Board {
  id: number;
  name: string;
  type: 'scrum' | 'kanban' | 'simple';
  projectKey: string | null;
  /** The project the board belongs to (from its location), when Jira says. */
  projectId: string | null;
  /**
   * Whether the board plans in sprints: scrum boards, and team-managed (`simple`) boards with
   * sprints turned on. Kanban boards and `simple` boards with sprints off have none.
   */
  hasSprints: boolean;
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
  /** The app's own read-only "Readiness" custom field (absent from catalogs cached before it existed). */
  readiness?: { id: string; name: string } | null;
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

/** One edit of an issue: what the sprint flag and the readiness property need, sent together. */
export interface IssueEdit {
  issueIdOrKey: string;
  addLabels?: string[];
  removeLabels?: string[];
  flagged?: { fieldId: string; flagged: boolean };
  property?: ReadinessProperty;
}

export interface JiraGateway {
  /** Field discovery (cached in KVS with a TTL). */
  fieldCatalog(): Promise<FieldCatalog>;
  /** The estimation field a board uses, from its configuration; null when none is configured. */
  boardEstimationField(boardId: number): Promise<{ id: string; name: string } | null>;
  /**
   * The chosen board; else the project's first scrum board, else its first team-managed board
   * with sprints, else a board without sprints (Kanban) so callers can say why there are none.
   */
  findBoard(params: { projectKey: string; boardId?: number | null }): Promise<Board | null>;
  sprints(params: { boardId: number; states: ('future' | 'active' | 'closed')[]; maxItems?: number }): Promise<Sprint[]>;
  sprint(sprintId: number): Promise<Sprint>;
  /** Every board of the site in Jira's order, paged, each saying whether it has sprints (for the daily rescore). */
  siteBoards(params: { startAt: number; maxResults: number }): Promise<{ boards: Board[]; isLast: boolean }>;

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
  /** Labels, Flagged and the readiness property in one quiet edit; false when there was nothing to send. */
  editIssue(edit: IssueEdit): Promise<boolean>;
  /**
   * Posts one of the app's comments, marked with a comment property so it can be recognised. A
   * lost answer (5xx, dropped connection: Jira may have stored it) never leads to a blind second
   * POST: the issue's newest comments are searched for the mark first. Throws when the comment was
   * not stored (Jira refused it, or it is not there after the failures); `unverified` when Jira
   * kept failing so it cannot be told whether the comment exists.
   */
  addComment(params: { issueIdOrKey: string; body: AdfDoc; mark: CommentMark }): Promise<CommentOutcome>;
  /** The id of the app's comment carrying `mark` among the issue's newest comments, or null. */
  findComment(params: { issueIdOrKey: string; mark: CommentMark }): Promise<string | null>;
  getReadinessProperty(issueIdOrKey: string): Promise<ReadinessProperty | null>;
  /**
   * Which of these issues (ids or keys) the principal may see: one bulk fetch per 100, Jira leaves
   * out the ones they cannot browse. Used to keep stored session data about hidden issues private.
   */
  visibleIssues(issueIdsOrKeys: string[]): Promise<{ id: string; key: string }[]>;
  setReadinessProperty(params: { issueIdOrKey: string; value: ReadinessProperty }): Promise<void>;
  /** Sprint-field history of many issues (changelog/bulkfetch, ≤ 1,000 issues per request), by issue id, oldest first. */
  sprintFieldChanges(params: { issueIds: string[]; sprintFieldId: string }): Promise<Map<string, SprintFieldChange[]>>;
}

/** What identifies one of the app's comments (stored on it as a comment property). */
export type CommentMark = { kind: 'sprint-flag'; sprintId: number } | { kind: 'session-outcome'; session: string };
export type CommentOutcome = { outcome: 'posted'; id: string } | { outcome: 'unverified' };

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
  /** Why the voter chose this card (at most 280 characters), stored with the ballot itself. */
  reason?: string;
}
export interface RoundState {
  roundNumber: number;
  revealed: boolean;
  revealedAt: string | null;
  revealedBy: string | null;
  accepted?: { value: string; points: number; by: string; byName: string; at: string };
  /** The round's timer, when a facilitator started one (the latest start wins). */
  timer?: { startedAt: string; endsAt: string; seconds: number; by: string };
}
/** The current estimation round of an issue with the votes that count in it. */
export interface RoundSnapshot {
  round: RoundState;
  /** Each voter's latest vote of the round; once revealed, exactly the votes the reveal counted. */
  votes: StoredVote[];
  /** A reveal has begun (it may still be finishing): the round takes no more votes. */
  closed: boolean;
}
/** What became of a vote (src/store/round-store.ts describes how this is decided safely). */
export type CastVoteOutcome =
  /** In the round, and in its reveal when one happened meanwhile. */
  | 'counted'
  /** The round was already revealed when the vote came: nothing was stored. */
  | 'closed'
  /** A reveal closed the round while the vote was being stored: it does not count. */
  | 'too-late'
  /** A new round started while the vote was being stored: it does not count in the new one. */
  | 'new-round'
  /** The round holds as many ballots as it may. */
  | 'full';
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

/** One attempt to post the sprint comment; attempts are numbered 1, 2, … and each is claimed once. */
export interface CommentAttempt {
  attempt: number;
  claimedAt: string;
  /**
   * `posting` while its owner posts (or if the owner died); `posted`; `failed` when Jira did not
   * store it; `unverified` when that could not be told (look for it before another attempt).
   */
  state: 'posting' | 'posted' | 'failed' | 'unverified';
  commentId?: string;
}

export interface SessionBook {
  /** Newest first; at most 20 are kept. */
  sessions: RefinementSession[];
}
export interface StoredQuestion extends SessionQuestion {
  /** The Jira id of the issue, as Jira answered it for the person who asked. */
  issueId: string;
}
export interface QuestionBook {
  questions: StoredQuestion[];
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

/**
 * The one cache port. `K` holds the trusted ids an entry is keyed by; the storage key itself is
 * built only in src/store/keys.ts. Implementations: KVS (src/store/kvs-cache.ts) and the
 * per-invocation memo (src/usecases/invocation-memo.ts). A value that does not parse reads as
 * absent, so the caller fetches it again. Entries and lifetimes: docs/REFERENCE.md "Caches".
 */
export interface Cache<K, T> {
  get(key: K): Promise<T | undefined>;
  set(key: K, value: T, ttlSeconds: number): Promise<void>;
  delete(key: K): Promise<void>;
}

/** The per-invocation Cache, which can also share one in-flight load among concurrent callers. */
export interface InvocationMemo<K, T> extends Cache<K, T> {
  /** The value (or the load under way) for `key`; otherwise starts `load` once and keeps it. */
  share(key: K, load: () => Promise<T>): Promise<T>;
}

export interface PermissionCacheKey {
  projectId: string;
  accountId: string;
  permission: string;
}
export interface ProjectSetupCacheKey {
  projectId: string;
  boardId: number | null;
}
export interface VelocityCacheKey {
  boardId: number;
}
export interface FieldCatalogCacheKey {
  siteId: string;
}

export interface Stores {
  settings: {
    load(projectId: string): Promise<StoredSettings | undefined>;
    save(params: { projectId: string; settings: unknown; by: string; byName: string; at: string }): Promise<void>;
    remove(projectId: string): Promise<void>;
  };
  /**
   * Estimation rounds and their votes. Every write creates a record of its own round and never
   * overwrites state another call wrote, so concurrent votes, reveals, resets and accepts cannot
   * undo each other and the round number only goes up.
   */
  rounds: {
    /** The current round and its votes (strictly consistent reads); undefined before anyone estimated. */
    get(issueId: string): Promise<RoundSnapshot | undefined>;
    /** The same for many issues (batched reads), keyed by issue id; issues nobody estimated are left out. */
    getMany(issueIds: string[]): Promise<Map<string, RoundSnapshot>>;
    /** Adds the vote to the current round as a new ballot; no ballot ever overwrites another. */
    castVote(params: { issueId: string; vote: Omit<StoredVote, 'roundNumber'> }): Promise<CastVoteOutcome>;
    /** Closes round `roundNumber` and fixes the votes that count; idempotent, and finishes a reveal cut short. */
    reveal(params: { issueId: string; roundNumber: number; at: string; by: string }): Promise<void>;
    /** Starts the round after the current one (concurrent calls start it once); returns its number. */
    startNext(params: { issueId: string; at: string; by: string }): Promise<number>;
    /** Records the accepted estimate on the current round's own record; returns that round's number. */
    accept(params: { issueId: string; accepted: NonNullable<RoundState['accepted']> }): Promise<number>;
    /** Records the timer on round `roundNumber`'s own record (it touches nothing else). */
    setTimer(params: { issueId: string; roundNumber: number; timer: NonNullable<RoundState['timer']> }): Promise<void>;
    /** Rounds before the current one, newest first, at most `limit` of them (strictly consistent reads). */
    history(params: { issueId: string; before: number; limit: number }): Promise<RoundSnapshot[]>;
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
    /** The latest attempt to post the explanatory comment for one issue in one sprint, or null. */
    commentAttempt(params: { issueId: string; sprintId: number }): Promise<CommentAttempt | null>;
    /**
     * Claims attempt number `attempt` (KVS FAIL_IF_EXISTS): true for the one caller that may post
     * now, so duplicated or concurrent events cannot post twice.
     */
    claimComment(params: { issueId: string; sprintId: number; attempt: number }): Promise<boolean>;
    /** Records how the caller's own attempt ended. */
    settleComment(params: { issueId: string; sprintId: number; attempt: number; state: Exclude<CommentAttempt['state'], 'posting'>; commentId?: string }): Promise<void>;
  };
  /** Jira's answer to "may this user hold this project permission?" (see CACHE_TTL_SECONDS). */
  permissions: Cache<PermissionCacheKey, boolean>;
  /** Which board and estimation field a project uses, cached briefly: every view needs it. */
  projectSetup: Cache<ProjectSetupCacheKey, CachedProjectSetup>;
  /**
   * A board's velocity, valid for as long as its latest closed sprints and estimation field are
   * the ones it was computed from (`basis`): a sprint closing changes the basis.
   */
  velocity: Cache<VelocityCacheKey, CachedVelocity>;
  /** The site's discovered field catalog (the Jira gateway reads through it). */
  fieldCatalog: Cache<FieldCatalogCacheKey, FieldCatalog>;
  /** The refinement session length a project's team last chose on the agenda, in minutes. */
  sessionLength: {
    get(projectId: string): Promise<number | undefined>;
    put(params: { projectId: string; minutes: number }): Promise<void>;
  };
  /** Refinement sessions of a project, newest first (versions created once: a stale writer gets false). */
  sessions: {
    load(projectId: string): Promise<{ version: number; value: SessionBook }>;
    create(params: { projectId: string; version: number; value: SessionBook }): Promise<boolean>;
  };
  /** Questions about a project's agenda items (versions created once, like sessions). */
  questions: {
    load(projectId: string): Promise<{ version: number; value: QuestionBook }>;
    create(params: { projectId: string; version: number; value: QuestionBook }): Promise<boolean>;
  };
  /** The one outcome comment per issue per session: claimed once (FAIL_IF_EXISTS), then settled. */
  sessionComments: {
    get(params: { issueId: string; projectId: string; sessionNumber: number }): Promise<{ state: 'posting' | 'posted' | 'failed'; claimedAt: string } | undefined>;
    claim(params: { issueId: string; projectId: string; sessionNumber: number }): Promise<boolean>;
    settle(params: { issueId: string; projectId: string; sessionNumber: number; state: 'posted' | 'failed'; commentId?: string }): Promise<void>;
  };
  /** Readiness at sprint start and done-or-not at close, per sprint (Health tab). */
  sprintRecords: {
    /** Merges one page of the sprint's issues into its start record (by issue id: a repeat changes nothing). */
    putStartPage(params: { sprintId: number; page: number; startedAt: string | null; recordedAt: string; entries: StartEntry[]; last: boolean }): Promise<void>;
    hasStart(sprintId: number): Promise<boolean>;
    getStart(sprintId: number): Promise<SprintStartRecord | undefined>;
    putClose(record: SprintCloseRecord): Promise<void>;
    getClose(sprintId: number): Promise<SprintCloseRecord | undefined>;
  };
}
