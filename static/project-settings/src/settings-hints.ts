import type { ProjectSettings, ScaleId, TshirtSize } from '../../../src/contract';

type Estimation = Pick<ProjectSettings['estimation'], 'scale' | 'tshirtPoints'>;

export const SCALE_NAMES: Record<ScaleId, string> = { fibonacci: 'Fibonacci', 't-shirt': 'T-shirt sizes', 'powers-of-two': 'Powers of two' };

/**
 * The numeric cards of each deck in scale order, as the estimation engine counts steps
 * (src/domain/estimation/scales.ts; the UI may not import the domain, and
 * test/unit/ui/settings-helpers.test.ts fails if the two ever disagree).
 */
const FIBONACCI = [0, 0.5, 1, 2, 3, 5, 8, 13, 21];
const POWERS_OF_TWO = [0, 1, 2, 4, 8, 16, 32];
const TSHIRT_ORDER: readonly TshirtSize[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

export interface HintCard {
  value: string;
  points: number;
}

export function hintCards(e: Estimation): HintCard[] {
  switch (e.scale) {
    case 'fibonacci':
      return FIBONACCI.map((points) => ({ value: String(points), points }));
    case 'powers-of-two':
      return POWERS_OF_TWO.map((points) => ({ value: String(points), points }));
    case 't-shirt':
      return TSHIRT_ORDER.map((size) => ({ value: size, points: e.tshirtPoints[size] }));
  }
}

/** "On Fibonacci, 2 and 8 are 3 steps apart: such votes diverge." with a pair from the chosen deck. */
export function divergenceHint(e: Estimation & { steps: number }): string {
  const cards = hintCards(e);
  const name = SCALE_NAMES[e.scale];
  if (!Number.isInteger(e.steps) || e.steps < 1) return `Counted in cards of the ${name} deck.`;
  if (e.steps >= cards.length) return `${name} has ${cards.length} cards, so no two votes are ${e.steps} steps apart: votes never diverge.`;
  // Start low in the deck but past 0 / ½ so the example reads like a real disagreement.
  const start = Math.max(0, Math.min(cards.length - 1 - e.steps, Math.floor(cards.length / 3)));
  const low = cards[start]?.value ?? '';
  const high = cards[start + e.steps]?.value ?? '';
  return `On ${name}, ${low} and ${high} are ${e.steps} step${e.steps === 1 ? '' : 's'} apart: such votes diverge.`;
}

/** What the size limit means in the chosen deck: which cards are flagged too big. */
export function sizeLimitHint(e: Estimation & { maxPoints: number }): string {
  if (!Number.isFinite(e.maxPoints)) return 'Larger items are flagged too big.';
  const above = hintCards(e).filter((c) => c.points > e.maxPoints);
  if (above.length === 0) return `No ${SCALE_NAMES[e.scale]} card is above ${e.maxPoints} points, so nothing is flagged too big.`;
  const names = above.map((c) => (e.scale === 't-shirt' ? `${c.value} (${c.points})` : c.value)).join(', ');
  return e.scale === 't-shirt' ? `Flagged too big: ${names}.` : `Flagged too big: ${names} points.`;
}
