/**
 * DEMO's sprint history for the Health tab: three older closed sprints (7–9) from before the app
 * was installed, with carry-over and work added mid-sprint, told by sprint-field changelogs; and
 * the app's records of readiness at start and done-or-not at close for Sprints 10–12 ("after
 * install"), including two not-ready items removed mid-sprint. Sprints 10–12 keep their done
 * work (21, 18, 24 points), so DEMO's velocity stays 21; the older sprints average about 20.
 */
import type { KvsEmulator } from '../kvs';
import { FIELD_IDS } from '../jira/catalog';
import type { JsonObject, SeedIssue, SiteSprint } from '../jira/model';
import type { Site } from '../jira/site';
import type { SprintCloseRecord, SprintStartRecord, StartEntry } from '../../src/domain/health';
import { closeRecordEntries, startRecordEntries } from '../../src/store/sprint-record-entries';
import { doc, p } from './adf';

const DAY = 86_400_000;
const DEMO_BOARD_ID = 1;

/** Sprint start offsets in days from now (each sprint runs 14 days; Sprint 10 starts at -47). */
const START = { 7: -89, 8: -75, 9: -61, 10: -47, 11: -33, 12: -19 } as const;

const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString();

/** The changelog item Jira writes for a sprint move (getBulkChangelogs ChangeDetails; ids comma-separated). */
export function sprintMove(from: number[], to: number[]): JsonObject {
  const names = (ids: number[]) => ids.map((id) => `DEMO Sprint ${id}`).join(', ');
  return {
    field: 'Sprint',
    fieldId: FIELD_IDS.sprint,
    fieldtype: 'custom',
    from: from.length > 0 ? from.join(', ') : null,
    fromString: from.length > 0 ? names(from) : null,
    to: to.length > 0 ? to.join(', ') : null,
    toString: to.length > 0 ? names(to) : null,
  };
}

export function historySprints(now: Date): SiteSprint[] {
  const sprint = (id: 7 | 8 | 9, goal: string): SiteSprint => ({
    id,
    name: `DEMO Sprint ${id}`,
    state: 'closed',
    boardId: DEMO_BOARD_ID,
    goal,
    createdDate: at(now, START[id] - 20),
    startDate: at(now, START[id]),
    endDate: at(now, START[id] + 14),
    completeDate: at(now, START[id] + 14),
  });
  return [sprint(7, 'Checkout skeleton behind a flag'), sprint(8, 'Card form and validation'), sprint(9, 'First real payments')];
}

/** Moves as `[day, from, to]`, days from now. */
type Move = [number, number[], number[]];

export function historyIssues(now: Date): SeedIssue[] {
  const issue = (key: string, type: string, summary: string, points: number, status: 'Done', sprints: number[], moves: Move[]): SeedIssue => ({
    key,
    type,
    status,
    summary,
    description: doc(p(`${summary}.`)),
    assignee: ['raj', 'mei', 'tom'][Number(key.split('-')[1]) % 3] ?? null,
    reporter: 'ana',
    created: at(now, (moves[0]?.[0] ?? -100) - 10).replace('Z', '+0000'),
    updated: at(now, Math.max(...moves.map((move) => move[0])) + 3).replace('Z', '+0000'),
    sprints,
    custom: { [FIELD_IDS.storyPoints]: points },
    changelog: moves.map(([day, from, to]) => ({ created: at(now, day), author: 'ana', items: [sprintMove(from, to)] })),
  });
  return [
    // Sprint 7: 21 points committed, one story carried over, one bug added mid-sprint.
    issue('DEMO-101', 'Story', 'Checkout page shell behind a feature flag', 5, 'Done', [7], [[-91, [], [7]]]),
    issue('DEMO-102', 'Story', 'Payment provider client with retries', 8, 'Done', [7], [[-91, [], [7]]]),
    issue('DEMO-103', 'Task', 'Payment step route and analytics page view', 3, 'Done', [7], [[-90, [], [7]]]),
    issue('DEMO-104', 'Story', 'Card form layout for mobile and desktop', 5, 'Done', [7, 8], [[-90, [], [7]], [-75, [7], [7, 8]]]),
    issue('DEMO-105', 'Bug', 'Checkout flag leaks to logged-out shoppers', 2, 'Done', [7], [[-84, [], [7]]]),
    // Sprint 8: the carried-over card form, 16 new points, one task carried on, one bug added.
    issue('DEMO-106', 'Story', 'Card number validation with the Luhn check', 8, 'Done', [8], [[-77, [], [8]]]),
    issue('DEMO-107', 'Story', 'Expiry and security code validation', 5, 'Done', [8], [[-77, [], [8]]]),
    issue('DEMO-108', 'Task', 'Error messages for declined cards', 3, 'Done', [8, 9], [[-76, [], [8]], [-61, [8], [8, 9]]]),
    issue('DEMO-109', 'Bug', 'Card form loses input on rotate', 3, 'Done', [8], [[-70, [], [8]]]),
    // Sprint 9: everything finished, one story added in the second week.
    issue('DEMO-110', 'Story', 'Authorise and capture a card payment', 8, 'Done', [9], [[-63, [], [9]]]),
    issue('DEMO-111', 'Story', 'Payment confirmation page', 5, 'Done', [9], [[-63, [], [9]]]),
    issue('DEMO-112', 'Story', 'Idempotency keys on payment requests', 5, 'Done', [9], [[-55, [], [9]]]),
    // Recorded sprints: two not-ready items taken out mid-sprint (answered elsewhere, then closed).
    issue('DEMO-113', 'Spike', 'Spike: split payouts per merchant?', 5, 'Done', [], [[-49, [], [10]], [-40, [10], []]]),
    issue('DEMO-114', 'Story', 'Pay by bank transfer', 8, 'Done', [], [[-35, [], [11]], [-27, [11], []]]),
  ];
}

