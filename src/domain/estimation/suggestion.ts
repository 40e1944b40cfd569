import type { CardValue, ScaleCard, Suggestion } from '../../contract/estimation';
import { joinNames } from './join-names';
import { numericCards, type ScaleParams } from './scales';

/**
 * The estimate to propose after a reveal, and in plain words how it was chosen. The median is
 * taken over scale positions (not points), so it is always a card of the scale and the
 * explanation always says which card and why: never a silent round-up.
 *
 * - Odd count: the middle vote.
 * - Even count, both middle votes equal: that vote.
 * - Even count, two different middle votes that are neighbours on the scale (no card between
 *   them): the one more people chose; when as many chose each, the higher one, and the
 *   explanation says so (a tie is unresolved uncertainty, which usually means more work),
 *   naming the lower one as the alternative.
 * - Even count, cards between the two middle votes (S vs L, 3 vs 13): the card halfway between
 *   them by scale position (M), which is the median over positions. When halfway falls between
 *   two cards (3 vs 13: 5 and 8), the one nearer to the middle vote more people chose, or, when
 *   as many chose each, the higher one, said in so many words. The other cards are named as
 *   alternatives.
 *
 * "?", "coffee" and values that are not on the scale are left out and counted in the explanation.
 * Null without a numeric vote.
 */
export function suggestEstimate({ values, ...scale }: ScaleParams & { values: readonly CardValue[] }): Suggestion | null {
  const cards = numericCards(scale);
  const positions = new Map(cards.map((card, position) => [card.value, position]));
  const placed = values.flatMap((value) => {
    const position = positions.get(value);
    return position === undefined ? [] : [position];
  });
  const skipped = values.length - placed.length;
  const skippedNote = skipped === 0 ? '' : ` (${skipped} ${skipped === 1 ? 'vote' : 'votes'} without a size left out)`;
  if (placed.length === 0) return null;
  placed.sort((a, b) => a - b);
  const count = placed.length;
  const counted = `${count} ${count === 1 ? 'vote' : 'votes'}${skippedNote}`;
  const middle = Math.floor(count / 2);
  if (count % 2 === 1) {
    const value = cardAt(cards, placed[middle]);
    return { value, explanation: count === 1 ? `The only vote${skippedNote}: ${value}.` : `Median of ${counted}: ${value}.` };
  }
  const lower = cardAt(cards, placed[middle - 1]);
  const upper = cardAt(cards, placed[middle]);
  if (lower === upper) return { value: lower, explanation: `Median of ${counted}: both middle votes are ${lower}.` };
  const lowerPosition = placed[middle - 1] ?? 0;
  const upperPosition = placed[middle] ?? 0;
  const lowerCount = placed.filter((position) => position === lowerPosition).length;
  const upperCount = placed.filter((position) => position === upperPosition).length;
  const between = cards.slice(lowerPosition + 1, upperPosition).map((card) => card.value);
  if (between.length === 0) {
    const intro = `Even count (${counted}): the two middle votes are ${lower} and ${upper}, neighbours on the scale with no card between them.`;
    if (lowerCount > upperCount) return { value: lower, explanation: `${intro} ${lower} is proposed because more people chose it (${lowerCount} vs ${upperCount}).` };
    if (upperCount > lowerCount) return { value: upper, explanation: `${intro} ${upper} is proposed because more people chose it (${upperCount} vs ${lowerCount}).` };
    return {
      value: upper,
      explanation: `${intro} As many people chose each, so the higher one, ${upper}, is proposed: an open disagreement usually means more work. Pick ${lower} if the discussion settled on it.`,
    };
  }
  const intro = `Even count (${counted}): the two middle votes are ${lower} and ${upper}, with ${joinNames(between)} between them on the scale.`;
  const alternativesOf = (value: CardValue): string => `Alternatives: ${joinOr([...between, lower, upper].filter((card) => card !== value))}.`;
  if ((lowerPosition + upperPosition) % 2 === 0) {
    const value = cardAt(cards, (lowerPosition + upperPosition) / 2);
    return { value, explanation: `${intro} ${value} lies halfway between them and is proposed. ${alternativesOf(value)}` };
  }
  // Halfway falls between two cards: neither is "the" median, so the choice and its reason are spelled out.
  const nearLower = cardAt(cards, (lowerPosition + upperPosition - 1) / 2);
  const nearUpper = cardAt(cards, (lowerPosition + upperPosition + 1) / 2);
  const halfway = `Halfway falls between ${nearLower} and ${nearUpper}.`;
  if (lowerCount > upperCount) {
    return { value: nearLower, explanation: `${intro} ${halfway} ${nearLower} is proposed, the one nearer to ${lower}, which more people chose (${lowerCount} vs ${upperCount}). ${alternativesOf(nearLower)}` };
  }
  if (upperCount > lowerCount) {
    return { value: nearUpper, explanation: `${intro} ${halfway} ${nearUpper} is proposed, the one nearer to ${upper}, which more people chose (${upperCount} vs ${lowerCount}). ${alternativesOf(nearUpper)}` };
  }
  return {
    value: nearUpper,
    explanation: `${intro} ${halfway} As many people chose ${lower} as ${upper}, so the higher one, ${nearUpper}, is proposed: an open disagreement usually means more work. ${alternativesOf(nearUpper)}`,
  };
}

/** "5, 3 or 13": alternatives listed the way English writes a choice (Intl.ListFormat, disjunction). */
function joinOr(values: readonly string[]): string {
  return new Intl.ListFormat('en-GB', { style: 'long', type: 'disjunction' }).format(values);
}

function cardAt(cards: readonly ScaleCard[], position: number | undefined): CardValue {
  return cards[position ?? 0]?.value ?? '';
}
