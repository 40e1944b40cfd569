import { HORIZON_ITEM_LIMIT, horizonReached, horizonTarget, selectHorizon } from '../../../../src/domain/planning';

const items = (...estimates: (number | null)[]) => estimates.map((estimate, i) => ({ key: `DEMO-${i + 1}`, estimate }));

describe('selectHorizon', () => {
  it('stops at the first prefix that covers horizonSprints × velocity', () => {
    const selection = selectHorizon({ candidates: items(5, 5, 5, 5, 5), velocity: 6, horizonSprints: 2, moreAvailable: false });
    expect(selection.items.map((i) => i.key)).toEqual(['DEMO-1', 'DEMO-2', 'DEMO-3']);
    expect(selection.horizon).toEqual({ items: 3, points: 15, targetPoints: 12, stoppedBecause: 'points' });
    expect(selection.truncated).toBe(false);
  });

  it('counts an unestimated item as the median of the estimates met before it', () => {
    // 2 and 8 give a median of 5 for the third item: 2 + 8 + 5 = 15 covers the target of 15.
    const selection = selectHorizon({ candidates: items(2, 8, null, 1), velocity: 7.5, horizonSprints: 2, moreAvailable: true });
    expect(selection.horizon).toMatchObject({ items: 3, points: 15, stoppedBecause: 'points' });
  });

  it('counts unestimated items as 0 until the first estimate', () => {
    const selection = selectHorizon({ candidates: items(null, null, 4), velocity: 2, horizonSprints: 2, moreAvailable: true });
    expect(selection.horizon).toMatchObject({ items: 3, points: 4, stoppedBecause: 'points' });
  });

  it('reports the end of the backlog when everything read is not enough', () => {
    const selection = selectHorizon({ candidates: items(1, 2), velocity: 20, horizonSprints: 2, moreAvailable: false });
    expect(selection.horizon).toEqual({ items: 2, points: 3, targetPoints: 40, stoppedBecause: 'end-of-backlog' });
    expect(selection.truncated).toBe(false);
  });

  it('stops at the item cap and says the horizon is truncated', () => {
    const candidates = items(...Array.from({ length: 250 }, () => 1));
    const selection = selectHorizon({ candidates, velocity: 500, horizonSprints: 2, moreAvailable: true });
    expect(selection.items).toHaveLength(HORIZON_ITEM_LIMIT);
    expect(selection.horizon.stoppedBecause).toBe('item-limit');
    expect(selection.truncated).toBe(true);
  });

  it('walks to the item cap when velocity is unknown', () => {
    const candidates = items(...Array.from({ length: 30 }, () => 3));
    const selection = selectHorizon({ candidates, velocity: null, horizonSprints: 2, maxItems: 10, moreAvailable: true });
    expect(selection.horizon).toEqual({ items: 10, points: 30, targetPoints: null, stoppedBecause: 'item-limit' });
  });

  it('treats exactly the cap with nothing after it as the end of the backlog', () => {
    const selection = selectHorizon({ candidates: items(1, 1, 1), velocity: null, horizonSprints: 2, maxItems: 3, moreAvailable: false });
    expect(selection.horizon.stoppedBecause).toBe('end-of-backlog');
    expect(selection.truncated).toBe(false);
  });
});

describe('horizonReached', () => {
  it('lets the adapter stop paging once the target is covered', () => {
    expect(horizonReached({ soFar: items(5, 5), velocity: 6, horizonSprints: 2 })).toBe(false);
    expect(horizonReached({ soFar: items(5, 5, 5), velocity: 6, horizonSprints: 2 })).toBe(true);
  });

  it('stops at the item cap whatever the points', () => {
    expect(horizonReached({ soFar: items(0, 0, 0), velocity: null, horizonSprints: 2, maxItems: 3 })).toBe(true);
    expect(horizonReached({ soFar: items(0, 0), velocity: null, horizonSprints: 2, maxItems: 3 })).toBe(false);
  });

  it('agrees with selectHorizon whatever the page size', () => {
    const stream = items(3, null, 8, 1, null, 13, 2, 5, null, 3);
    const params = { velocity: 9, horizonSprints: 2 };
    const expected = selectHorizon({ candidates: stream, moreAvailable: false, ...params }).items.length;
    for (const pageSize of [1, 3, 4]) {
      let read = 0;
      while (read < stream.length && !horizonReached({ soFar: stream.slice(0, read), ...params })) read += pageSize;
      const selected = selectHorizon({ candidates: stream.slice(0, read), moreAvailable: read < stream.length, ...params });
      expect(selected.items).toHaveLength(expected);
    }
  });
});

describe('horizonTarget', () => {
  it('has no target without a positive velocity', () => {
    expect(horizonTarget({ velocity: 20, horizonSprints: 1.5 })).toBe(30);
    expect(horizonTarget({ velocity: 0, horizonSprints: 2 })).toBeNull();
    expect(horizonTarget({ velocity: null, horizonSprints: 2 })).toBeNull();
  });
});
