import type { SprintCheck } from '../../../../src/contract/agenda';
import { checkSprint } from '../../../../src/domain/planning';
import { aCriterion, aReadiness, anIssue, asExcluded } from './planning-builders';

const sprint: NonNullable<SprintCheck['sprint']> = { id: 14, name: 'Sprint 14', state: 'future', startDate: null, goal: 'Checkout' };

function row(key: string, estimate: number | null, ready: boolean, extra: { excluded?: boolean; kind?: 'subtask' } = {}) {
  const issue = anIssue({ key, estimate, ...(extra.kind ? { kind: extra.kind, issueTypeName: 'Sub-task' } : {}) });
  const judged = aReadiness({
    issueKey: key,
    ready,
    estimate,
    criteria: ready ? [] : [aCriterion({ id: 'acceptance-criteria', label: 'Acceptance criteria' }), aCriterion({ id: 'unknowns', status: 'warn' })],
  });
  return { issue, readiness: extra.excluded === true ? asExcluded(judged) : judged };
}

describe('checkSprint', () => {
  it('finds over-commitment when planned points exceed velocity', () => {
    const check = checkSprint({ sprint, issues: [row('DEMO-1', 8, true), row('DEMO-2', 13, false), row('DEMO-3', null, false)], velocity: 20 });
    expect(check).toMatchObject({ plannedPoints: 21, velocity: 20, overCommitted: true, readyCount: 1, notReadyCount: 2, unestimatedCount: 1 });
    expect(check.message).toBe('Sprint 14: 21 points planned against a velocity of 20 — over-committed by 1. 2 of 3 items are not ready. 1 has no estimate.');
    expect(check.issues[1]).toMatchObject({ issueKey: 'DEMO-2', ready: false, estimate: 13, gaps: ['Acceptance criteria'] });
  });

  it('accepts a plan exactly at velocity', () => {
    const check = checkSprint({ sprint, issues: [row('DEMO-1', 8, true), row('DEMO-2', 12, true)], velocity: 20 });
    expect(check.overCommitted).toBe(false);
    expect(check.message).toBe('Sprint 14: 20 points planned against a velocity of 20 — within capacity. All 2 items are ready.');
  });

  it('leaves excluded types and sub-task estimates out of the plan', () => {
    const check = checkSprint({
      sprint,
      issues: [row('DEMO-1', 5, true), row('DEMO-2', 40, false, { excluded: true }), row('DEMO-3', 3, false, { kind: 'subtask' })],
      velocity: 10,
    });
    expect(check).toMatchObject({ plannedPoints: 5, readyCount: 1, notReadyCount: 1, unestimatedCount: 0, overCommitted: false });
    expect(check.issues).toHaveLength(3);
    // Listed as excluded: neither a score nor a ready state (it used to read "100 · ready").
    expect(check.issues[1]).toMatchObject({ issueKey: 'DEMO-2', status: 'excluded', score: null, ready: null, gaps: [] });
    expect(check.issues[0]).toMatchObject({ status: 'judged', ready: true });
  });

  it('cannot judge commitment without velocity', () => {
    const check = checkSprint({ sprint, issues: [row('DEMO-1', 50, true)], velocity: null, warnings: ['no closed sprints'] });
    expect(check).toMatchObject({ overCommitted: false, velocity: null, warnings: ['no closed sprints'] });
    expect(check.message).toBe('Sprint 14: 50 points planned; velocity unknown. Its one item is ready.');
  });

  it('explains an empty sprint and a missing sprint', () => {
    expect(checkSprint({ sprint, issues: [], velocity: 10 }).message).toBe('Sprint 14 has no items to check yet.');
    expect(checkSprint({ sprint: null, issues: [], velocity: 10 }).message).toBe('No active or future sprint to check.');
  });
});
