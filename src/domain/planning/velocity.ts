/** Closed sprints averaged; three is the usual compromise between noise and staleness. */
export const VELOCITY_SPRINTS = 3;

export interface ClosedSprintResult {
  name: string;
  /** When the sprint was completed (ISO); orders the sprints. Null sorts oldest. */
  completedAt: string | null;
  /** Points of the issues done in the sprint; null when they could not be read. */
  completedPoints: number | null;
}

export interface Velocity {
  /** Mean completed points, one decimal; null when no closed sprint has data. */
  value: number | null;
  /** Names of the sprints averaged, most recent first. */
  sprintsUsed: string[];
}

/**
 * Mean completed points of the most recent closed sprints that have data. A sprint whose points
 * could not be read is skipped rather than counted as zero, so it does not drag the mean down;
 * a sprint that finished nothing does count, as 0.
 */
export function computeVelocity({
  sprints,
  lastN = VELOCITY_SPRINTS,
}: {
  sprints: readonly ClosedSprintResult[];
  lastN?: number;
}): Velocity {
  const used = sprints
    .filter((s): s is ClosedSprintResult & { completedPoints: number } => s.completedPoints !== null && Number.isFinite(s.completedPoints))
    .map((s, order) => ({ ...s, order }))
    .sort((a, b) => completedTime(b) - completedTime(a) || b.order - a.order)
    .slice(0, Math.max(0, lastN));
  if (used.length === 0) return { value: null, sprintsUsed: [] };
  const total = used.reduce((sum, s) => sum + s.completedPoints, 0);
  return { value: Math.round((total / used.length) * 10) / 10, sprintsUsed: used.map((s) => s.name) };
}

function completedTime(sprint: ClosedSprintResult): number {
  const time = sprint.completedAt === null ? Number.NaN : Date.parse(sprint.completedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
