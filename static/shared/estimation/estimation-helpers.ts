import type { CardValue, EstimationRound, ScaleCard } from '../../../src/contract';

/** Card values that stand for story points ("?" and "coffee" do not). */
export function numericCards(cards: ScaleCard[]): ScaleCard[] {
  return cards.filter((card): card is ScaleCard & { points: number } => card.points !== null);
}

export interface VoterRow {
  accountId: string;
  displayName: string;
  /** Only after reveal. */
  value: CardValue | null;
  isMe: boolean;
}

/** One row per voter; values appear only once the round is revealed. */
export function voterRows(args: { round: Pick<EstimationRound, 'voters' | 'votes' | 'revealed'>; myAccountId: string | null }): VoterRow[] {
  const valueById = new Map(args.round.votes.map((v) => [v.accountId, v.value]));
  const rows: VoterRow[] = args.round.voters.map((voter) => ({
    accountId: voter.accountId,
    displayName: voter.displayName,
    value: args.round.revealed ? (valueById.get(voter.accountId) ?? null) : null,
    isMe: voter.accountId === args.myAccountId,
  }));
  // Votes revealed for someone missing from `voters` still count.
  if (args.round.revealed) {
    for (const vote of args.round.votes) {
      if (!rows.some((r) => r.accountId === vote.accountId)) {
        rows.push({ accountId: vote.accountId, displayName: vote.displayName, value: vote.value, isMe: vote.accountId === args.myAccountId });
      }
    }
  }
  return rows;
}

/**
 * Who accepted the estimate, as people read it: "you", or their display name.
 * Null when no name is known (an accountId is never shown).
 */
export function acceptedByName(args: { accepted: NonNullable<EstimationRound['accepted']>; myAccountId: string | null }): string | null {
  if (args.accepted.by === args.myAccountId) return 'you';
  return args.accepted.byName.trim() === '' ? null : args.accepted.byName;
}
