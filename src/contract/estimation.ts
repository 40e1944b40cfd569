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
  reason?: string | null;
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
  /** The caller's own reason for their vote, if they gave one. */
  myReason: string | null;
  /** The project shows revealed values without names (then `votes` is empty and no voter is named next to a value). */
  anonymous: boolean;
  /** After the reveal: every counted vote with its reason, highest and lowest voters first. */
  revealedVotes: RevealedVote[];
  /** People expected to vote who have not yet (see `expectedVotersRule` for who counts). */
  notVoted: { accountId: string; displayName: string }[];
  /** Plain words: whose absence `notVoted` lists. */
  expectedVotersRule: string;
  /** Whether the caller may reveal, start a new round, accept and run the timer; `reason` says why not. */
  facilitation: { canFacilitate: boolean; rule: string; reason?: string };
  /** The round's timer as stored; browsers count down from `endsAt`. */
  timer: RoundTimer | null;
  /** How the suggested estimate was chosen (null without numeric votes). */
  suggestion: Suggestion | null;
  /** Earlier rounds of this issue, newest first (the current round is not repeated here). */
  history: RoundRecord[];
}

/** A short reason may travel with a vote; longer ones are refused. */
export const MAX_REASON_LENGTH = 280;

export interface RevealedVote {
  value: CardValue;
  reason: string | null;
  /** Null in anonymous mode: the value travels without anyone's name. */
  voter: { accountId: string; displayName: string } | null;
  /** The vote is among the highest or lowest numeric votes of the round. */
  extreme: 'high' | 'low' | null;
}

export interface RoundTimer {
  startedAt: string;
  endsAt: string;
  seconds: number;
}

export interface Suggestion {
  value: CardValue;
  /** e.g. "Median of 5 votes: 5." or "Even count (4 votes): the middle votes are S and L; S is proposed because …". */
  explanation: string;
}

/** One round as history keeps it. */
export interface RoundRecord {
  roundNumber: number;
  revealed: boolean;
  /** Revealed votes only (an unrevealed round keeps its values private); highest and lowest first. */
  votes: RevealedVote[];
  voterCount: number;
  divergence?: Divergence;
  /** `byName` is empty in anonymous mode. */
  accepted?: { value: CardValue; points: number; byName: string; at: string };
}

/** One agenda item in "estimate in a row": its own round and just enough readiness to steer the talk. */
export interface AgendaRound {
  issue: { key: string; summary: string; issueType: string };
  readiness: {
    /** Null when excluded from the Definition of Ready (`excluded`): neither ready nor not ready. */
    ready: boolean | null;
    score: number | null;
    threshold: number;
    estimate: number | null;
    excluded: boolean;
    /** Names of the required criteria that fail: these keep the item from ready. */
    failing: string[];
    /** Names of the other criteria that are not met (not required): gaps worth a thought. */
    toConsider: string[];
  };
  round: EstimationRound;
}
