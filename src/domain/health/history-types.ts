/**
 * What the Health computation reads: the sprints, the issues Jira lists in them today, the
 * sprint field's history, and the app's own records from sprint start and close.
 */

/** One change of an issue's sprint field (changelog item): the sprint ids before and after. */
export interface SprintFieldChange {
  /** ISO date-time of the change. */
  at: string;
  from: number[];
  to: number[];
}

export interface HistorySprint {
  id: number;
  name: string;
  startDate: string | null;
  completeDate: string | null;
}

/** An issue as Jira shows it today. */
export interface CurrentIssue {
  id: string;
  key: string;
  estimate: number | null;
  done: boolean;
  sprintIds: number[];
}

/** Readiness of one issue when its sprint started, as the app recorded it. */
export interface StartEntry {
  id: string;
  key: string;
  points: number | null;
  score: number | null;
  state: 'ready' | 'not-ready' | 'excluded';
  gaps: string[];
}

export interface SprintStartRecord {
  sprintId: number;
  startedAt: string | null;
  recordedAt: string;
  /** Every page of the sprint was recorded (a record cut short is completed from the changelog). */
  complete: boolean;
  issues: StartEntry[];
}

/** Done or not when the sprint closed, as the app recorded it. */
export interface CloseEntry {
  id: string;
  key: string;
  points: number | null;
  done: boolean;
}

export interface SprintCloseRecord {
  sprintId: number;
  closedAt: string;
  issues: CloseEntry[];
}
