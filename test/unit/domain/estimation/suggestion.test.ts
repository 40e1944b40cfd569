import { suggestEstimate } from '../../../../src/domain/estimation';

const fibonacci = (...values: string[]) => suggestEstimate({ scale: 'fibonacci', values });
const tshirt = (...values: string[]) => suggestEstimate({ scale: 't-shirt', values });

describe('suggestEstimate', () => {
  it('takes the middle vote of an odd count and says it is the median', () => {
    expect(fibonacci('3', '13', '5')).toEqual({ value: '5', explanation: 'Median of 3 votes: 5.' });
  });

  it('S vs L: says M lies between them and proposes M, the card halfway, naming S and L as alternatives', () => {
    const suggestion = tshirt('S', 'L');
    expect(suggestion?.value).toBe('M');
    expect(suggestion?.explanation).toContain('the two middle votes are S and L, with M between them on the scale');
    expect(suggestion?.explanation).toContain('M lies halfway between them and is proposed');
    expect(suggestion?.explanation).toContain('Alternatives: S or L');
    expect(suggestion?.explanation).not.toContain('no card');
  });

  it('3 vs 13: names 5 and 8 between them; halfway falls between those, so it says which one is proposed and why', () => {
    const tie = fibonacci('3', '13');
    expect(tie?.value).toBe('8');
    expect(tie?.explanation).toContain('with 5 and 8 between them on the scale');
    expect(tie?.explanation).toContain('Halfway falls between 5 and 8');
    expect(tie?.explanation).toContain('so the higher one, 8, is proposed');
    expect(tie?.explanation).toContain('Alternatives: 5, 3 or 13');
    expect(tie?.explanation).not.toContain('no card');
    const leaning = fibonacci('3', '3', '13', '21');
    expect(leaning?.value).toBe('5');
    expect(leaning?.explanation).toContain('5 is proposed, the one nearer to 3, which more people chose (2 vs 1)');
  });

  it('says "no card between" only for neighbours on the scale; a tie there proposes the higher one and says why', () => {
    const suggestion = tshirt('S', 'M');
    expect(suggestion?.value).toBe('M');
    expect(suggestion?.explanation).toContain('the two middle votes are S and M, neighbours on the scale with no card between them');
    expect(suggestion?.explanation).toContain('As many people chose each, so the higher one, M, is proposed');
    expect(suggestion?.explanation).toContain('Pick S if the discussion settled on it');
  });

  it('proposes the neighbouring middle vote more people chose, and the halfway card when cards lie between', () => {
    const more = tshirt('S', 'S', 'M', 'XL');
    expect(more?.value).toBe('S');
    expect(more?.explanation).toContain('S is proposed because more people chose it (2 vs 1)');
    const between = tshirt('S', 'S', 'L', 'XL');
    expect(between?.value).toBe('M');
    expect(between?.explanation).toContain('M lies halfway between them and is proposed');
    const same = fibonacci('2', '3', '5', '5', '5', '8');
    expect(same?.value).toBe('5');
    expect(same?.explanation).toContain('both middle votes are 5');
  });

  it('leaves out ? and coffee and says so; null without a numeric vote', () => {
    expect(fibonacci('?', '2', 'coffee')).toEqual({ value: '2', explanation: 'The only vote (2 votes without a size left out): 2.' });
    expect(fibonacci('?', 'coffee')).toBeNull();
  });
});
