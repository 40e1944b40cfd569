import type { Vote } from '../../../../src/contract/estimation';
import { computeDivergence, joinNames } from '../../../../src/domain/estimation';

let nextId = 0;
function aVote(displayName: string, value: string): Vote {
  nextId += 1;
  return { accountId: `acc-${nextId}`, displayName, value };
}

describe('computeDivergence', () => {
  it('counts 3 vs 13 on Fibonacci as 3 steps and lets the extremes explain', () => {
    const divergence = computeDivergence({
      scale: 'fibonacci',
      divergenceSteps: 2,
      votes: [aVote('Ana Lopez', '3'), aVote('Li Wei', '5'), aVote('Raj Patel', '13')],
    });
    expect(divergence).toEqual({
      steps: 3,
      ratio: 13 / 3,
      high: ['Raj Patel'],
      low: ['Ana Lopez'],
      highValue: '13',
      lowValue: '3',
      diverges: true,
      summary: '3 vs 13 — Ana Lopez and Raj Patel explain',
    });
  });

  it('diverges from the configured number of steps on', () => {
    const votes = [aVote('Ana', '3'), aVote('Raj', '8')];
    expect(computeDivergence({ scale: 'fibonacci', divergenceSteps: 2, votes })?.diverges).toBe(true);
    expect(computeDivergence({ scale: 'fibonacci', divergenceSteps: 3, votes })?.diverges).toBe(false);
    expect(computeDivergence({ scale: 'fibonacci', divergenceSteps: 3, votes })?.summary).toBe('3 vs 8 — close enough to agree');
  });

  it('joins several voters at one extreme naturally', () => {
    const divergence = computeDivergence({
      scale: 'fibonacci',
      divergenceSteps: 2,
      votes: [aVote('Ana', '2'), aVote('Bo', '2'), aVote('Raj', '8')],
    });
    expect(divergence?.low).toEqual(['Ana', 'Bo']);
    expect(divergence?.summary).toBe('2 vs 8 — Ana, Bo and Raj explain');
  });

  it('counts T-shirt sizes in positions and ratios in points', () => {
    const divergence = computeDivergence({
      scale: 't-shirt',
      tshirtPoints: { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 },
      divergenceSteps: 2,
      votes: [aVote('Ana', 'S'), aVote('Raj', 'XL')],
    });
    expect(divergence).toMatchObject({ steps: 3, ratio: 4, lowValue: 'S', highValue: 'XL', diverges: true });
    expect(divergence?.summary).toBe('S vs XL — Ana and Raj explain');
  });

  it('ignores "?", coffee and values off the scale', () => {
    const divergence = computeDivergence({
      scale: 'fibonacci',
      divergenceSteps: 2,
      votes: [aVote('Ana', '5'), aVote('Bo', '?'), aVote('Cy', 'coffee'), aVote('Di', '4'), aVote('Raj', '5')],
    });
    expect(divergence).toMatchObject({ steps: 0, diverges: false, summary: 'everyone voted 5' });
    expect(divergence?.high).toEqual(['Ana', 'Raj']);
  });

  it('has no divergence with fewer than two numeric votes', () => {
    expect(computeDivergence({ scale: 'fibonacci', divergenceSteps: 2, votes: [aVote('Ana', '8')] })).toBeNull();
    expect(computeDivergence({ scale: 'fibonacci', divergenceSteps: 2, votes: [aVote('Ana', '8'), aVote('Bo', '?')] })).toBeNull();
    expect(computeDivergence({ scale: 'fibonacci', divergenceSteps: 2, votes: [] })).toBeNull();
  });

  it('has no ratio when the lowest vote is 0', () => {
    const divergence = computeDivergence({ scale: 'fibonacci', divergenceSteps: 2, votes: [aVote('Ana', '0'), aVote('Raj', '2')] });
    expect(divergence).toMatchObject({ steps: 3, ratio: null });
  });
});

describe('joinNames', () => {
  it('lists names as a sentence would', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Ana'])).toBe('Ana');
    expect(joinNames(['Ana', 'Raj'])).toBe('Ana and Raj');
    expect(joinNames(['Ana', 'Bo', 'Raj'])).toBe('Ana, Bo and Raj');
  });
});
