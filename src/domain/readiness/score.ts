import type { Criterion, CriterionStatus } from '../../contract';

const CREDIT: Record<CriterionStatus, number> = { pass: 1, warn: 0.5, fail: 0, skip: 0 };
const ORDER: Record<CriterionStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/**
 * Weighted score 0–100: a pass earns its full weight, a warning half, a failure nothing.
 * Skipped criteria leave the denominator, so an item is not punished for what cannot be judged.
 */
export function weightedScore(criteria: readonly Criterion[]): number {
  let earned = 0;
  let possible = 0;
  for (const criterion of criteria) {
    if (criterion.status === 'skip') continue;
    possible += criterion.weight;
    earned += criterion.weight * CREDIT[criterion.status];
  }
  return possible === 0 ? 100 : Math.round((100 * earned) / possible);
}

/** Failing first, then warnings, passes, skipped; stable within a status. */
export function sortCriteria(criteria: readonly Criterion[]): Criterion[] {
  return [...criteria].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}
