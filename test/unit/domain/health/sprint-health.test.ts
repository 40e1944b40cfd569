import { sprintHealth } from '../../../../src/domain/health';
import { LATER_SPRINT_ID, SPRINT_ID, aCloseEntry, aCloseRecord, aHistoryInput, aHistorySprint, aMember, aMove, aStartEntry, aStartRecord } from './health-builders';

describe('sprintHealth with the app\'s records from start and close', () => {
  // Committed A (3, ready, done), B (5, not ready, unfinished), C (2, not ready, removed mid-sprint);
  // E (8) added mid-sprint and done.
  const recorded = () =>
    sprintHealth(
      aHistoryInput({
        members: [aMember('A', { estimate: 3, done: true }), aMember('B', { estimate: 5 }), aMember('E', { estimate: 8, done: true })],
        start: aStartRecord([aStartEntry('A', { points: 3 }), aStartEntry('B', { points: 5, state: 'not-ready' }), aStartEntry('C', { points: 2, state: 'not-ready' })]),
        close: aCloseRecord([aCloseEntry('A', { points: 3 }), aCloseEntry('B', { points: 5, done: false }), aCloseEntry('E', { points: 8 })]),
      }),
    );

  it('counts points and items committed, completed, added, removed and carried over', () => {
    const health = recorded();
    expect(health.committed).toEqual({ points: 10, count: 3 });
    expect(health.completed).toEqual({ points: 11, count: 2 });
    expect(health.committedCompleted).toEqual({ points: 3, count: 1 });
    expect(health.added).toEqual({ points: 8, count: 1 });
    expect(health.removed).toEqual({ points: 2, count: 1 });
    expect(health.carriedOver).toEqual({ points: 5, count: 1 });
  });

  it('says say/do as committed points done over committed points (added work does not count)', () => {
    expect(recorded().sayDo).toBe(0.3);
  });

  it('gives completion of ready and not-ready items with counts; a removed item did not finish', () => {
    const health = recorded();
    expect(health.ready).toEqual({ completed: 1, total: 1 });
    expect(health.notReady).toEqual({ completed: 0, total: 2 });
    expect(health.readyPointsAtStart).toBe(3);
  });

  it('marks start and end as recorded, with nothing estimated', () => {
    const health = recorded();
    expect(health).toMatchObject({ readinessRecorded: true, commitment: 'recorded', completion: 'recorded', notes: [] });
  });

  it('compares ready against not-ready completion over several items', () => {
    const ids = ['1', '2', '3', '4', '5'];
    const health = sprintHealth(
      aHistoryInput({
        members: ids.map((id) => aMember(id)),
        start: aStartRecord(ids.map((id, index) => aStartEntry(id, { state: index < 3 ? 'ready' : 'not-ready' }))),
        // Ready 1 and 2 done, ready 3 not; not-ready 4 done, 5 not.
        close: aCloseRecord(ids.map((id) => aCloseEntry(id, { done: id !== '3' && id !== '5' }))),
      }),
    );
    expect(health.ready).toEqual({ completed: 2, total: 3 });
    expect(health.notReady).toEqual({ completed: 1, total: 2 });
  });

  it('keeps the points of the start for the commitment and of the close for completion', () => {
    // Re-estimated from 3 to 5 during the sprint.
    const health = sprintHealth(
      aHistoryInput({
        members: [aMember('A', { estimate: 5, done: true })],
        start: aStartRecord([aStartEntry('A', { points: 3 })]),
        close: aCloseRecord([aCloseEntry('A', { points: 5 })]),
      }),
    );
    expect(health.committed.points).toBe(3);
    expect(health.committedCompleted.points).toBe(3);
    expect(health.completed.points).toBe(5);
    expect(health.sayDo).toBe(1);
  });

  it('leaves out an item excluded at start that left the sprint', () => {
    const health = sprintHealth(aHistoryInput({ start: aStartRecord([aStartEntry('X', { state: 'excluded' })]), close: aCloseRecord([]) }));
    expect(health.committed).toEqual({ points: 0, count: 0 });
    expect(health.removed).toEqual({ points: 0, count: 0 });
  });

  it('completes a record cut short from the sprint field history and says so', () => {
    const health = sprintHealth(
      aHistoryInput({
        members: [aMember('A'), aMember('B', { estimate: 2 })],
        // B was moved in before the start but the record stopped after A.
        changes: new Map([['B', [aMove(-1, [], [SPRINT_ID])]]]),
        start: aStartRecord([aStartEntry('A')], { complete: false }),
        close: aCloseRecord([aCloseEntry('A', { done: false }), aCloseEntry('B', { points: 2, done: false })]),
      }),
    );
    expect(health.committed).toEqual({ points: 5, count: 2 });
    expect(health.added.count).toBe(0);
    expect(health.commitment).toBe('rebuilt');
    expect(health.notes).toEqual([expect.stringContaining('cut short')]);
  });
});

