/**
 * Team-managed projects (issue 11): TEAM's board has type `simple` and runs sprints, so its
 * agenda, sprint check, sprint flags and daily rescore work like a scrum board's; OPS plans on a
 * Kanban board, so it gets a plain explanation instead of an error.
 * Board types "simple" | "scrum" | "kanban" [events-reference/jira-software, Board]; a board
 * without sprints answers GET /board/{id}/sprint with 400 "The board does not support sprints".
 */
import type { Agenda, SprintCheck } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { appComments, labelsOf, readinessPropertyOf } from '../triggers/flag-helpers';
import { call, dataOf, errorOf, judged, readinessOf } from './resolver-helpers';

async function agenda(env: SandboxEnv, projectKey: string, as = 'mei'): Promise<Agenda> {
  return dataOf(await call({ env, key: 'getAgenda', as: { accountId: as, projectKey } }));
}

async function sprintCheck(env: SandboxEnv, projectKey: string, payload: unknown = {}, as = 'raj'): Promise<SprintCheck> {
  return dataOf(await call({ env, key: 'getSprintCheck', payload, as: { accountId: as, projectKey } }));
}

describe('a team-managed project with sprints (TEAM, board type simple)', () => {
  const env = setupSandbox();

  it('plans on its simple board: velocity from its closed sprints and a runway against it', async () => {
    const result = await agenda(env, 'TEAM');
    expect(result).toMatchObject({ boardId: 2, boardName: 'TEAM board', estimationFieldName: 'Story point estimate' });
    // TEAM Sprints 1–3 completed 8, 10 and 12 points of "Story point estimate".
    expect(result.velocity.value).toBe(10);
    expect(result.velocity.sprintsUsed).toEqual(expect.arrayContaining(['TEAM Sprint 1', 'TEAM Sprint 2', 'TEAM Sprint 3']));
    expect(result.runway.velocity).toBe(10);
    expect(result.runway.sprints).not.toBeNull();
    expect(result.warnings.join(' ')).not.toMatch(/no board with sprints|uses no sprints|scrum/i);
    // The horizon starts with the future sprint: the vague TEAM-15 is on the agenda, planned in TEAM Sprint 5.
    expect(result.items.find((item) => item.issueKey === 'TEAM-15')).toMatchObject({ plannedIn: 'TEAM Sprint 5' });
  });

  it('checks its future sprint, TEAM Sprint 5, against that velocity', async () => {
    const check = await sprintCheck(env, 'TEAM');
    expect(check.sprint).toMatchObject({ id: 21, name: 'TEAM Sprint 5', state: 'future' });
    expect(check.sprints.map((sprint) => sprint.id)).toEqual(expect.arrayContaining([20, 21]));
    expect(check.issues.map((issue) => issue.issueKey).sort()).toEqual(['TEAM-14', 'TEAM-15']);
    expect(check).toMatchObject({ plannedPoints: 8, velocity: 10, overCommitted: false });
    expect(check.issues.find((issue) => issue.issueKey === 'TEAM-15')?.ready).toBe(false);
    expect(check.message).toContain('TEAM Sprint 5');
  });

  it('checks a chosen TEAM sprint, and still refuses a DEMO sprint', async () => {
    expect((await sprintCheck(env, 'TEAM', { sprintId: 20 })).sprint).toMatchObject({ id: 20, state: 'active' });
    const error = errorOf(await call({ env, key: 'getSprintCheck', payload: { sprintId: 14 }, as: { accountId: 'raj', projectKey: 'TEAM' } }));
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('a team-managed sprint starting (TEAM Sprint 5)', () => {
  const env = setupSandbox({ freshPerTest: true });

  beforeEach(() => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  it('flags exactly its not-ready issues (the vague TEAM-15 among them), one comment each', async () => {
    const sprintKeys = ['TEAM-14', 'TEAM-15'];
    const ready = new Map<string, boolean>();
    for (const key of sprintKeys) ready.set(key, judged(await readinessOf({ env, key, as: 'mei' })).ready);
    const labelsBefore = new Map(sprintKeys.map((key) => [key, labelsOf(env, key)]));
    expect(ready.get('TEAM-15')).toBe(false);

    env.jira.startSprint(21, 'mei');
    await env.settle();

    const started = env.sandbox.deliveredEvents.filter((delivered) => delivered.event.eventType === 'avi:jira-software:started:sprint');
    expect(started.map((delivered) => delivered.ok)).toEqual([true]);
    for (const key of sprintKeys) {
      if (ready.get(key)) {
        expect({ key, labels: labelsOf(env, key), comments: appComments(env, key).length }).toEqual({ key, labels: labelsBefore.get(key), comments: 0 });
      } else {
        expect({ key, flagged: labelsOf(env, key).includes('not-ready'), comments: appComments(env, key).length }).toEqual({ key, flagged: true, comments: 1 });
      }
    }
  });

  it('the daily rescore keeps the TEAM horizon fresh too', async () => {
    await env.sandbox.runScheduled('rescore-daily');
    for (const key of ['TEAM-14', 'TEAM-15']) expect(readinessPropertyOf(env, key)).not.toBeNull();
    expect(readinessPropertyOf(env, 'TEAM-15')).toMatchObject({ state: 'not-ready' });
    // Done work and the Kanban project have no horizon to rescore.
    expect(readinessPropertyOf(env, 'TEAM-7')).toBeNull();
    expect(readinessPropertyOf(env, 'OPS-2')).toBeNull();
  });
});

describe('projects without sprints', () => {
  const env = setupSandbox({ freshPerTest: true });

  it('a Kanban project (OPS): the agenda follows rank order and says the project uses no sprints', async () => {
    const result = await agenda(env, 'OPS', 'raj');
    expect(result.velocity.value).toBeNull();
    expect(result.boardId).toBeNull();
    expect(result.warnings).toContainEqual(expect.stringContaining('OPS uses no sprints'));
    expect(result.warnings.join(' ')).toContain('Kanban');
    expect(result.warnings.join(' ')).toContain('rank order');
    // Its open work, read through the project's rank order (search/jql), not through a board.
    const open = [...result.items, ...result.carryOver].map((item) => item.issueKey);
    expect(open.filter((key) => key.startsWith('OPS-')).sort()).toEqual(['OPS-1', 'OPS-2', 'OPS-3']);
  });

  it('a Kanban project (OPS): the sprint check answers in plain words, not with an error', async () => {
    const answer = await call({ env, key: 'getSprintCheck', as: { accountId: 'raj', projectKey: 'OPS' } });
    expect(answer.ok).toBe(true);
    const check = dataOf(answer);
    expect(check).toMatchObject({ sprint: null, sprints: [], issues: [], velocity: null });
    expect(check.message).toBe('OPS uses no sprints: its board “OPS board” is a Kanban board, so there are no sprints to check.');
    // A sprint id cannot make a Kanban project's board have sprints.
    expect(errorOf(await call({ env, key: 'getSprintCheck', payload: { sprintId: 14 }, as: { accountId: 'raj', projectKey: 'OPS' } })).code).toBe('BAD_REQUEST');
  });

  it('a team-managed board with sprints turned off is explained the same way', async () => {
    const board = env.jira.site.boards.get(2);
    if (!board) throw new Error('TEAM board missing from the seed');
    board.sprintsEnabled = false;

    const result = await agenda(env, 'TEAM');
    expect(result.velocity.value).toBeNull();
    expect(result.warnings).toContainEqual(expect.stringContaining('TEAM uses no sprints: sprints are turned off on its board “TEAM board”'));
    const check = await sprintCheck(env, 'TEAM');
    expect(check.sprint).toBeNull();
    expect(check.message).toContain('sprints are turned off');
  });

  it('a project without any board still gets NOT_FOUND for the sprint check, worded for any board type', async () => {
    const error = errorOf(await call({ env, key: 'getSprintCheck', as: { accountId: 'ana', projectKey: 'SEC' } }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('SEC has no board with sprints, so there are no sprints to check.');
  });
});
