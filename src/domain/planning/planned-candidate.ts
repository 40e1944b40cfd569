import type { NormalizedIssue } from '../issue';

/** How the contract names the place of an item that is in no future sprint. */
export const BACKLOG = 'Backlog';

/** An issue met on the horizon walk, where it sits and in which order. */
export interface PlannedCandidate {
  issue: NormalizedIssue;
  /** A future sprint's name, or BACKLOG. */
  plannedIn: string;
  /**
   * 1-based position in the walk: future sprints in order, then the backlog by rank.
   * Order checks rely on this, so a later sprint must always have higher positions.
   */
  position: number;
}
