import type { Flag } from './readiness';

export interface AgendaItem {
  issueKey: string;
  summary: string;
  issueType: string;
  /** 1-based position in the walked horizon (rank order). */
  rank: number;
  score: number;
  ready: boolean;
  estimate: number | null;
  /** Where the item sits: a future sprint's name, or "Backlog". */
  plannedIn: string;
  /**
   * True for an item from further down the backlog, taken because the next sprints held too few
   * items to refine ("beyond the next sprints").
   */
  beyondHorizon: boolean;
  flags: Flag[];
  timeboxMinutes: number;
  /** What the meeting should do about it, most important first. */
  focus: string[];
}

/** A ready item the runway counts. */
export interface RunwayItem {
  issueKey: string;
  summary: string;
  issueType: string;
  /** 1-based position in the walked horizon (rank order). */
  rank: number;
  /** Points it adds; null when unestimated (it then adds nothing). */
  estimate: number | null;
  /** A future sprint's name, or "Backlog". */
  plannedIn: string;
}

export interface Runway {
  /** The ready items counted, in rank order. */
  items: RunwayItem[];
  readyPoints: number;
  velocity: number | null;
  /** Sprints of ready work ahead (null when velocity is unknown). */
  sprints: number | null;
  targetSprints: number;
  /** Human sentence, e.g. "1.2 sprints of ready work; keep at least 2". */
  message: string;
}

export interface Agenda {
  projectKey: string;
  boardId: number | null;
  boardName: string | null;
  sessionMinutes: number;
  totalMinutes: number;
  items: AgendaItem[];
  carryOver: AgendaItem[];
  runway: Runway;
  /** The horizon walked: how many items and points, and why the walk stopped. */
  horizon: { items: number; points: number; targetPoints: number | null; stoppedBecause: 'points' | 'item-limit' | 'end-of-backlog' };
  /** True when the walk hit the 200-item cap before covering the target points. */
  truncated: boolean;
  velocity: { value: number | null; sprintsUsed: string[] };
  estimationFieldName: string | null;
  generatedAt: string;
  warnings: string[];
}

export interface SprintCheckIssue {
  issueKey: string;
  summary: string;
  issueType: string;
  /** 'excluded': its type is outside the Definition of Ready (epics by default); not counted. */
  status: 'judged' | 'excluded';
  /** Null when excluded. */
  score: number | null;
  /** Null when excluded: neither ready nor not ready. */
  ready: boolean | null;
  estimate: number | null;
  flags: Flag[];
  gaps: string[];
}

export interface SprintCheck {
  sprint: { id: number; name: string; state: 'future' | 'active' | 'closed'; startDate: string | null; goal: string | null } | null;
  /** Other sprints the user may choose. */
  sprints: { id: number; name: string; state: 'future' | 'active' }[];
  issues: SprintCheckIssue[];
  plannedPoints: number;
  velocity: number | null;
  overCommitted: boolean;
  readyCount: number;
  notReadyCount: number;
  unestimatedCount: number;
  message: string;
  warnings: string[];
}
