/**
 * A generated sandbox site for the cost benchmarks: project DEMO with a scrum board, three
 * closed sprints (velocity ≈ 25), an active sprint, two future sprints and a ranked backlog of
 * any size. Descriptions come from a small shared pool, so a 50,000-issue site is built in
 * well under a second and holds one copy of each document (the emulator never mutates them).
 */
import { FIELD_IDS } from '../sandbox/jira/catalog';
import type { Json, SeedData, SeedIssue, SeedLink, SiteSprint } from '../sandbox/jira/model';
import { APP_ACCOUNT_ID, DEMO_BOARD, DEMO_CLOUD_ID, DEMO_PROJECT, DEMO_SITE_URL } from '../sandbox/seed/demo';
import { DEMO_ACCESS, DEMO_USERS } from '../sandbox/seed/users';
import { createRng, description, estimateFor, issueTypeFor, qualityFor, summaryFor, type IssueQuality, type IssueTypeName, type Rng } from './generate-issues';

const BENCH_BOARD_ID = 1;
export const BENCH_SPRINTS = { closed: [10, 11, 12], active: 13, future: [14, 15], planning: 16 } as const;
/** Done points of the closed sprints: velocity = mean = 24.67. */
const CLOSED_SPRINT_POINTS = [22, 27, 25] as const;
/** Open issues planned in the two future sprints (walked before the backlog). */
export const FUTURE_SPRINT_ISSUES = { 14: 5, 15: 2 } as const;

const DAY = 86_400_000;
const POOL_SIZE = 400;

interface PoolEntry {
  type: IssueTypeName;
  quality: IssueQuality;
  description: Json;
}

function descriptionPool(rng: Rng, mix?: { ready: number; malformed: number }): PoolEntry[] {
  return Array.from({ length: POOL_SIZE }, () => {
    const type = issueTypeFor(rng);
    const quality = qualityFor(rng, mix);
    return { type, quality, description: description({ rng, type, quality }) };
  });
}

export interface GeneratedSeedOptions {
  /** Open issues in the ranked backlog (outside any open sprint). */
  backlogSize: number;
  /** Health tab: 6 closed sprints (7–12) of this many issues each, with sprint-field changelogs and carry-over. */
  historySprintSize?: number;
  /** Issues in an extra future sprint (id 16) that the sprint-start benchmark starts. */
  planningSprintSize?: number;
  /** Share of ready issues in the planning sprint (default 0.1: mostly not ready). */
  planningReadyShare?: number;
  now?: Date;
  seed?: number;
}

export function generatedSeed(options: GeneratedSeedOptions): SeedData {
  const now = options.now ?? new Date();
  const rng = createRng(options.seed ?? 42);
  const iso = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const jira = (days: number) => iso(days).replace('Z', '+0000');
  const pool = descriptionPool(rng);
  const notReadyPool = descriptionPool(rng, { ready: options.planningReadyShare ?? 0.1, malformed: 0.1 });
  let number = 0;
  const issues: SeedIssue[] = [];
  const add = (entry: PoolEntry, extra: Partial<SeedIssue>): SeedIssue => {
    number += 1;
    const issue: SeedIssue = {
      key: `DEMO-${number}`,
      type: entry.type,
      status: 'To Do',
      summary: entry.quality === 'vague' ? 'Improve checkout' : summaryFor(rng),
      description: entry.description,
      labels: ['checkout'],
      created: jira(-30 - (number % 90)),
      updated: jira(-(number % 20)),
      custom: { [FIELD_IDS.storyPoints]: estimateFor(rng, entry.quality) },
      ...extra,
    };
    issues.push(issue);
    return issue;
  };
  const entry = (list: PoolEntry[]) => list[Math.floor(rng() * list.length)]!;

  // Done work of the closed sprints, split into 5-point-ish issues that sum to the sprint's points.
  BENCH_SPRINTS.closed.forEach((sprintId, i) => {
    let left: number = CLOSED_SPRINT_POINTS[i]!;
    while (left > 0) {
      const points = Math.min(left, 5);
      left -= points;
      add(entry(pool), { status: 'Done', sprints: [sprintId], custom: { [FIELD_IDS.storyPoints]: points } });
    }
  });
  for (let i = 0; i < 4; i++) add(entry(pool), { status: i === 0 ? 'Done' : 'In Progress', sprints: [BENCH_SPRINTS.active] });
  // Future sprints: estimated, mostly ready work (about 18 + 8 points of the ~49-point horizon).
  const readyPool = pool.filter((candidate) => candidate.quality === 'ready');
  for (const [sprintId, count] of Object.entries(FUTURE_SPRINT_ISSUES)) {
    for (let i = 0; i < count; i++) add(entry(readyPool), { sprints: [Number(sprintId)], custom: { [FIELD_IDS.storyPoints]: [5, 3, 3, 5, 2][i] ?? 4 } });
  }
  if (options.planningSprintSize) {
    for (let i = 0; i < options.planningSprintSize; i++) add(entry(notReadyPool), { sprints: [BENCH_SPRINTS.planning] });
  }
  if (options.historySprintSize) {
    const starts: Record<number, number> = { 7: -89, 8: -75, 9: -61, 10: -47, 11: -33, 12: -19 };
    for (const [id, start] of Object.entries(starts)) {
      const sprintId = Number(id);
      for (let i = 0; i < options.historySprintSize; i++) {
        // One in ten is carried over into the next sprint; one in twenty came in mid-sprint.
        const carried = i % 10 === 0 && sprintId < 12;
        const movedIn = iso(start - (i % 20 === 1 ? -4 : 2));
        const changelog: NonNullable<SeedIssue['changelog']> = [
          { created: movedIn, items: [{ field: 'Sprint', fieldId: FIELD_IDS.sprint, fieldtype: 'custom', from: '', fromString: '', to: String(sprintId), toString: `DEMO Sprint ${sprintId}` }] },
        ];
        if (carried) {
          const to = `${sprintId}, ${sprintId + 1}`;
          changelog.push({ created: iso(start + 14), items: [{ field: 'Sprint', fieldId: FIELD_IDS.sprint, fieldtype: 'custom', from: String(sprintId), fromString: `DEMO Sprint ${sprintId}`, to, toString: `DEMO Sprint ${sprintId}, DEMO Sprint ${sprintId + 1}` }] });
        }
        add(entry(pool), { status: 'Done', sprints: carried ? [sprintId, sprintId + 1] : [sprintId], changelog });
      }
    }
  }
  const backlogStart = number + 1;
  for (let i = 0; i < options.backlogSize; i++) add(entry(pool), {});

  // A few blockers near the top of the backlog, each ranked below what it blocks (out of order).
  const links: SeedLink[] = [];
  for (let offset = 2; offset < Math.min(options.backlogSize - 40, 200); offset += 25) {
    links.push({ type: 'Blocks', source: `DEMO-${backlogStart + offset + 30}`, destination: `DEMO-${backlogStart + offset}` });
  }

  const sprint = (id: number, state: SiteSprint['state'], start: number | null): SiteSprint => ({
    id,
    name: `DEMO Sprint ${id}`,
    state,
    boardId: BENCH_BOARD_ID,
    goal: null,
    createdDate: iso((start ?? 10) - 20),
    startDate: start === null ? null : iso(start),
    endDate: start === null ? null : iso(start + 14),
    completeDate: state === 'closed' && start !== null ? iso(start + 14) : null,
  });

  return {
    cloudId: DEMO_CLOUD_ID,
    siteUrl: DEMO_SITE_URL,
    appAccountId: APP_ACCOUNT_ID,
    users: DEMO_USERS,
    access: DEMO_ACCESS,
    projects: [{ ...DEMO_PROJECT, name: 'Payments Web (generated)' }],
    boards: [{ ...DEMO_BOARD, id: BENCH_BOARD_ID }],
    sprints: [
      ...(options.historySprintSize ? [sprint(7, 'closed', -89), sprint(8, 'closed', -75), sprint(9, 'closed', -61)] : []),
      sprint(10, 'closed', -47),
      sprint(11, 'closed', -33),
      sprint(12, 'closed', -19),
      sprint(13, 'active', -5),
      sprint(14, 'future', 9),
      sprint(15, 'future', null),
      ...(options.planningSprintSize ? [sprint(BENCH_SPRINTS.planning, 'future', null)] : []),
    ],
    issues,
    links,
  };
}

