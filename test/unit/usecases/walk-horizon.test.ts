/**
 * Looking past the refinement horizon when it holds too few items to refine: in rank order, at
 * most one more backlog page, reusing what the walk already read.
 */
import type { NormalizedIssue } from '../../../src/domain/issue';
import type { Board, FieldPlan, JiraGateway, Sprint, Stores } from '../../../src/usecases/ports';
import { walkBeyondHorizon, walkHorizon } from '../../../src/usecases/walk-horizon';
import { defaultSettings } from '../../../src/domain/settings';
import { anIssue } from '../domain/planning/planning-builders';
import { recordingJira } from './fakes';

const BOARD: Board = { id: 1, name: 'DEMO board', type: 'scrum', projectKey: 'DEMO', projectId: '10000', hasSprints: true };
const PLAN: FieldPlan = { estimation: null, sprint: null, flagged: null, rank: null, acceptanceCriteria: null };

const sprint = (id: number): Sprint => ({ id, name: `Sprint ${id}`, state: 'future', startDate: null, endDate: null, completeDate: null, goal: null, originBoardId: 1 });
const issues = (from: number, count: number, estimate: number): NormalizedIssue[] =>
  Array.from({ length: count }, (_, i) => anIssue({ key: `DEMO-${from + i}`, estimate }));

/**
 * A board with a velocity of 10 (cached, so no closed sprint is read) and a horizon of two sprints,
 * 20 points. Records every sprint and backlog page asked for.
 */
function board({ sprints, backlog }: { sprints: Record<number, NormalizedIssue[]>; backlog: NormalizedIssue[] }) {
  const calls: string[] = [];
  const { jira: base } = recordingJira();
  const jira: JiraGateway = {
    ...base,
    sprints: ({ states }) => Promise.resolve(states.includes('future') ? Object.keys(sprints).map((id) => sprint(Number(id))) : []),
    sprintIssues: ({ sprintId, maxItems }) => {
      calls.push(`sprint ${sprintId}`);
      return Promise.resolve({ issues: (sprints[sprintId] ?? []).slice(0, maxItems), truncated: false });
    },
    backlogIssues: ({ maxItems, pageSize, enough }) => {
      calls.push(`backlog page of ${Math.min(pageSize ?? 50, maxItems)}`);
      const read: NormalizedIssue[] = [];
      for (const issue of backlog.slice(0, Math.min(pageSize ?? 50, maxItems))) read.push(issue);
      enough?.(read);
      return Promise.resolve({ issues: read, truncated: backlog.length > read.length });
    },
  };
  const stores: Pick<Stores, 'velocity'> = {
    velocity: { get: () => Promise.resolve({ basis: 'none:', value: 10, sprintsUsed: [] }), set: () => Promise.resolve(), delete: () => Promise.resolve() },
  };
  return { jira, stores, calls };
}

describe('walkBeyondHorizon', () => {
  it('goes on past sprints planned beyond the horizon: the rest of the last sprint read, the next sprint, then one backlog page', async () => {
    const { jira, stores, calls } = board({ sprints: { 14: issues(1, 3, 10), 15: issues(10, 2, 5) }, backlog: issues(20, 150, 3) });
    const walk = await walkHorizon({ jira, stores, board: BOARD, plan: PLAN, settings: defaultSettings(), projectKey: 'DEMO' });
    expect(walk.selection.items.map((c) => c.issue.key)).toEqual(['DEMO-1', 'DEMO-2']);
    expect(calls).toEqual(['sprint 14']);

    const beyond = await walkBeyondHorizon({ jira, board: BOARD, plan: PLAN, walk });
    expect(beyond.slice(0, 4).map((c) => [c.issue.key, c.plannedIn, c.position])).toEqual([
      ['DEMO-3', 'Sprint 14', 3],
      ['DEMO-10', 'Sprint 15', 4],
      ['DEMO-11', 'Sprint 15', 5],
      ['DEMO-20', 'Backlog', 6],
    ]);
    // At most 100 items, whatever the length of the backlog: one page.
    expect(beyond).toHaveLength(100);
    expect(calls).toEqual(['sprint 14', 'sprint 15', 'backlog page of 97']);
  });

  it('uses what the last backlog page already held, without asking Jira again', async () => {
    const { jira, stores, calls } = board({ sprints: { 14: issues(1, 1, 10) }, backlog: issues(20, 8, 5) });
    const walk = await walkHorizon({ jira, stores, board: BOARD, plan: PLAN, settings: defaultSettings(), projectKey: 'DEMO' });
    expect(walk.selection.items.map((c) => c.issue.key)).toEqual(['DEMO-1', 'DEMO-20', 'DEMO-21']);
    const asked = [...calls];

    const beyond = await walkBeyondHorizon({ jira, board: BOARD, plan: PLAN, walk, limit: 3 });
    expect(beyond.map((c) => [c.issue.key, c.position])).toEqual([
      ['DEMO-22', 4],
      ['DEMO-23', 5],
      ['DEMO-24', 6],
    ]);
    expect(calls).toEqual(asked);
  });

  it('finds nothing beyond a horizon that already reached the end of the backlog', async () => {
    const { jira, stores, calls } = board({ sprints: { 14: issues(1, 1, 3) }, backlog: issues(20, 2, 3) });
    const walk = await walkHorizon({ jira, stores, board: BOARD, plan: PLAN, settings: defaultSettings(), projectKey: 'DEMO' });
    expect(walk.selection.horizon.stoppedBecause).toBe('end-of-backlog');
    const asked = calls.length;
    expect(await walkBeyondHorizon({ jira, board: BOARD, plan: PLAN, walk })).toEqual([]);
    expect(calls).toHaveLength(asked);
  });
});
