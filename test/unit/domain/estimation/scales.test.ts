import { cardPoints, isValidCard, scaleCards } from '../../../../src/domain/estimation';

const tshirtPoints = { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 };

describe('scaleCards', () => {
  it('lists the Fibonacci deck with "?" and coffee last', () => {
    expect(scaleCards({ scale: 'fibonacci' }).map((c) => c.value)).toEqual(['0', '0.5', '1', '2', '3', '5', '8', '13', '21', '?', 'coffee']);
  });

  it('lists powers of two', () => {
    expect(scaleCards({ scale: 'powers-of-two' }).map((c) => c.value)).toEqual(['0', '1', '2', '4', '8', '16', '32', '?', 'coffee']);
  });

  it('takes T-shirt points from the settings', () => {
    const cards = scaleCards({ scale: 't-shirt', tshirtPoints: { ...tshirtPoints, M: 4 } });
    expect(cards.map((c) => c.value)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL', '?', 'coffee']);
    expect(cards.find((c) => c.value === 'M')?.points).toBe(4);
  });

  it('gives "?" and coffee no points', () => {
    const cards = scaleCards({ scale: 'fibonacci' });
    expect(cards.filter((c) => c.points === null).map((c) => c.value)).toEqual(['?', 'coffee']);
  });
});

describe('cardPoints and isValidCard', () => {
  it('reads points of numeric and T-shirt cards', () => {
    expect(cardPoints({ scale: 'fibonacci', value: '0.5' })).toBe(0.5);
    expect(cardPoints({ scale: 't-shirt', tshirtPoints, value: 'XL' })).toBe(8);
    expect(cardPoints({ scale: 'fibonacci', value: '?' })).toBeNull();
  });

  it('rejects values that are not on the scale', () => {
    expect(isValidCard({ scale: 'fibonacci', value: '4' })).toBe(false);
    expect(isValidCard({ scale: 'powers-of-two', value: '4' })).toBe(true);
    expect(isValidCard({ scale: 't-shirt', value: 'coffee' })).toBe(true);
    expect(cardPoints({ scale: 'fibonacci', value: '4' })).toBeNull();
  });
});
