import type { Runway, RunwayItem } from '../../contract/agenda';
import type { IssueReadiness } from '../../contract/readiness';
import type { NormalizedIssue } from '../issue';
import { countOf, formatAmount } from './number-format';

export interface RunwayCandidate {
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  /** 1-based position in the walk (rank order). */
  position: number;
  plannedIn: string;
}

/**
 * Sprints of ready work ahead: points of the ready items read (the horizon and whatever the walk
 * read beyond it) over velocity. Items without an estimate add nothing: their size is unknown.
 */
export function computeRunway({
  candidates,
  velocity,
  targetSprints,
}: {
  candidates: readonly RunwayCandidate[];
  velocity: number | null;
  targetSprints: number;
}): Runway {
  let readyPoints = 0;
  const items: RunwayItem[] = [];
  for (const { issue, readiness, position, plannedIn } of [...candidates].sort((a, b) => a.position - b.position)) {
    if (readiness.status !== 'judged' || !readiness.ready || issue.statusCategory === 'done') continue;
    const estimate = readiness.estimate ?? issue.estimate;
    readyPoints += estimate ?? 0;
    items.push({ issueKey: issue.key, summary: issue.summary, issueType: issue.issueTypeName, rank: position, estimate, plannedIn });
  }
  readyPoints = Math.round(readyPoints * 10) / 10;
  const known = velocity !== null && Number.isFinite(velocity) && velocity > 0;
  const sprints = known ? Math.round((readyPoints / velocity) * 10) / 10 : null;
  return {
    items,
    readyPoints,
    velocity: known ? velocity : null,
    sprints,
    targetSprints,
    message: runwayMessage({ readyPoints, sprints, targetSprints }),
  };
}

function runwayMessage({ readyPoints, sprints, targetSprints }: { readyPoints: number; sprints: number | null; targetSprints: number }): string {
  const target = formatAmount(targetSprints);
  if (sprints === null) {
    const points = countOf({ value: readyPoints, one: 'point', many: 'points' });
    return `${points} of ready work; velocity unknown (no closed sprint with data), so it cannot be counted in sprints yet`;
  }
  if (readyPoints === 0) return `No ready work ahead — keep at least ${countOf({ value: targetSprints, one: 'sprint', many: 'sprints' })}`;
  const have = `${countOf({ value: sprints, one: 'sprint', many: 'sprints' })} of ready work`;
  return sprints < targetSprints ? `${have} — keep at least ${target}` : `${have} — healthy`;
}
