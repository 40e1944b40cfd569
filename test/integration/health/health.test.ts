/**
 * getHealth on seeded sprint histories through the real resolver, and the records the queued
 * sprint work keeps when a sprint starts and closes. DEMO Sprints 7–9 started before the app was
 * installed (rebuilt from the changelog); Sprints 10–12 carry the app's records (sandbox/seed/sprint-history.ts).
 */
import type { HealthView, SprintHealth } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { call, dataOf, kvsKeys } from '../resolvers/resolver-helpers';

async function health(env: SandboxEnv): Promise<HealthView> {
  return dataOf(await call({ env, key: 'getHealth', as: { accountId: 'ana', projectKey: 'DEMO' } }));
}

function sprint(view: HealthView, name: string): SprintHealth {
  const found = view.sprints.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${name} missing: ${view.sprints.map((s) => s.name).join(', ')}`);
  return found;
}

describe('getHealth on the seeded DEMO history', () => {
  const env = setupSandbox();
  let view: HealthView;
  beforeAll(async () => {
    view = await health(env);
  });

  it('looks back on the last 6 closed sprints, oldest first', () => {
    expect(view.sprints.map((s) => s.name)).toEqual([7, 8, 9, 10, 11, 12].map((n) => `DEMO Sprint ${n}`));
    expect(view.board?.name).toBe('DEMO board');
  });

  it('compares completion of ready and not-ready items at start, with counts', () => {
    expect(sprint(view, 'DEMO Sprint 10')).toMatchObject({ ready: { completed: 3, total: 3 }, notReady: { completed: 1, total: 2 }, readyPointsAtStart: 16 });
    expect(sprint(view, 'DEMO Sprint 11')).toMatchObject({ ready: { completed: 3, total: 3 }, notReady: { completed: 0, total: 1 } });
    expect(sprint(view, 'DEMO Sprint 12')).toMatchObject({ ready: { completed: 3, total: 3 }, notReady: { completed: 1, total: 2 } });
    expect(view.readiness).toEqual({ ready: { completed: 9, total: 9 }, notReady: { completed: 2, total: 5 }, sprintsRecorded: 3 });
    expect(view.findings[0]).toContain('Items that started not ready finished 40% of the time (2 of 5); ready ones 100% (9 of 9)');
    expect(view.findings[0]).toContain('too few items');
  });

  it('counts scope added and removed during recorded sprints', () => {
    const s10 = sprint(view, 'DEMO Sprint 10');
    expect(s10.committed).toEqual({ points: 26, count: 5 });
    expect(s10.removed).toEqual({ points: 5, count: 1 });
    expect(s10.completed).toEqual({ points: 21, count: 4 });
    const s11 = sprint(view, 'DEMO Sprint 11');
    expect(s11.added).toEqual({ points: 3, count: 1 });
    expect(s11.removed).toEqual({ points: 8, count: 1 });
    expect(s11.committed).toEqual({ points: 23, count: 4 });
    expect(s11.sayDo).toBeCloseTo(15 / 23, 2);
  });

  it('counts carry-over: unfinished work left in the sprint at close', () => {
    expect(sprint(view, 'DEMO Sprint 12').carriedOver).toEqual({ points: 5, count: 1 });
    expect(sprint(view, 'DEMO Sprint 7').carriedOver).toEqual({ points: 5, count: 1 });
    expect(sprint(view, 'DEMO Sprint 8').carriedOver).toEqual({ points: 3, count: 1 });
    expect(sprint(view, 'DEMO Sprint 9').carriedOver).toEqual({ points: 0, count: 0 });
  });

  it('rebuilds a sprint from before the app existed from the changelog and flags it as estimated', () => {
    const s7 = sprint(view, 'DEMO Sprint 7');
    expect(s7).toMatchObject({ readinessRecorded: false, commitment: 'rebuilt', completion: 'current-state', ready: null, notReady: null, readyPointsAtStart: null });
    expect(s7.committed).toEqual({ points: 21, count: 4 });
    expect(s7.added).toEqual({ points: 2, count: 1 });
    expect(s7.completed).toEqual({ points: 18, count: 4 });
    expect(s7.notes.join(' ')).toMatch(/not recorded/);
    // The carried-over story is committed again in Sprint 8 (it moved at the start) and finished there.
    const s8 = sprint(view, 'DEMO Sprint 8');
    expect(s8.committed).toEqual({ points: 21, count: 4 });
    expect(s8.completed).toEqual({ points: 21, count: 4 });
    expect(view.findings.join(' ')).toContain('Estimated: DEMO Sprint 7, DEMO Sprint 8, DEMO Sprint 9');
    expect(sprint(view, 'DEMO Sprint 10')).toMatchObject({ readinessRecorded: true, commitment: 'recorded', completion: 'recorded' });
  });
});

describe('recording readiness at sprint start and closing the record', () => {
  const env = setupSandbox();

  it('records every issue of a started sprint once, closes it, and shows it as the newest sprint', async () => {
    env.jira.startSprint(14, 'ana');
    await env.settle();
    const keys = kvsKeys({ env, prefix: 'sprintstart:14' });
    expect(keys).toEqual(['sprintstart:14', 'sprintstart:14:0']);
    const page = env.kvs.peek('sprintstart:14:0');
    const entries = (page as { issues: { key: string; state: string; score: number }[] }).issues;
    expect(entries.map((entry) => entry.key).sort()).toEqual(expect.arrayContaining(['DEMO-5', 'DEMO-12']));
    expect(entries.some((entry) => entry.state === 'ready')).toBe(true);
    expect(entries.some((entry) => entry.state === 'not-ready')).toBe(true);

    // Mid-sprint: one item out, one in; then close.
    env.jira.moveIssueToSprint('DEMO-12', null, 'ana');
    env.jira.moveIssueToSprint('DEMO-13', 14, 'ana');
    await env.settle();
    env.jira.completeSprint(13, 'ana');
    env.jira.completeSprint(14, 'ana');
    await env.settle();
    expect(env.kvs.peek('sprintclose:14')).toMatchObject({ sprintId: 14, chunks: 1 });

    const view = await health(env);
    const s14 = sprint(view, 'DEMO Sprint 14');
    expect(s14).toMatchObject({ readinessRecorded: true, commitment: 'recorded', completion: 'recorded' });
    expect(s14.removed.count).toBe(1);
    expect(s14.added.count).toBe(1);
    expect((s14.ready?.total ?? 0) + (s14.notReady?.total ?? 0)).toBe(entries.length);
  });
});
