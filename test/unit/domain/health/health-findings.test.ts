import { healthFindings, readinessTotals } from '../../../../src/domain/health';
import { aSprintHealth } from './health-builders';

describe('readinessTotals', () => {
  it('adds up completion by readiness over the recorded sprints only', () => {
    const totals = readinessTotals([
      aSprintHealth({ ready: { completed: 4, total: 5 }, notReady: { completed: 1, total: 3 } }),
      aSprintHealth({ ready: null, notReady: null, readinessRecorded: false }),
      aSprintHealth({ ready: { completed: 2, total: 2 }, notReady: { completed: 0, total: 1 } }),
    ]);
    expect(totals).toEqual({ ready: { completed: 6, total: 7 }, notReady: { completed: 1, total: 4 }, sprintsRecorded: 2 });
  });
});

describe('healthFindings', () => {
  it('says nothing without sprints', () => {
    expect(healthFindings([])).toEqual([]);
  });

  it('compares not-ready with ready completion, with counts', () => {
    const [first] = healthFindings([aSprintHealth({ ready: { completed: 44, total: 50 }, notReady: { completed: 9, total: 20 } })]);
    expect(first).toBe('Items that started not ready finished 45% of the time (9 of 20); ready ones 88% (44 of 50). Recorded in 1 of 1 sprints.');
  });

  it('says small numbers are small', () => {
    const [first] = healthFindings([aSprintHealth({ ready: { completed: 3, total: 4 }, notReady: { completed: 1, total: 2 } })]);
    expect(first).toContain('(1 of 2); ready ones 75% (3 of 4) — too few items to read much into yet');
  });

  it('gives say/do over all sprints and no say/do without committed points (never NaN)', () => {
    const withCommitment = healthFindings([
      aSprintHealth({ committed: { points: 10, count: 3 }, committedCompleted: { points: 6, count: 2 } }),
      aSprintHealth({ committed: { points: 10, count: 4 }, committedCompleted: { points: 9, count: 3 } }),
    ]);
    expect(withCommitment).toContain('Say/do: the team finished 75% of the points it committed to at sprint start (15 points of 20 points, 2 sprints).');
    const without = healthFindings([aSprintHealth()]);
    expect(without.some((finding) => finding.startsWith('Say/do'))).toBe(false);
    expect(without.join(' ')).not.toContain('NaN');
  });

  it('sums scope change and carry-over, naming the sprint that carried most', () => {
    const findings = healthFindings([
      aSprintHealth({ name: 'Sprint 7', added: { points: 5, count: 2 }, carriedOver: { points: 2, count: 1 } }),
      aSprintHealth({ name: 'Sprint 8', removed: { points: 1, count: 1 }, carriedOver: { points: 8, count: 2 } }),
    ]);
    expect(findings).toContain('Scope changed during sprints: 5 points added (2 items) and 1 point removed (1 item).');
    expect(findings).toContain('3 items (10 points) carried over unfinished, most from Sprint 8 (8 points).');
  });

  it('says when readiness was never recorded and which sprints are estimated', () => {
    const findings = healthFindings([aSprintHealth({ name: 'Sprint 6', ready: null, notReady: null, readinessRecorded: false, commitment: 'rebuilt' })]);
    expect(findings[0]).toBe('Readiness at sprint start is not recorded for any of these 1 sprints yet; it is recorded from the next sprint start on.');
    expect(findings).toContain('No scope was added or removed during these sprints.');
    expect(findings.at(-1)).toContain('Estimated: Sprint 6 started before the app recorded readiness');
  });
});
