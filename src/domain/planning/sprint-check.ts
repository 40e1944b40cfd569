import type { SprintCheck, SprintCheckIssue } from '../../contract/agenda';
import type { IssueReadiness } from '../../contract/readiness';
import type { NormalizedIssue } from '../issue';
import { countOf, formatAmount } from './number-format';

/**
 * Planned points above velocity × this factor count as over-commitment. 1.0: a team that plans
 * more than it has ever averaged is betting on a best-ever sprint.
 */
export const OVER_COMMITMENT_FACTOR = 1.0;

export interface SprintCheckParams {
  sprint: SprintCheck['sprint'];
  /** Other sprints the user may pick. */
  sprints?: SprintCheck['sprints'];
  /** The sprint's issues in rank order, each with its readiness. */
  issues: readonly { issue: NormalizedIssue; readiness: IssueReadiness }[];
  velocity: number | null;
  warnings?: string[];
}

/**
 * Is this sprint safe to start? Planned points vs velocity, and which items are not ready.
 * Excluded types (epics) are listed but not counted. Sub-task estimates are not added to the
 * plan, as Jira's own velocity ignores them (they roll up into the parent).
 */
export function checkSprint({ sprint, sprints = [], issues, velocity, warnings = [] }: SprintCheckParams): SprintCheck {
  const rows = issues.map(({ issue, readiness }) => toRow({ issue, readiness }));
  let plannedPoints = 0;
  let readyCount = 0;
  let notReadyCount = 0;
  let unestimatedCount = 0;
  issues.forEach(({ issue, readiness }, index) => {
    if (readiness.status === 'excluded') return;
    if (readiness.ready) readyCount += 1;
    else notReadyCount += 1;
    if (issue.kind === 'subtask') return;
    const estimate = rows[index]?.estimate ?? null;
    if (estimate === null) unestimatedCount += 1;
    else plannedPoints += estimate;
  });
  plannedPoints = Math.round(plannedPoints * 10) / 10;
  const knownVelocity = velocity !== null && Number.isFinite(velocity) && velocity > 0 ? velocity : null;
  const overCommitted = knownVelocity !== null && plannedPoints > knownVelocity * OVER_COMMITMENT_FACTOR;
  const counts = { plannedPoints, readyCount, notReadyCount, unestimatedCount };
  return {
    sprint,
    sprints,
    issues: rows,
    plannedPoints,
    velocity: knownVelocity,
    overCommitted,
    readyCount,
    notReadyCount,
    unestimatedCount,
    message: sprintMessage({ sprintName: sprint?.name ?? null, velocity: knownVelocity, overCommitted, ...counts }),
    warnings,
  };
}

function toRow({ issue, readiness }: { issue: NormalizedIssue; readiness: IssueReadiness }): SprintCheckIssue {
  return {
    issueKey: issue.key,
    summary: issue.summary,
    issueType: issue.issueTypeName,
    // Listed as excluded, with neither score nor ready state: it is not counted either way.
    status: readiness.status,
    score: readiness.status === 'judged' ? readiness.score : null,
    ready: readiness.status === 'judged' ? readiness.ready : null,
    estimate: readiness.estimate ?? issue.estimate,
    flags: readiness.flags,
    gaps: readiness.criteria.filter((c) => c.status === 'fail').map((c) => c.label),
  };
}

function sprintMessage(params: {
  sprintName: string | null;
  plannedPoints: number;
  velocity: number | null;
  overCommitted: boolean;
  readyCount: number;
  notReadyCount: number;
  unestimatedCount: number;
}): string {
  if (params.sprintName === null) return 'No active or future sprint to check.';
  const counted = params.readyCount + params.notReadyCount;
  if (counted === 0) return `${params.sprintName} has no items to check yet.`;
  const points = countOf({ value: params.plannedPoints, one: 'point', many: 'points' });
  let capacity: string;
  if (params.velocity === null) capacity = `${points} planned; velocity unknown.`;
  else if (params.overCommitted) {
    const over = formatAmount(params.plannedPoints - params.velocity);
    capacity = `${points} planned against a velocity of ${formatAmount(params.velocity)} — over-committed by ${over}.`;
  } else capacity = `${points} planned against a velocity of ${formatAmount(params.velocity)} — within capacity.`;
  const readiness =
    params.notReadyCount === 0
      ? counted === 1
        ? 'Its one item is ready.'
        : `All ${counted} items are ready.`
      : `${params.notReadyCount} of ${countOf({ value: counted, one: 'item', many: 'items' })} ${params.notReadyCount === 1 ? 'is' : 'are'} not ready.`;
  const unestimated =
    params.unestimatedCount === 0 ? '' : ` ${params.unestimatedCount} ${params.unestimatedCount === 1 ? 'has' : 'have'} no estimate.`;
  return `${params.sprintName}: ${capacity} ${readiness}${unestimated}`;
}
