import type { Agenda } from '../../contract/agenda';

/** Hard cap on the walk: cost follows the refinement horizon, never the backlog's size. */
export const HORIZON_ITEM_LIMIT = 200;

export interface HorizonParams {
  /** Mean completed points per sprint; null or ≤ 0 when unknown. */
  velocity: number | null;
  /** settings.agenda.horizonSprints. */
  horizonSprints: number;
  maxItems?: number;
}

export interface Estimated {
  estimate: number | null;
}

export type HorizonSummary = Agenda['horizon'];

export interface HorizonSelection<T> {
  /** The prefix of the walk that forms the horizon. */
  items: T[];
  horizon: HorizonSummary;
  /** True when the item cap stopped the walk before it covered the target points. */
  truncated: boolean;
}

/** Points the horizon should cover, or null when velocity is unknown (then only the item cap stops the walk). */
export function horizonTarget({ velocity, horizonSprints }: HorizonParams): number | null {
  if (velocity === null || !Number.isFinite(velocity) || velocity <= 0) return null;
  return Math.max(0, horizonSprints) * velocity;
}

/**
 * The horizon is the shortest prefix of the walk (future sprints in order, then the backlog by rank)
 * whose points cover `horizonSprints × velocity`, capped at `maxItems` (200).
 *
 * Unestimated items count as the median of the estimates met before them in the walk (0 until
 * the first estimate): counting them as 0 would walk far past the real horizon in a backlog that
 * is only partly estimated, and using estimates met *before* them keeps the running total
 * monotonic and independent of how the walk was paged.
 *
 * `moreAvailable` says whether the source had items beyond `candidates` (the adapter stopped early).
 */
export function selectHorizon<T extends Estimated>({
  candidates,
  moreAvailable,
  ...params
}: HorizonParams & { candidates: readonly T[]; moreAvailable: boolean }): HorizonSelection<T> {
  const targetPoints = horizonTarget(params);
  const maxItems = params.maxItems ?? HORIZON_ITEM_LIMIT;
  const walk = walkHorizon({ items: candidates, targetPoints, maxItems });
  const items = candidates.slice(0, walk.count);
  const exhausted = walk.count === candidates.length && !moreAvailable;
  // Exactly `maxItems` items and nothing after them is the end of the backlog, not a cut.
  const stoppedBecause = walk.stoppedBecause === 'points' ? 'points' : exhausted ? 'end-of-backlog' : 'item-limit';
  return {
    items,
    horizon: { items: items.length, points: roundPoints(walk.points), targetPoints, stoppedBecause },
    truncated: stoppedBecause === 'item-limit',
  };
}

/**
 * For the adapter while it pages: true as soon as the items read so far already hold the horizon,
 * so it can stop asking Jira for more.
 */
export function horizonReached({ soFar, ...params }: HorizonParams & { soFar: readonly Estimated[] }): boolean {
  const maxItems = params.maxItems ?? HORIZON_ITEM_LIMIT;
  return walkHorizon({ items: soFar, targetPoints: horizonTarget(params), maxItems }).stoppedBecause !== null;
}

function walkHorizon({
  items,
  targetPoints,
  maxItems,
}: {
  items: readonly Estimated[];
  targetPoints: number | null;
  maxItems: number;
}): { count: number; points: number; stoppedBecause: 'points' | 'item-limit' | null } {
  const seen: number[] = [];
  let points = 0;
  let count = 0;
  for (const item of items) {
    if (count >= maxItems) return { count, points, stoppedBecause: 'item-limit' };
    points += item.estimate ?? (seen.length > 0 ? median(seen) : 0);
    if (item.estimate !== null) insertSorted(seen, item.estimate);
    count += 1;
    if (targetPoints !== null && points >= targetPoints) return { count, points, stoppedBecause: 'points' };
  }
  if (count >= maxItems) return { count, points, stoppedBecause: 'item-limit' };
  return { count, points, stoppedBecause: null };
}

/** Median of an ascending, non-empty list. */
function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

function insertSorted(sorted: number[], value: number): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  sorted.splice(lo, 0, value);
}

function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}
