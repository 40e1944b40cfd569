import type { CompletionCount, HealthView, SprintHealth } from '../../contract';

/** Below this many items a rate is shown, but said to be too few to read much into. */
const FEW_ITEMS = 10;

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const points = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)} point${value === 1 ? '' : 's'}`;
const items = (count: number) => `${count} item${count === 1 ? '' : 's'}`;

function addCounts(into: CompletionCount, from: CompletionCount | null): void {
  if (!from) return;
  into.completed += from.completed;
  into.total += from.total;
}

/** Completion by readiness at start over every sprint the app recorded. */
export function readinessTotals(sprints: readonly SprintHealth[]): HealthView['readiness'] {
  const ready = { completed: 0, total: 0 };
  const notReady = { completed: 0, total: 0 };
  for (const sprint of sprints) {
    addCounts(ready, sprint.ready);
    addCounts(notReady, sprint.notReady);
  }
  return { ready, notReady, sprintsRecorded: sprints.filter((sprint) => sprint.readinessRecorded).length };
}

/**
 * Plain-language findings, with counts so small numbers look small, and a word on what is
 * estimated. Sprints are oldest first.
 */
export function healthFindings(sprints: readonly SprintHealth[]): string[] {
  if (sprints.length === 0) return [];
  const findings: string[] = [];
  const totals = readinessTotals(sprints);
  const { ready, notReady } = totals;
  if (ready.total + notReady.total > 0) {
    const parts: string[] = [];
    parts.push(notReady.total > 0 ? `Items that started not ready finished ${percent(notReady.completed, notReady.total)} of the time (${notReady.completed} of ${notReady.total})` : 'No item started not ready');
    parts.push(ready.total > 0 ? `ready ones ${percent(ready.completed, ready.total)} (${ready.completed} of ${ready.total})` : 'no item started ready');
    const few = ready.total < FEW_ITEMS || notReady.total < FEW_ITEMS ? ' — too few items to read much into yet' : '';
    findings.push(`${parts.join('; ')}${few}. Recorded in ${totals.sprintsRecorded} of ${sprints.length} sprints.`);
  } else {
    findings.push(`Readiness at sprint start is not recorded for any of these ${sprints.length} sprints yet; it is recorded from the next sprint start on.`);
  }

  const committed = sprints.reduce((total, sprint) => total + sprint.committed.points, 0);
  const done = sprints.reduce((total, sprint) => total + sprint.committedCompleted.points, 0);
  if (committed > 0) {
    findings.push(`Say/do: the team finished ${percent(done, committed)} of the points it committed to at sprint start (${points(done)} of ${points(committed)}, ${sprints.length} sprint${sprints.length === 1 ? '' : 's'}).`);
  }
  const added = sprints.reduce((total, sprint) => total + sprint.added.points, 0);
  const addedCount = sprints.reduce((total, sprint) => total + sprint.added.count, 0);
  const removed = sprints.reduce((total, sprint) => total + sprint.removed.points, 0);
  const removedCount = sprints.reduce((total, sprint) => total + sprint.removed.count, 0);
  if (addedCount + removedCount > 0) {
    findings.push(`Scope changed during sprints: ${points(added)} added (${items(addedCount)}) and ${points(removed)} removed (${items(removedCount)}).`);
  } else {
    findings.push('No scope was added or removed during these sprints.');
  }
  const carried = sprints.reduce((total, sprint) => total + sprint.carriedOver.count, 0);
  if (carried > 0) {
    const worst = [...sprints].sort((a, b) => b.carriedOver.points - a.carriedOver.points)[0];
    const carriedPoints = sprints.reduce((total, sprint) => total + sprint.carriedOver.points, 0);
    findings.push(`${items(carried)} (${points(carriedPoints)}) carried over unfinished${worst && worst.carriedOver.count > 0 ? `, most from ${worst.name} (${points(worst.carriedOver.points)})` : ''}.`);
  }
  const rebuilt = sprints.filter((sprint) => !sprint.readinessRecorded).map((sprint) => sprint.name);
  if (rebuilt.length > 0) {
    findings.push(`Estimated: ${rebuilt.join(', ')} started before the app recorded readiness, so readiness at start is not recorded and the commitment is rebuilt from the changelog.`);
  }
  return findings;
}
