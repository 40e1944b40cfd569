/**
 * The refinement agenda and the sprint check (getAgenda, getSprintCheck) through the real
 * resolvers on the seeded demo project, with the 3-vs-13 round played by the seed.
 */
import type { Agenda, AgendaItem, SprintCheck } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { call, currentSettings, dataOf, errorOf } from './resolver-helpers';

const READY_ITEMS = ['DEMO-5', 'DEMO-6', 'DEMO-8', 'DEMO-10', 'DEMO-11'];

async function agenda(params: { env: SandboxEnv; payload?: unknown; as?: string }): Promise<Agenda> {
  return dataOf(await call({ env: params.env, key: 'getAgenda', payload: params.payload, as: { accountId: params.as ?? 'ana', projectKey: 'DEMO' } }));
}

async function sprintCheck(params: { env: SandboxEnv; payload?: unknown }): Promise<SprintCheck> {
  return dataOf(await call({ env: params.env, key: 'getSprintCheck', payload: params.payload, as: { accountId: 'raj', projectKey: 'DEMO' } }));
}

function item(result: Agenda, key: string): AgendaItem {
  const found = result.items.find((candidate) => candidate.issueKey === key);
  if (!found) throw new Error(`${key} is not on the agenda: ${result.items.map((i) => i.issueKey).join(', ')}`);
  return found;
}

