import { addedWithin, sprintsAt } from '../../../../src/domain/health';
import { CLOSED, STARTED, aMove, dayOfSprint } from './health-builders';

describe('sprintsAt', () => {
  const changes = [aMove(-2, [], [10]), aMove(4, [10], [10, 11])];

  it('replays the value the last change before the moment set', () => {
    expect(sprintsAt({ changes, current: [11], at: dayOfSprint(0) })).toEqual([10]);
    expect(sprintsAt({ changes, current: [11], at: dayOfSprint(5) })).toEqual([10, 11]);
  });

  it('counts a change at the very moment as done', () => {
    expect(sprintsAt({ changes, current: [], at: dayOfSprint(-2) })).toEqual([10]);
  });

  it('reads what the first change replaced before any change', () => {
    expect(sprintsAt({ changes, current: [11], at: dayOfSprint(-5) })).toEqual([]);
  });

  it('falls back to today\'s value without history', () => {
    expect(sprintsAt({ changes: [], current: [10, 12], at: STARTED })).toEqual([10, 12]);
  });
});

describe('addedWithin', () => {
  it('sees the sprint gained inside (from, to]', () => {
    expect(addedWithin({ changes: [aMove(3, [], [10])], sprintId: 10, from: STARTED, to: CLOSED })).toBe(true);
  });

  it('ignores a change before the start, after the end, or one that kept the sprint', () => {
    expect(addedWithin({ changes: [aMove(-1, [], [10])], sprintId: 10, from: STARTED, to: CLOSED })).toBe(false);
    expect(addedWithin({ changes: [aMove(20, [], [10])], sprintId: 10, from: STARTED, to: CLOSED })).toBe(false);
    expect(addedWithin({ changes: [aMove(3, [10], [10, 11])], sprintId: 10, from: STARTED, to: CLOSED })).toBe(false);
  });

  it('has no end for an open sprint', () => {
    expect(addedWithin({ changes: [aMove(40, [], [10])], sprintId: 10, from: STARTED, to: null })).toBe(true);
  });
});
