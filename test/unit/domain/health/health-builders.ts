/**
 * Builders for the Health computation. Sprint 10 runs from 5 to 19 January 2026; every builder
 * returns a complete value that tests override with only what they are about.
 */
import type { PointsCount, SprintHealth } from '../../../../src/contract';
import type { CloseEntry, CurrentIssue, HistorySprint, SprintCloseRecord, SprintFieldChange, SprintStartRecord, StartEntry } from '../../../../src/domain/health';
import type { SprintHistoryInput } from '../../../../src/domain/health';

export const SPRINT_ID = 10;
export const LATER_SPRINT_ID = 11;
export const STARTED = '2026-01-05T09:00:00.000Z';
export const CLOSED = '2026-01-19T09:00:00.000Z';

/** An ISO time `days` after the sprint started (negative: before). */
export const dayOfSprint = (days: number) => new Date(Date.parse(STARTED) + days * 86_400_000).toISOString();

export function aHistorySprint(overrides: Partial<HistorySprint> = {}): HistorySprint {
  return { id: SPRINT_ID, name: 'DEMO Sprint 10', startDate: STARTED, completeDate: CLOSED, ...overrides };
}

/** An issue as Jira shows it today: in sprint 10, 3 points, not done. */
export function aMember(id: string, overrides: Partial<CurrentIssue> = {}): CurrentIssue {
  return { id, key: `DEMO-${id}`, estimate: 3, done: false, sprintIds: [SPRINT_ID], ...overrides };
}

export function aStartEntry(id: string, overrides: Partial<StartEntry> = {}): StartEntry {
  return { id, key: `DEMO-${id}`, points: 3, score: 100, state: 'ready', gaps: [], ...overrides };
}

export function aStartRecord(issues: StartEntry[], overrides: Partial<SprintStartRecord> = {}): SprintStartRecord {
  return { sprintId: SPRINT_ID, startedAt: STARTED, recordedAt: STARTED, complete: true, issues, ...overrides };
}

export function aCloseEntry(id: string, overrides: Partial<CloseEntry> = {}): CloseEntry {
  return { id, key: `DEMO-${id}`, points: 3, done: true, ...overrides };
}

export function aCloseRecord(issues: CloseEntry[]): SprintCloseRecord {
  return { sprintId: SPRINT_ID, closedAt: CLOSED, issues };
}

/** A sprint-field change `days` after sprint 10 started. */
export function aMove(days: number, from: number[], to: number[]): SprintFieldChange {
  return { at: dayOfSprint(days), from, to };
}

/** A closed sprint with no members, no history and no records of the app. */
export function aHistoryInput(overrides: Partial<SprintHistoryInput> = {}): SprintHistoryInput {
  return { sprint: aHistorySprint(), laterSprintIds: new Set([LATER_SPRINT_ID]), members: [], changes: new Map(), start: null, close: null, ...overrides };
}

const none: PointsCount = { points: 0, count: 0 };

/** A computed sprint for the findings: recorded, nothing committed, nothing changed. */
export function aSprintHealth(overrides: Partial<SprintHealth> = {}): SprintHealth {
  return {
    sprintId: SPRINT_ID,
    name: 'DEMO Sprint 10',
    startDate: STARTED,
    completeDate: CLOSED,
    committed: none,
    completed: none,
    committedCompleted: none,
    added: none,
    removed: none,
    carriedOver: none,
    sayDo: null,
    ready: { completed: 0, total: 0 },
    notReady: { completed: 0, total: 0 },
    readyPointsAtStart: 0,
    readinessRecorded: true,
    commitment: 'recorded',
    completion: 'recorded',
    notes: [],
    ...overrides,
  };
}
