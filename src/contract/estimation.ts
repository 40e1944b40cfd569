export const SCALE_IDS = ['fibonacci', 't-shirt', 'powers-of-two'] as const;
export type ScaleId = (typeof SCALE_IDS)[number];

/** A card value as the voter sees it: "5", "0.5", "?", "coffee", "M". */
export type CardValue = string;

export interface ScaleCard {
  value: CardValue;
  /** Story points the card stands for; null for "?" and "coffee". */
  points: number | null;
}

export interface Vote {
  accountId: string;
  displayName: string;
  value: CardValue;
}

export interface Divergence {
  /** Distance in scale steps between the lowest and highest numeric vote. */
  steps: number;
  /** Highest / lowest numeric vote (null when the lowest is 0). */
  ratio: number | null;
  /** Display names of the highest voters. */
  high: string[];
  low: string[];
  highValue: CardValue;
  lowValue: CardValue;
  diverges: boolean;
  /** "3 vs 13 — Ana and Raj explain". */
  summary: string;
}

export interface EstimationRound {
  scale: ScaleId;
  cards: ScaleCard[];
  revealed: boolean;
  /** The caller's own vote, if any. */
  myVote: CardValue | null;
  /** Empty until revealed: nobody's browser receives other people's values before reveal. */
  votes: Vote[];
  /** Who has voted (names only; always visible). */
  voters: { accountId: string; displayName: string }[];
  voterCount: number;
  divergence?: Divergence;
  /** Set once an estimate was accepted and written to Jira. */
  accepted?: { value: CardValue; points: number; by: string; byName: string; at: string };
  /** Incremented on reset, so a stale reveal cannot reveal a new round. */
  roundNumber: number;
}