describe('sprintHealth rebuilt from the changelog (a sprint from before the app)', () => {
  const rebuilt = () =>
    sprintHealth(
      aHistoryInput({
        members: [
          // Moved in the day before the start, done.
          aMember('P', { estimate: 3, done: true }),
          // Created straight into the sprint (no change), unfinished.
          aMember('Q', { estimate: 2 }),
          // Moved in on day 2, done.
          aMember('R', { estimate: 5, done: true }),
          // In at start, unfinished, carried into sprint 11 and done there.
          aMember('S', { estimate: 8, done: true, sprintIds: [SPRINT_ID, LATER_SPRINT_ID] }),
        ],
        changes: new Map([
          ['P', [aMove(-1, [], [SPRINT_ID])]],
          ['R', [aMove(2, [], [SPRINT_ID])]],
          ['S', [aMove(-3, [], [SPRINT_ID]), aMove(15, [SPRINT_ID], [SPRINT_ID, LATER_SPRINT_ID])]],
        ]),
      }),
    );

  it('rebuilds the commitment from the sprint field at the start date', () => {
    const health = rebuilt();
    expect(health.committed).toEqual({ points: 13, count: 3 });
    expect(health.added).toEqual({ points: 5, count: 1 });
  });

  it('reads completion from today\'s status, but not for work finished in a later sprint', () => {
    const health = rebuilt();
    expect(health.completed).toEqual({ points: 8, count: 2 });
    expect(health.committedCompleted).toEqual({ points: 3, count: 1 });
    expect(health.carriedOver).toEqual({ points: 10, count: 2 });
    expect(health.sayDo).toBe(0.23);
  });

  it('has no readiness at start and says what is estimated', () => {
    const health = rebuilt();
    expect(health).toMatchObject({ ready: null, notReady: null, readyPointsAtStart: null, readinessRecorded: false, commitment: 'rebuilt', completion: 'current-state' });
    expect(health.notes).toEqual([
      expect.stringContaining('Readiness at start not recorded'),
      expect.stringContaining('rebuilt from the sprint field history'),
      expect.stringContaining('removed during the sprint cannot be seen'),
      expect.stringContaining('today\'s status'),
    ]);
  });

  it('counts every member as committed when the sprint has no start date', () => {
    const health = sprintHealth(aHistoryInput({ sprint: aHistorySprint({ startDate: null }), members: [aMember('A'), aMember('B')], changes: new Map([['B', [aMove(2, [], [SPRINT_ID])]]]) }));
    expect(health.committed.count).toBe(2);
    expect(health.added.count).toBe(0);
  });
});

describe('sprintHealth edge cases', () => {
  it('shows an empty sprint as zeros, with say/do null rather than NaN', () => {
    const health = sprintHealth(aHistoryInput());
    for (const measure of [health.committed, health.completed, health.committedCompleted, health.added, health.removed, health.carriedOver]) {
      expect(measure).toEqual({ points: 0, count: 0 });
    }
    expect(health.sayDo).toBeNull();
  });

  it('counts items without estimates, with 0 points and say/do null', () => {
    const health = sprintHealth(
      aHistoryInput({
        members: [aMember('A', { estimate: null, done: true }), aMember('B', { estimate: null })],
        start: aStartRecord([aStartEntry('A', { points: null }), aStartEntry('B', { points: null, state: 'not-ready' })]),
      }),
    );
    expect(health.committed).toEqual({ points: 0, count: 2 });
    expect(health.completed).toEqual({ points: 0, count: 1 });
    expect(health.sayDo).toBeNull();
    expect(health.ready).toEqual({ completed: 1, total: 1 });
    expect(health.readyPointsAtStart).toBe(0);
  });

  it('takes today\'s estimate when the start recorded none', () => {
    const health = sprintHealth(aHistoryInput({ members: [aMember('A', { estimate: 5 })], start: aStartRecord([aStartEntry('A', { points: null })]) }));
    expect(health.committed.points).toBe(5);
  });

  it('keeps say/do null when everything was added after the start', () => {
    const health = sprintHealth(aHistoryInput({ members: [aMember('A', { done: true })], start: aStartRecord([]) }));
    expect(health.committed).toEqual({ points: 0, count: 0 });
    expect(health.added).toEqual({ points: 3, count: 1 });
    expect(health.completed.count).toBe(1);
    expect(health.sayDo).toBeNull();
  });

  it('counts an item removed and re-added during the sprint once, as committed', () => {
    const changes = new Map([['A', [aMove(-1, [], [SPRINT_ID]), aMove(3, [SPRINT_ID], []), aMove(6, [], [SPRINT_ID])]]]);
    const recorded = sprintHealth(aHistoryInput({ members: [aMember('A')], changes, start: aStartRecord([aStartEntry('A')]) }));
    const rebuilt = sprintHealth(aHistoryInput({ members: [aMember('A')], changes }));
    for (const health of [recorded, rebuilt]) {
      expect(health.committed).toEqual({ points: 3, count: 1 });
      expect(health.added.count).toBe(0);
      expect(health.removed.count).toBe(0);
      expect(health.carriedOver.count).toBe(1);
    }
  });

  it('counts an item added mid-sprint, removed and re-added once, as added', () => {
    const changes = new Map([['A', [aMove(1, [], [SPRINT_ID]), aMove(3, [SPRINT_ID], []), aMove(6, [], [SPRINT_ID])]]]);
    const health = sprintHealth(aHistoryInput({ members: [aMember('A')], changes }));
    expect(health.committed.count).toBe(0);
    expect(health.added).toEqual({ points: 3, count: 1 });
  });

  it('rounds fractional points to one decimal', () => {
    const health = sprintHealth(aHistoryInput({ members: [aMember('A', { estimate: 0.1 }), aMember('B', { estimate: 0.2 })] }));
    expect(health.committed.points).toBe(0.3);
  });
});
