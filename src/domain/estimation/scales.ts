import type { CardValue, ScaleCard, ScaleId } from '../../contract/estimation';
import type { TshirtSize } from '../../contract/settings';

/** Cards that carry no points: "I cannot estimate this" and "I need a break". */
const UNSURE_CARD = '?';
const COFFEE_CARD = 'coffee';

/**
 * Used only when a caller has no settings at hand; the settings defaults should hold the
 * same values so a team that never touched them sees the same points everywhere.
 */
const DEFAULT_TSHIRT_POINTS: Readonly<Record<TshirtSize, number>> = { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 };

export interface ScaleParams {
  scale: ScaleId;
  /** Points per T-shirt size (settings.estimation.tshirtPoints); ignored by numeric scales. */
  tshirtPoints?: Readonly<Record<TshirtSize, number>>;
}

const FIBONACCI = [0, 0.5, 1, 2, 3, 5, 8, 13, 21];
const POWERS_OF_TWO = [0, 1, 2, 4, 8, 16, 32];
const TSHIRT_ORDER: readonly TshirtSize[] = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

const NON_NUMERIC: readonly ScaleCard[] = [
  { value: UNSURE_CARD, points: null },
  { value: COFFEE_CARD, points: null },
];

/** The deck a voter sees, in scale order, numeric cards first, then "?" and "coffee". */
export function scaleCards({ scale, tshirtPoints = DEFAULT_TSHIRT_POINTS }: ScaleParams): ScaleCard[] {
  return [...numericCards({ scale, tshirtPoints }), ...NON_NUMERIC];
}

/** Only the cards that stand for points, in scale order: the positions divergence counts in. */
export function numericCards({ scale, tshirtPoints = DEFAULT_TSHIRT_POINTS }: ScaleParams): ScaleCard[] {
  switch (scale) {
    case 'fibonacci':
      return FIBONACCI.map((points) => ({ value: String(points), points }));
    case 'powers-of-two':
      return POWERS_OF_TWO.map((points) => ({ value: String(points), points }));
    case 't-shirt':
      return TSHIRT_ORDER.map((size) => ({ value: size, points: tshirtPoints[size] }));
  }
}

/** Whether `value` is a card of this scale (numeric or not). */
export function isValidCard({ value, ...scale }: ScaleParams & { value: CardValue }): boolean {
  return scaleCards(scale).some((card) => card.value === value);
}

/** Points of a card; null for "?", "coffee" and values that are not on the scale. */
export function cardPoints({ value, ...scale }: ScaleParams & { value: CardValue }): number | null {
  return numericCards(scale).find((card) => card.value === value)?.points ?? null;
}

