import type { CompletionCount, PointsCount, SprintHealth } from '../../contract';
import type { CurrentIssue, HistorySprint, SprintCloseRecord, SprintFieldChange, SprintStartRecord, StartEntry } from './history-types';
import { sprintsAt } from './sprint-membership';

export interface SprintHistoryInput {
  sprint: HistorySprint;
  /** Sprints of the board that started after this one: an unfinished item found in one was carried over. */
  laterSprintIds: ReadonlySet<number>;
  /** Issues whose sprint field names this sprint today. */
  members: readonly CurrentIssue[];
  /** Sprint-field history by issue id (only issues asked about; absent = no change seen). */
  changes: ReadonlyMap<string, readonly SprintFieldChange[]>;
  start: SprintStartRecord | null;
  close: SprintCloseRecord | null;
}

const sum = (items: { points: number }[]): PointsCount => ({ points: round(items.reduce((total, item) => total + item.points, 0)), count: items.length });
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * One closed sprint: what it started with, what changed during it, what was done and carried
 * over, and how ready and not-ready items finished. With the app's records the start and the end
 * are facts; without them the start is rebuilt from the sprint field's history and the end read
 * from today's status, and the notes say so.
 */
export function sprintHealth(input: SprintHistoryInput): SprintHealth {
  const { sprint, start, close } = input;
  const members = new Map(input.members.map((issue) => [issue.id, issue]));
  const startEntries = new Map<string, StartEntry>((start?.issues ?? []).map((entry) => [entry.id, entry]));
  const closeEntries = new Map((close?.issues ?? []).map((entry) => [entry.id, entry]));
  const changesOf = (id: string) => input.changes.get(id) ?? [];

  const inAtStart = (id: string): boolean => {
    if (startEntries.has(id)) return true;
    if (start?.complete) return false;
    const issue = members.get(id);
    if (!sprint.startDate) return true;
    return sprintsAt({ changes: changesOf(id), current: issue?.sprintIds ?? [], at: sprint.startDate }).includes(sprint.id);
  };
  const completedIn = (id: string): boolean => {
    const recorded = closeEntries.get(id);
    if (recorded) return recorded.done;
    const issue = members.get(id);
    if (!issue || !issue.done) return false;
    // Done today, but found in a later sprint: it was finished there, not here.
    return !issue.sprintIds.some((other) => other !== sprint.id && input.laterSprintIds.has(other));
  };
  const pointsOf = (id: string): number => closeEntries.get(id)?.points ?? members.get(id)?.estimate ?? startEntries.get(id)?.points ?? 0;
  const startPointsOf = (id: string): number => startEntries.get(id)?.points ?? members.get(id)?.estimate ?? 0;

  const candidates = new Set<string>([...members.keys(), ...startEntries.keys(), ...closeEntries.keys()]);
  const committed: { id: string; points: number }[] = [];
  const added: { id: string; points: number }[] = [];
  const removed: { id: string; points: number }[] = [];
  const completed: { id: string; points: number }[] = [];
  const committedCompleted: { id: string; points: number }[] = [];
  const carriedOver: { id: string; points: number }[] = [];
  for (const id of candidates) {
    const atStart = inAtStart(id);
    // At close: in the sprint field today (a closed sprint stays in it), or recorded at close.
    const atClose = members.has(id) || closeEntries.has(id);
    if (startEntries.get(id)?.state === 'excluded' && !atClose) continue;
    if (atStart) committed.push({ id, points: startPointsOf(id) });
    else if (atClose) added.push({ id, points: pointsOf(id) });
    if (!atClose) {
      removed.push({ id, points: startPointsOf(id) });
      continue;
    }
    if (completedIn(id)) {
      completed.push({ id, points: pointsOf(id) });
      if (atStart) committedCompleted.push({ id, points: startPointsOf(id) });
    } else {
      carriedOver.push({ id, points: pointsOf(id) });
    }
  }

  const byReadiness = (state: 'ready' | 'not-ready'): CompletionCount | null => {
    if (!start) return null;
    const entries = start.issues.filter((entry) => entry.state === state);
    // A committed item removed during the sprint did not finish in it.
    return { total: entries.length, completed: entries.filter((entry) => (members.has(entry.id) || closeEntries.has(entry.id)) && completedIn(entry.id)).length };
  };
  const committedTotal = sum(committed);
  const notes: string[] = [];
  if (!start) {
    notes.push('Readiness at start not recorded: the sprint started before the app recorded it.');
    notes.push('Commitment rebuilt from the sprint field history; items created straight into the sprint count as committed.');
    notes.push('Items removed during the sprint cannot be seen without a record.');
  } else if (!start.complete) {
    notes.push('The record at start was cut short; the rest of the commitment is rebuilt from the sprint field history.');
  }
  if (!close) notes.push('Completion read from today\'s status, not recorded when the sprint closed.');

  return {
    sprintId: sprint.id,
    name: sprint.name,
    startDate: sprint.startDate,
    completeDate: sprint.completeDate,
    committed: committedTotal,
    completed: sum(completed),
    committedCompleted: sum(committedCompleted),
    added: sum(added),
    removed: sum(removed),
    carriedOver: sum(carriedOver),
    sayDo: committedTotal.points > 0 ? Math.round((sum(committedCompleted).points / committedTotal.points) * 100) / 100 : null,
    ready: byReadiness('ready'),
    notReady: byReadiness('not-ready'),
    readyPointsAtStart: start ? round(start.issues.filter((entry) => entry.state === 'ready').reduce((total, entry) => total + (entry.points ?? 0), 0)) : null,
    readinessRecorded: start !== null,
    commitment: start?.complete ? 'recorded' : 'rebuilt',
    completion: close ? 'recorded' : 'current-state',
    notes,
  };
}
