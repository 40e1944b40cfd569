import type { ScaleCard, Vote } from '../../contract/estimation';
import { cardPoints, nearestCard, type ScaleParams } from './scales';

/**
 * The default the UI offers when accepting an estimate: the median numeric vote, rounded to the
 * nearest card. The median, not the mean, so one outlier cannot drag the team's number; the
 * discussion should still happen when votes diverge.
 */
export function suggestEstimate({ votes, ...scale }: ScaleParams & { votes: readonly Vote[] }): ScaleCard | null {
  const points = votes
    .map((vote) => cardPoints({ ...scale, value: vote.value }))
    .filter((p): p is number => p !== null)
    .sort((a, b) => a - b);
  if (points.length === 0) return null;
  return nearestCard({ ...scale, points: median(points) });
}

/** Median of an ascending, non-empty list. */
export function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}
