/**
 * The Health tab of the project page (`getHealth`): does refinement pay off? Per closed sprint of
 * the board: commitment against completion, scope change, carry-over, and how items that were
 * ready at sprint start finished compared with those that were not.
 */
export interface PointsCount {
  points: number;
  count: number;
}

export interface CompletionCount {
  completed: number;
  total: number;
}

export interface SprintHealth {
  sprintId: number;
  name: string;
  startDate: string | null;
  completeDate: string | null;
  /** Items in the sprint when it started. */
  committed: PointsCount;
  /** Items done by the end of the sprint, committed or added. */
  completed: PointsCount;
  /** Items committed at start that were done by the end (the "do" of say/do). */
  committedCompleted: PointsCount;
  added: PointsCount;
  removed: PointsCount;
  /** Items still in the sprint and not done when it closed. */
  carriedOver: PointsCount;
  /** committedCompleted.points / committed.points; null without committed points. */
  sayDo: number | null;
  /** Items ready at start and how many of them were completed; null when readiness was not recorded. */
  ready: CompletionCount | null;
  notReady: CompletionCount | null;
  /** Points of the items that were ready at start (the runway the sprint started with); null when not recorded. */
  readyPointsAtStart: number | null;
  /** The app recorded readiness when the sprint started. */
  readinessRecorded: boolean;
  /** Who the sprint started with: recorded by the app, or rebuilt from the sprint field's history. */
  commitment: 'recorded' | 'rebuilt';
  /** Done or not: recorded when the sprint closed, or read from today's status. */
  completion: 'recorded' | 'current-state';
  /** What is estimated about this sprint, in plain words. */
  notes: string[];
}

export interface HealthView {
  board: { id: number; name: string } | null;
  /** The estimation field points are read from (null: the board estimates by count). */
  estimationField: string | null;
  /** The last closed sprints, oldest first. */
  sprints: SprintHealth[];
  /** Completion of items by readiness at start, over every sprint with a record. */
  readiness: { ready: CompletionCount; notReady: CompletionCount; sprintsRecorded: number };
  /** Plain-language findings, most telling first. */
  findings: string[];
  /** Why there is nothing to show (no board, no closed sprints), else null. */
  message: string | null;
}
