import type { CardValue, Divergence, ScaleCard, Vote } from '../../contract/estimation';
import { joinNames } from './join-names';
import { numericCards, type ScaleParams } from './scales';

export interface DivergenceParams extends ScaleParams {
  votes: readonly Vote[];
  /** Votes this many scale positions apart or more diverge (settings.estimation.divergenceSteps). */
  divergenceSteps: number;
  /**
   * Anonymous mode: nobody is named. `high` and `low` stay empty and the summary explains the
   * divergence by the values alone, so no name can travel next to a value.
   */
  anonymous?: boolean;
}

interface PlacedVote {
  vote: Vote;
  position: number;
  card: ScaleCard;
}

/**
 * How far apart the revealed votes are. "?" and "coffee" say nothing about size and are ignored,
 * as are values that are not on the scale (e.g. votes cast before the scale changed).
 * Returns null with fewer than two numeric votes: one opinion cannot disagree with itself.
 */
export function computeDivergence({ votes, divergenceSteps, anonymous = false, ...scale }: DivergenceParams): Divergence | null {
  const placed = placeVotes({ votes, cards: numericCards(scale) });
  if (placed.length < 2) return null;
  const lowest = placed.reduce((a, b) => (b.position < a.position ? b : a));
  const highest = placed.reduce((a, b) => (b.position > a.position ? b : a));
  const steps = highest.position - lowest.position;
  const low = anonymous ? [] : uniqueNames(placed.filter((p) => p.position === lowest.position));
  const high = anonymous ? [] : uniqueNames(placed.filter((p) => p.position === highest.position));
  const lowPoints = lowest.card.points ?? 0;
  const highPoints = highest.card.points ?? 0;
  const diverges = steps > 0 && steps >= divergenceSteps;
  return {
    steps,
    ratio: lowPoints === 0 ? null : highPoints / lowPoints,
    high,
    low,
    highValue: highest.card.value,
    lowValue: lowest.card.value,
    diverges,
    summary: summarize({ steps, diverges, lowValue: lowest.card.value, highValue: highest.card.value, low, high }),
  };
}

function placeVotes({ votes, cards }: { votes: readonly Vote[]; cards: readonly ScaleCard[] }): PlacedVote[] {
  const positions = new Map(cards.map((card, position) => [card.value, { card, position }]));
  const placed: PlacedVote[] = [];
  for (const vote of votes) {
    const hit = positions.get(vote.value);
    if (hit) placed.push({ vote, ...hit });
  }
  return placed;
}

function uniqueNames(placed: readonly PlacedVote[]): string[] {
  return [...new Set(placed.map((p) => p.vote.displayName))];
}

function summarize(params: {
  steps: number;
  diverges: boolean;
  lowValue: CardValue;
  highValue: CardValue;
  low: string[];
  high: string[];
}): string {
  if (params.steps === 0) return `everyone voted ${params.lowValue}`;
  const range = `${params.lowValue} vs ${params.highValue}`;
  if (!params.diverges) return `${range} — close enough to agree`;
  // The lowest and highest voters explain first: their reasons expose the hidden complexity.
  const explainers = [...new Set([...params.low, ...params.high])];
  if (explainers.length === 0) return `${range} — whoever voted ${params.lowValue} and ${params.highValue} explain`;
  return `${range} — ${joinNames(explainers)} explain`;
}
