/**
 * Ballots, `vote:<issueId>:<n>:<slot>`: the slot-th vote cast in round n. A ballot is created once
 * (FAIL_IF_EXISTS) in the first free slot, so voters who vote at the same moment each get a slot of
 * their own and no vote ever overwrites another; a voter who changes their mind adds a ballot, and
 * their latest one counts.
 *
 * Slot k is only ever tried after slot k−1 was seen taken, so a round's ballots are always slots
 * 1…m without a gap, and strictly consistent reads (batched `kvs.get`) find every one of them by
 * reading slots until the first free one. `kvs.query` could not be used: it is only eventually
 * consistent (storage-reference/kvs "Data consistency") and could miss a ballot cast a moment ago,
 * which a reveal must not.
 */
import { z } from 'zod';
import type { StoredVote } from '../usecases/ports';
import { BATCH_SIZE, createIfAbsent, readExact } from './kvs-access';
import { storeKeys } from './keys';

/** A round takes at most this many ballots (changed votes included), so reading one stays bounded. */
export const MAX_BALLOTS = 500;

export interface Ballot extends StoredVote {
  slot: number;
}

const ballotSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string(),
  value: z.string(),
  votedAt: z.string(),
  roundNumber: z.number().int().positive(),
  slot: z.number().int().positive(),
  reason: z.string().max(280).optional(),
}) satisfies z.ZodType<Ballot>;

const slotsFrom = (from: number, count: number): number[] =>
  Array.from({ length: Math.max(0, Math.min(count, MAX_BALLOTS - from + 1)) }, (_, index) => from + index);

export function ballotKeys(params: { issueId: string; roundNumber: number; from: number; count: number }): string[] {
  return slotsFrom(params.from, params.count).map((slot) => storeKeys.ballot({ issueId: params.issueId, roundNumber: params.roundNumber, slot }));
}

/**
 * The ballots of round n in slot order, up to the first free slot. `prefetched` holds raw values of
 * slots `from`… that the caller already read in the same batch as other records (one call less).
 * `taken` counts the slots in use, a corrupt one included: it still holds its slot.
 */
export async function readBallots(params: {
  issueId: string;
  roundNumber: number;
  prefetched?: { count: number; found: Map<string, unknown> };
}): Promise<{ ballots: Ballot[]; taken: number }> {
  const { issueId, roundNumber } = params;
  const ballots: Ballot[] = [];
  let next = 1;
  let batch = params.prefetched ?? null;
  while (next <= MAX_BALLOTS) {
    const count = batch?.count ?? BATCH_SIZE;
    const keys = ballotKeys({ issueId, roundNumber, from: next, count });
    const found = batch?.found ?? (await readExact(keys));
    batch = null;
    for (const key of keys) {
      if (!found.has(key)) return { ballots, taken: next - 1 };
      const parsed = ballotSchema.safeParse(found.get(key));
      // The key names round and slot; a value claiming others is not trusted.
      if (parsed.success && parsed.data.roundNumber === roundNumber && parsed.data.slot === next) ballots.push(parsed.data);
      next += 1;
    }
  }
  return { ballots, taken: next - 1 };
}

/**
 * Stores the vote in the first free slot from `firstFree` on and returns that slot, or null when
 * the round is full. A slot someone else took in the meantime is proof it is taken: the next one
 * is tried, so slots stay gapless.
 */
export async function appendBallot(params: { issueId: string; roundNumber: number; vote: Omit<StoredVote, 'roundNumber'>; firstFree: number }): Promise<number | null> {
  const { issueId, roundNumber, vote } = params;
  for (let slot = params.firstFree; slot <= MAX_BALLOTS; slot++) {
    const ballot: Ballot = { ...vote, roundNumber, slot };
    if (await createIfAbsent({ key: storeKeys.ballot({ issueId, roundNumber, slot }), value: ballot })) return slot;
  }
  return null;
}

/** Each voter's latest ballot among the first `upTo` slots (all when omitted), oldest vote first. */
export function countedVotes(params: { ballots: Ballot[]; upTo?: number }): StoredVote[] {
  const latest = new Map<string, Ballot>();
  for (const ballot of params.ballots) {
    if (params.upTo !== undefined && ballot.slot > params.upTo) continue;
    const seen = latest.get(ballot.accountId);
    if (!seen || seen.slot < ballot.slot) latest.set(ballot.accountId, ballot);
  }
  return [...latest.values()]
    .sort((a, b) => a.votedAt.localeCompare(b.votedAt) || a.slot - b.slot)
    .map(({ accountId, displayName, value, votedAt, roundNumber, reason }) => ({ accountId, displayName, value, votedAt, roundNumber, ...(reason === undefined ? {} : { reason }) }));
}