/** DEMO-42 (Sprint 11) came in during the sprint: its move into Sprint 11 happened after the start. */
export const addedMidSprint11 = (now: Date) => [{ created: at(now, -28), author: 'ana', items: [sprintMove([], [11])] }];

type Readiness = [key: string, points: number, state: 'ready' | 'not-ready', score: number, gaps: string[]];

/** What the app recorded when Sprints 10–12 started, and which items were done when they closed. */
const RECORDED: { sprintId: 10 | 11 | 12; start: Readiness[]; done: string[]; notDone: string[] }[] = [
  {
    sprintId: 10,
    start: [
      ['DEMO-1', 8, 'ready', 92, []],
      ['DEMO-2', 5, 'ready', 88, ['design-assets']],
      ['DEMO-3', 5, 'not-ready', 64, ['acceptance-criteria']],
      ['DEMO-4', 3, 'ready', 85, []],
      ['DEMO-113', 5, 'not-ready', 41, ['description', 'acceptance-criteria', 'unknowns']],
    ],
    done: ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4'],
    notDone: [],
  },
  {
    sprintId: 11,
    start: [
      ['DEMO-40', 8, 'ready', 90, []],
      ['DEMO-41', 5, 'ready', 84, ['estimate']],
      ['DEMO-43', 2, 'ready', 95, []],
      ['DEMO-114', 8, 'not-ready', 52, ['acceptance-criteria', 'dependencies']],
    ],
    done: ['DEMO-40', 'DEMO-41', 'DEMO-42', 'DEMO-43'],
    notDone: [],
  },
  {
    sprintId: 12,
    start: [
      ['DEMO-44', 8, 'ready', 91, []],
      ['DEMO-45', 8, 'ready', 86, ['scope-bounds']],
      ['DEMO-46', 5, 'ready', 83, []],
      ['DEMO-47', 3, 'not-ready', 70, ['story-format']],
      ['DEMO-15', 5, 'not-ready', 58, ['acceptance-criteria', 'size']],
    ],
    done: ['DEMO-44', 'DEMO-45', 'DEMO-46', 'DEMO-47'],
    notDone: ['DEMO-15'],
  },
];

/**
 * Writes the records into the sandbox's KVS in exactly the shape the app stores them
 * (src/store/sprint-record-entries.ts), with the site's issue ids.
 */
export function seedSprintRecords(kvs: Pick<KvsEmulator, 'handle'>, site: Site): void {
  const idOf = (key: string) => site.issues.get(key)?.id ?? key;
  const pointsOf = (key: string): number | null => {
    const value = site.issues.get(key)?.custom[FIELD_IDS.storyPoints];
    return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
  };
  for (const sprint of RECORDED) {
    const seeded = site.sprints.get(sprint.sprintId);
    if (!seeded?.startDate || !seeded.completeDate) continue;
    const started = seeded.startDate;
    const issues: StartEntry[] = sprint.start.map(([key, points, state, score, gaps]) => ({ id: idOf(key), key, points, score, state, gaps }));
    const start: SprintStartRecord = { sprintId: sprint.sprintId, startedAt: started, recordedAt: started, complete: true, issues };
    const close: SprintCloseRecord = {
      sprintId: sprint.sprintId,
      closedAt: seeded.completeDate,
      issues: [...sprint.done.map((key) => ({ key, done: true })), ...sprint.notDone.map((key) => ({ key, done: false }))].map(({ key, done }) => ({ id: idOf(key), key, points: pointsOf(key), done })),
    };
    for (const entry of [...startRecordEntries(start), ...closeRecordEntries(close)]) kvs.handle('/api/v1/set', entry);
  }
}