describe('getAgenda on the sandbox demo project', () => {
  const env = setupSandbox({ playVotes: true });
  let result: Agenda;
  let settings: { baseMinutesPerItem: number; maxMinutesPerItem: number; minItems: number; maxItems: number };

  beforeAll(async () => {
    result = await agenda({ env });
    settings = (await currentSettings(env)).agenda;
  });

  it('holds the seeded out-of-order blocked item, the cycle and the 3-vs-13 item with their flags, and leaves ready items out', () => {
    expect(item(result, 'DEMO-12').flags).toContainEqual(expect.objectContaining({ type: 'dependency', kind: 'order', related: ['DEMO-31'] }));
    for (const key of ['DEMO-20', 'DEMO-21']) {
      const cycle = item(result, key).flags.find((flag) => flag.type === 'dependency' && flag.kind === 'cycle');
      expect(cycle?.related).toEqual(expect.arrayContaining(['DEMO-20', 'DEMO-21', 'DEMO-22']));
    }
    const divergence = item(result, 'DEMO-9').flags.find((flag) => flag.type === 'divergence');
    expect(divergence?.message).toContain('3 vs 13');
    const listed = [...result.items, ...result.carryOver].map((entry) => entry.issueKey);
    for (const ready of READY_ITEMS) expect(listed).not.toContain(ready);
  });

  it('tells the meeting what to do about each flagged item', () => {
    expect(item(result, 'DEMO-12').focus.join(' ')).toMatch(/order/);
    expect(item(result, 'DEMO-20').focus.join(' ')).toMatch(/cycle/);
    expect(item(result, 'DEMO-9').focus.join(' ')).toContain('3 vs 13');
  });

  it('lists 4–10 items in ascending rank, each timeboxed between the base and the maximum', () => {
    expect(result.items.length).toBeGreaterThanOrEqual(settings.minItems);
    expect(result.items.length).toBeLessThanOrEqual(settings.maxItems);
    const ranks = result.items.map((entry) => entry.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(ranks.length);
    for (const entry of result.items) {
      expect(entry.timeboxMinutes).toBeGreaterThanOrEqual(settings.baseMinutesPerItem);
      expect(entry.timeboxMinutes).toBeLessThanOrEqual(settings.maxMinutesPerItem);
      expect(entry.ready).toBe(false);
    }
    // Items with more gaps get more time than a clean one.
    expect(item(result, 'DEMO-7').timeboxMinutes).toBeGreaterThan(item(result, 'DEMO-19').timeboxMinutes);
  });

  it('sums the timeboxes into totalMinutes within the session', () => {
    const sum = result.items.reduce((total, entry) => total + entry.timeboxMinutes, 0);
    expect(result.totalMinutes).toBe(sum);
    expect(result.sessionMinutes).toBe(60);
    if (result.totalMinutes > result.sessionMinutes) expect(result.warnings.join(' ')).toMatch(/minutes|session/i);
    else expect(result.totalMinutes).toBeLessThanOrEqual(result.sessionMinutes);
  });

  it('fits fewer items into a 30-minute session than into 90 minutes, carrying the rest over', async () => {
    const short = await agenda({ env, payload: { sessionMinutes: 30 } });
    const long = await agenda({ env, payload: { sessionMinutes: 90 } });
    expect(short.sessionMinutes).toBe(30);
    expect(short.items.length).toBeLessThan(long.items.length);
    expect(short.carryOver.length).toBeGreaterThan(0);
    expect(short.totalMinutes).toBe(short.items.reduce((total, entry) => total + entry.timeboxMinutes, 0));
    // The session length wins over the minimum of 4 items, and the agenda says so.
    expect(short.totalMinutes).toBeLessThanOrEqual(30);
    if (short.items.length < 4) expect(short.warnings.join(' ')).toContain('fewer than the usual 4');
    expect(long.totalMinutes).toBeLessThanOrEqual(90);
    // The carried-over items are exactly the ones that no longer fit.
    expect([...short.items, ...short.carryOver].map((entry) => entry.issueKey).sort()).toEqual(
      [...long.items, ...long.carryOver].map((entry) => entry.issueKey).sort(),
    );
  });

  it('reports a runway consistent with the ready work and the velocity of 21', () => {
    expect(result.velocity.value).toBe(21);
    expect(result.velocity.sprintsUsed).toHaveLength(3);
    expect(result.runway.velocity).toBe(21);
    // The ready items in the horizon: DEMO-5 (5), 6 (3), 8 (5), 10 (2), 11 (3).
    expect(result.runway.readyPoints).toBe(18);
    expect(result.runway.sprints).toBeCloseTo(18 / 21, 1);
    expect(result.runway.message).toContain(String(result.runway.sprints));
    expect(result).toMatchObject({ boardId: 1, boardName: 'DEMO board', estimationFieldName: 'Story Points', truncated: false });
  });

  it('rejects a board of another project with a clear error instead of planning it as DEMO', async () => {
    const error = errorOf(await call({ env, key: 'getAgenda', payload: { boardId: 2 }, as: { accountId: 'tom', projectKey: 'DEMO' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('TEAM');
    expect(error.message).toContain('DEMO');
  });

  it('answers NOT_FOUND for a board that does not exist instead of pretending DEMO has none', async () => {
    const error = errorOf(await call({ env, key: 'getAgenda', payload: { boardId: 99 }, as: { accountId: 'tom', projectKey: 'DEMO' } }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('99');
  });

  it('accepts DEMO\'s own board id in the payload', async () => {
    expect((await agenda({ env, payload: { boardId: 1 }, as: 'tom' })).boardId).toBe(1);
  });
});

describe('getSprintCheck on the sandbox demo project', () => {
  const env = setupSandbox();

  it('checks the next sprint, DEMO Sprint 14, against the velocity', async () => {
    const check = await sprintCheck({ env });
    expect(check.sprint).toMatchObject({ id: 14, name: 'DEMO Sprint 14', state: 'future' });
    expect(check).toMatchObject({ plannedPoints: 23, velocity: 21, overCommitted: true, notReadyCount: 2, readyCount: 5, unestimatedCount: 1 });
    expect(check.issues.filter((issue) => !issue.ready).map((issue) => issue.issueKey).sort()).toEqual(['DEMO-12', 'DEMO-7']);
    expect(check.message).toContain('over-committed');
    expect(check.sprints.map((sprint) => sprint.id)).toEqual(expect.arrayContaining([13, 14, 15]));
  });

  it('checks a chosen sprint (15)', async () => {
    const check = await sprintCheck({ env, payload: { sprintId: 15 } });
    expect(check.sprint).toMatchObject({ id: 15, name: 'DEMO Sprint 15' });
    expect(check.issues.map((issue) => issue.issueKey)).toEqual(['DEMO-19']);
    expect(check).toMatchObject({ plannedPoints: 3, overCommitted: false });
  });

  it('refuses a sprint of another project\'s board', async () => {
    const error = errorOf(await call({ env, key: 'getSprintCheck', payload: { sprintId: 20 }, as: { accountId: 'raj', projectKey: 'DEMO' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('20');
  });

  it('answers NOT_FOUND for a sprint that does not exist', async () => {
    expect(errorOf(await call({ env, key: 'getSprintCheck', payload: { sprintId: 999 }, as: { accountId: 'raj', projectKey: 'DEMO' } })).code).toBe('NOT_FOUND');
  });
});

describe('an excluded issue type (the epic DEMO-38) in the next sprint', () => {
  const env = setupSandbox();

  beforeAll(() => {
    // Arrange: Jira lets a team put an epic into a sprint; the seed has none there.
    const epic = [...env.jira.site.issues.values()].find((issue) => issue.key === 'DEMO-38');
    if (!epic) throw new Error('the seed has no DEMO-38');
    epic.sprintIds.push(14);
  });

  it('is listed by the sprint check as excluded, with no score, and counted neither ready nor not ready', async () => {
    const check = await sprintCheck({ env });
    expect(check.issues.find((issue) => issue.issueKey === 'DEMO-38')).toMatchObject({ issueType: 'Epic', status: 'excluded', score: null, ready: null });
    expect(check).toMatchObject({ notReadyCount: 2, readyCount: 5 });
  });

  it('is neither an agenda item nor ready runway', async () => {
    const result = await agenda({ env });
    const keys = [...result.items, ...result.carryOver, ...result.runway.items].map((entry) => entry.issueKey);
    expect(keys).not.toContain('DEMO-38');
  });
});