/**
 * A site of many scrum boards for the daily rescore: `boards` projects (P1 … Pn), each with one
 * scrum board, an active sprint of 3 issues, a future sprint of 5 and a backlog of 20, so each
 * board's horizon is read in one page. Board, project and sprint ids are unique per project.
 */
export function boardsSeed(options: { boards: number; now?: Date; seed?: number }): SeedData {
  const now = options.now ?? new Date();
  const rng = createRng(options.seed ?? 7);
  const pool = descriptionPool(rng, { ready: 0.3, malformed: 0.1 });
  const iso = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const jira = (days: number) => iso(days).replace('Z', '+0000');
  const issues: SeedIssue[] = [];
  const sprints: SiteSprint[] = [];
  const projects: SeedData['projects'] = [];
  const boards: SeedData['boards'] = [];
  for (let index = 1; index <= options.boards; index++) {
    const key = `P${index}`;
    projects.push({ ...DEMO_PROJECT, id: String(20_000 + index), key, name: `Project ${index}` });
    boards.push({ ...DEMO_BOARD, id: 100 + index, name: `${key} board`, projectKey: key });
    const active = 10_000 + index * 2;
    const future = active + 1;
    for (const [id, state] of [[active, 'active'], [future, 'future']] as const) {
      sprints.push({ id, name: `${key} Sprint ${id}`, state, boardId: 100 + index, goal: null, createdDate: iso(-20), startDate: state === 'active' ? iso(-5) : null, endDate: state === 'active' ? iso(9) : null, completeDate: null });
    }
    let number = 0;
    const add = (extra: Partial<SeedIssue>) => {
      number += 1;
      const entry = pool[Math.floor(rng() * pool.length)]!;
      issues.push({
        key: `${key}-${number}`, type: entry.type, status: 'To Do', summary: entry.quality === 'vague' ? 'Improve checkout' : summaryFor(rng), description: entry.description,
        labels: [], created: jira(-30), updated: jira(-(number % 20)), custom: { [FIELD_IDS.storyPoints]: estimateFor(rng, entry.quality) }, ...extra,
      });
    };
    for (let i = 0; i < 3; i++) add({ status: 'In Progress', sprints: [active] });
    for (let i = 0; i < 5; i++) add({ sprints: [future] });
    for (let i = 0; i < 20; i++) add({});
  }
  const access = Object.fromEntries(Object.entries(DEMO_ACCESS).map(([accountId, byProject]) => [accountId, Object.fromEntries(projects.map((project) => [project.key, byProject[DEMO_PROJECT.key]!]))]));
  return { cloudId: DEMO_CLOUD_ID, siteUrl: DEMO_SITE_URL, appAccountId: APP_ACCOUNT_ID, users: DEMO_USERS, access, projects, boards, sprints, issues, links: [] };
}
