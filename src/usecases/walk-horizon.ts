import type { ProjectSettings } from '../contract';
import {
  BACKLOG,
  VELOCITY_SPRINTS,
  computeVelocity,
  horizonReached,
  selectHorizon,
  type HorizonSelection,
  type PlannedCandidate,
  type Velocity,
} from '../domain/planning';
import type { NormalizedIssue } from '../domain/issue';
import type { Board, FieldPlan, JiraGateway, Sprint, Stores } from './ports';
import { CACHE_TTL_SECONDS } from './cache-policy';

const ITEM_CAP = 200;
const CLOSED_SPRINT_ISSUE_CAP = 500;
const ACTIVE_SPRINT_CAP = 300;

/** Items read past the horizon when it holds too few to refine: one page's worth, whatever the backlog's size. */
export const BEYOND_HORIZON_LIMIT = 100;
/** Jira's largest page when fields are requested: the backlog is read a page at a time. */
const BACKLOG_PAGE_SIZE = 100;

export interface HorizonWalk {
  selection: HorizonSelection<PlannedCandidate>;
  /** Items the walk read after the horizon (the rest of its last backlog page), in rank order. */
  readBeyond: PlannedCandidate[];
  /** What the walk did not read because the horizon was covered before: later future sprints, the backlog. */
  unread: { sprints: Sprint[]; backlog: boolean };
  velocity: Velocity;
  /** Keys already being worked on (active sprint): a blocker there is not an order problem. */
  earlierWork: Set<string>;
  futureSprints: Sprint[];
  activeSprint: Sprint | null;
}

/**
 * Mean completed points of the board's last closed sprints (there is no public velocity
 * endpoint). Cached per board until another sprint closes or the estimation field changes.
 */
export async function boardVelocity({
  jira,
  stores,
  board,
  plan,
}: {
  jira: JiraGateway;
  stores: Pick<Stores, 'velocity'>;
  board: Board;
  plan: FieldPlan;
}): Promise<Velocity> {
  const closed = await jira.sprints({ boardId: board.id, states: ['closed'] });
  const recent = [...closed]
    .sort((a, b) => (b.completeDate ?? b.endDate ?? '').localeCompare(a.completeDate ?? a.endDate ?? ''))
    .slice(0, VELOCITY_SPRINTS);
  const basis = `${plan.estimation?.id ?? 'none'}:${recent.map((sprint) => sprint.id).join(',')}`;
  const cached = await stores.velocity.get({ boardId: board.id });
  if (cached?.basis === basis) return { value: cached.value, sprintsUsed: cached.sprintsUsed };
  const velocity = await measureVelocity({ jira, plan, recent });
  await stores.velocity.set({ boardId: board.id }, { basis, ...velocity }, CACHE_TTL_SECONDS.velocity);
  return velocity;
}

async function measureVelocity({ jira, plan, recent }: { jira: JiraGateway; plan: FieldPlan; recent: Sprint[] }): Promise<Velocity> {
  const results = await Promise.all(
    recent.map(async (sprint) => {
      const page = await jira.sprintIssues({ sprintId: sprint.id, plan, maxItems: CLOSED_SPRINT_ISSUE_CAP });
      const done = page.issues.filter((issue) => issue.statusCategory === 'done' && issue.kind !== 'subtask');
      return {
        name: sprint.name,
        completedAt: sprint.completeDate ?? sprint.endDate,
        completedPoints: plan.estimation ? done.reduce((sum, issue) => sum + (issue.estimate ?? 0), 0) : null,
      };
    }),
  );
  return computeVelocity({ sprints: results });
}

// Sub-tasks roll up into their parent: they are neither refined nor counted on their own.
const isOpen = (issue: NormalizedIssue) => issue.statusCategory !== 'done' && issue.kind !== 'subtask';

/**
 * Walks ranked, unresolved work outside the active sprint — future sprints in order, then the
 * backlog by rank — until it covers `horizonSprints` sprints of velocity or 200 items. Each page
 * is asked for only while the horizon is not yet covered, so the cost follows the horizon, never
 * the size of the backlog.
 */
