import { computeVelocity } from '../../../../src/domain/planning';

describe('computeVelocity', () => {
  it('averages the three most recent closed sprints', () => {
    const velocity = computeVelocity({
      sprints: [
        { name: 'Sprint 9', completedAt: '2025-01-10T00:00:00Z', completedPoints: 100 },
        { name: 'Sprint 12', completedAt: '2025-02-21T00:00:00Z', completedPoints: 24 },
        { name: 'Sprint 10', completedAt: '2025-01-24T00:00:00Z', completedPoints: 20 },
        { name: 'Sprint 11', completedAt: '2025-02-07T00:00:00Z', completedPoints: 25 },
      ],
    });
    expect(velocity).toEqual({ value: 23, sprintsUsed: ['Sprint 12', 'Sprint 11', 'Sprint 10'] });
  });

  it('skips sprints without data but counts a sprint that finished nothing', () => {
    const velocity = computeVelocity({
      sprints: [
        { name: 'A', completedAt: '2025-01-10T00:00:00Z', completedPoints: 10 },
        { name: 'B', completedAt: '2025-01-24T00:00:00Z', completedPoints: null },
        { name: 'C', completedAt: '2025-02-07T00:00:00Z', completedPoints: 0 },
      ],
    });
    expect(velocity).toEqual({ value: 5, sprintsUsed: ['C', 'A'] });
  });

  it('rounds to one decimal', () => {
    const sprints = [10, 10, 11].map((completedPoints, i) => ({ name: `S${i}`, completedAt: `2025-0${i + 1}-01T00:00:00Z`, completedPoints }));
    expect(computeVelocity({ sprints }).value).toBe(10.3);
  });

  it('is unknown when no closed sprint has data', () => {
    expect(computeVelocity({ sprints: [] })).toEqual({ value: null, sprintsUsed: [] });
    expect(computeVelocity({ sprints: [{ name: 'A', completedAt: null, completedPoints: null }] }).value).toBeNull();
  });
});
