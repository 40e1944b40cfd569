import type { Criterion, CriterionStatus } from '../../contract';

const CREDIT: Record<CriterionStatus, number> = { pass: 1, warn: 0.5, fail: 0, consider: 0, skip: 0 };

/**
 * Weighted score 0–100: a pass earns its full weight, a warning half, a failure (or a gap to
 * consider, which is a failure that does not block) nothing.
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

const STATUSES_IN_ORDER: readonly CriterionStatus[] = ['fail', 'warn', 'consider', 'pass', 'skip'];

/**
 * Failing first, then warnings, gaps to consider, passes, skipped; stable within a status. One pass per status
 * over a dozen criteria is cheaper than a comparator sort and gives the same stable order.
 */
export function sortCriteria(criteria: readonly Criterion[]): Criterion[] {
  const sorted: Criterion[] = [];
  for (const status of STATUSES_IN_ORDER) {
    for (const criterion of criteria) if (criterion.status === status) sorted.push(criterion);
  }
  return sorted;
}