export async function walkHorizon({
  jira,
  stores,
  board,
  plan,
  settings,
  projectKey,
}: {
  jira: JiraGateway;
  stores: Pick<Stores, 'velocity'>;
  board: Board | null;
  plan: FieldPlan;
  settings: ProjectSettings;
  projectKey: string;
}): Promise<HorizonWalk> {
  const horizonSprints = settings.agenda.horizonSprints;
  if (!board) {
    const page = await jira.searchIssues({
      jql: `project = "${projectKey}" AND statusCategory != Done ORDER BY Rank ASC`,
      plan,
      maxItems: ITEM_CAP,
      pageSize: 100,
    });
    const candidates = page.issues.filter(isOpen).map((issue, i) => ({ issue, plannedIn: BACKLOG, position: i + 1 }));
    const selection = selectHorizon({ candidates: candidates.map(withEstimate), moreAvailable: page.truncated, velocity: null, horizonSprints, maxItems: ITEM_CAP });
    return {
      selection,
      readBeyond: candidates.slice(selection.items.length),
      unread: { sprints: [], backlog: false },
      velocity: { value: null, sprintsUsed: [] },
      earlierWork: new Set(),
      futureSprints: [],
      activeSprint: null,
    };
  }

  const [velocity, openSprints] = await Promise.all([
    boardVelocity({ jira, stores, board, plan }),
    jira.sprints({ boardId: board.id, states: ['active', 'future'] }),
  ]);
  const activeSprint = openSprints.find((sprint) => sprint.state === 'active') ?? null;
  const futureSprints = openSprints.filter((sprint) => sprint.state === 'future');
  // Work in the active sprint is "earlier" for order checks; read it while the walk goes on.
  const activeWork = activeSprint
    ? jira.sprintIssues({ sprintId: activeSprint.id, plan: { ...plan, estimation: null }, maxItems: ACTIVE_SPRINT_CAP })
    : Promise.resolve({ issues: [], truncated: false });
  // Awaited below; this only keeps an early failure from counting as an unhandled rejection.
  activeWork.catch(() => undefined);

  const reached = (soFar: readonly PlannedCandidate[]) =>
    horizonReached({ soFar: soFar.map(withEstimate), velocity: velocity.value, horizonSprints, maxItems: ITEM_CAP });
  const candidates: PlannedCandidate[] = [];
  const add = (issues: NormalizedIssue[], plannedIn: string) => {
    for (const issue of issues.filter(isOpen)) candidates.push({ issue, plannedIn, position: candidates.length + 1 });
  };
  let moreAvailable = false;
  let sprintsRead = 0;
  for (const sprint of futureSprints) {
    if (reached(candidates)) {
      moreAvailable = true;
      break;
    }
    const page = await jira.sprintIssues({ sprintId: sprint.id, plan, maxItems: ITEM_CAP - candidates.length });
    add(page.issues, sprint.name);
    sprintsRead += 1;
  }
  const backlogRead = !reached(candidates);
  if (backlogRead) {
    const before = candidates.length;
    const page = await jira.backlogIssues({
      boardId: board.id,
      plan,
      maxItems: ITEM_CAP - before,
      // Whole pages cost the same request as part of one, and what follows the horizon on the last
      // page is there if the agenda needs to look beyond it.
      pageSize: BACKLOG_PAGE_SIZE,
      // Points only: the item cap is maxItems' job, which reports the cut as `truncated` (a stop by
      // enough() reads as "nothing more needed", so a 200-item stop would pass for the end of the backlog).
      enough: (soFar) =>
        horizonReached({
          soFar: [...candidates, ...soFar.filter(isOpen).map((issue, i) => ({ issue, plannedIn: BACKLOG, position: before + i + 1 }))].map(withEstimate),
          velocity: velocity.value,
          horizonSprints,
          maxItems: Number.POSITIVE_INFINITY,
        }),
    });
    add(page.issues, BACKLOG);
    moreAvailable = page.truncated;
  } else {
    moreAvailable = true;
  }
  const earlierWork = new Set((await activeWork).issues.map((issue) => issue.key));
  const selection = selectHorizon({ candidates: candidates.map(withEstimate), moreAvailable, velocity: velocity.value, horizonSprints, maxItems: ITEM_CAP });
  return {
    selection,
    readBeyond: candidates.slice(selection.items.length),
    unread: { sprints: futureSprints.slice(sprintsRead), backlog: !backlogRead },
    velocity,
    earlierWork,
    futureSprints,
    activeSprint,
  };
}

function withEstimate<T extends { issue: NormalizedIssue }>(candidate: T): T & { estimate: number | null } {
  return { ...candidate, estimate: candidate.issue.estimate };
}

/**
 * Open work ranked after the horizon, in rank order, at most `limit` items, for a horizon that
 * holds too few items to refine: first what the walk already read past the horizon, then the
 * future sprints and the backlog page it never reached. Costs at most those sprints and one
 * backlog page, whatever the size of the backlog; nothing when the walk already ended (end of the
 * backlog, item cap) or had no board to walk.
 */
export async function walkBeyondHorizon({
  jira,
  board,
  plan,
  walk,
  limit = BEYOND_HORIZON_LIMIT,
}: {
  jira: JiraGateway;
  board: Board | null;
  plan: FieldPlan;
  walk: Pick<HorizonWalk, 'selection' | 'readBeyond' | 'unread'>;
  limit?: number;
}): Promise<PlannedCandidate[]> {
  if (walk.selection.horizon.stoppedBecause !== 'points') return [];
  const beyond = walk.readBeyond.slice(0, limit);
  if (!board) return beyond;
  let position = walk.selection.items.length + walk.readBeyond.length;
  const add = (issues: NormalizedIssue[], plannedIn: string) => {
    for (const issue of issues.filter(isOpen)) {
      if (beyond.length >= limit) return;
      position += 1;
      beyond.push({ issue, plannedIn, position });
    }
  };
  for (const sprint of walk.unread.sprints) {
    if (beyond.length >= limit) return beyond;
    add((await jira.sprintIssues({ sprintId: sprint.id, plan, maxItems: limit - beyond.length })).issues, sprint.name);
  }
  if (walk.unread.backlog && beyond.length < limit) {
    add((await jira.backlogIssues({ boardId: board.id, plan, maxItems: limit - beyond.length, pageSize: BACKLOG_PAGE_SIZE })).issues, BACKLOG);
  }
  return beyond;
}
