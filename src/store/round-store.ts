/**
 * Estimation rounds over plain KVS, with records that are created once and never rewritten
 * (`kvs.set` with `keyPolicy: 'FAIL_IF_EXISTS'`, storage-reference/kvs-api "Change write conflict
 * strategy") and only strictly consistent reads (`kvs.get`, batched; storage-reference/kvs "Data
 * consistency"). Plain KVS has no compare-and-set and its transactions take conditions only for
 * Custom Entities (storage-reference/transactions-entities), so every fact gets a key of its own:
 *
 * - `round:<issueId>:<n>` round n started. Round n+1 is created only after round n exists, so the
 *   round records are 1…m without a gap and the current round is the highest one found. Two
 *   resets from round n both try to create n+1 and only one can: the number rises by exactly one.
 * - `round:<issueId>:<n>:closed` a reveal of round n began: no vote is taken any more.
 * - `round:<issueId>:<n>:revealed` `{ ballots: K }`: the votes that count are those in slots 1…K
 *   (vote-store.ts), K read after the round was closed.
 * - `round:<issueId>:<n>:accepted` the estimate accepted in round n (the last accept of a round wins,
 *   as it does in Jira's field); it never touches another record.
 *
 * Why a vote cast during a reveal is either counted or refused, never lost: the reveal closes the
 * round first and only then counts the slots; the voter stores their ballot first and only then
 * looks for the close. If the voter finds no close, their ballot was stored before the round was
 * closed, so the count (read after the close) includes it. If they find the close, they compare
 * their slot with K (finishing the reveal themselves when the revealer has not yet): a slot past
 * K is refused with a clear message. A reset is checked the same way after the ballot is stored.
 *
 * - `round:<issueId>:<n>:timer` the timer a facilitator started in round n (the latest start wins;
 *   like the accept it touches no other record, so it cannot undo a vote, reveal or reset).
 *
 * Every record carries its round number, so round history can be read back round by round: a new
 * round never deletes the records of the one before, and a vote's reason lives in its own ballot.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { CastVoteOutcome, RoundSnapshot, RoundState, StoredVote, Stores } from '../usecases/ports';
import { BATCH_SIZE, createIfAbsent, readExact } from './kvs-access';
import { storeKeys } from './keys';
import { appendBallot, ballotKeys, countedVotes, readBallots } from './vote-store';

/** Guards the search for the current round (100 batch reads); no team re-estimates an issue this often. */
const MAX_ROUNDS = 2_500;
/** Issues whose rounds are read at the same time when scoring many. */
const READ_CONCURRENCY = 8;
/** The four round records read together with the first ballots, in one batch of 25. */
const RECORDS_PER_ROUND = 4;

const closedSchema = z.object({ roundNumber: z.number().int().positive(), at: z.string(), by: z.string() });
const revealedSchema = z.object({
  roundNumber: z.number().int().positive(),
  revealedAt: z.string(),
  revealedBy: z.string(),
  ballots: z.number().int().nonnegative(),
});
const timerSchema = z.object({
  roundNumber: z.number().int().positive(),
  startedAt: z.string(),
  endsAt: z.string(),
  seconds: z.number().int().nonnegative(),
  by: z.string(),
});
const acceptedSchema = z.object({
  roundNumber: z.number().int().positive(),
  value: z.string(),
  points: z.number(),
  by: z.string(),
  byName: z.string().default(''),
  at: z.string(),
});

/** Only its existence is read back; the rest is for people and round history. */
interface RoundStart {
  roundNumber: number;
  startedAt: string;
  startedBy: string;
}
type Closed = z.infer<typeof closedSchema>;
type Accepted = NonNullable<RoundState['accepted']>;

const keysOf = (issueId: string, roundNumber: number) => ({
  start: storeKeys.roundStart({ issueId, roundNumber }),
  next: storeKeys.roundStart({ issueId, roundNumber: roundNumber + 1 }),
  closed: storeKeys.roundClosed({ issueId, roundNumber }),
  revealed: storeKeys.roundRevealed({ issueId, roundNumber }),
  accepted: storeKeys.roundAccepted({ issueId, roundNumber }),
  timer: storeKeys.roundTimer({ issueId, roundNumber }),
});

/** The highest round that started, or 0 when nobody ever estimated the issue. */
async function currentRoundNumber(issueId: string): Promise<number> {
  let current = 0;
  for (let from = 1; from <= MAX_ROUNDS; from += BATCH_SIZE) {
    const numbers = Array.from({ length: BATCH_SIZE }, (_, index) => from + index);
    const found = await readExact(numbers.map((roundNumber) => storeKeys.roundStart({ issueId, roundNumber })));
    const started = numbers.filter((roundNumber) => found.has(storeKeys.roundStart({ issueId, roundNumber })));
    if (started.length === 0) break;
    current = Math.max(...started);
    if (started.length < numbers.length) break;
  }
  return current;
}

/** The current round, creating round 1 when there is none yet (so later rounds never leave a gap). */
async function ensureRound(params: { issueId: string; at: string; by: string }): Promise<number> {
  const current = await currentRoundNumber(params.issueId);
  if (current > 0) return current;
  await createIfAbsent({ key: storeKeys.roundStart({ issueId: params.issueId, roundNumber: 1 }), value: roundStart({ roundNumber: 1, ...params }) });
  return 1;
}

const roundStart = (params: { roundNumber: number; at: string; by: string }): RoundStart => ({
  roundNumber: params.roundNumber,
  startedAt: params.at,
  startedBy: params.by,
});

/**
 * Counts the ballots of a closed round and fixes that count as the reveal, once: whoever creates
 * the record first decides, and everyone else reads that count back. Returns it.
 */
async function finishReveal(params: { issueId: string; roundNumber: number; closed: Closed }): Promise<number> {
  const { issueId, roundNumber, closed } = params;
  const keys = keysOf(issueId, roundNumber);
  const { taken } = await readBallots({ issueId, roundNumber });
  const record: z.infer<typeof revealedSchema> = { roundNumber, revealedAt: closed.at, revealedBy: closed.by, ballots: taken };
  if (await createIfAbsent({ key: keys.revealed, value: record })) return taken;
  const existing = revealedSchema.safeParse((await readExact([keys.revealed])).get(keys.revealed));
  return existing.success ? existing.data.ballots : taken;
}

async function readSnapshot(params: { issueId: string; roundNumber: number }): Promise<RoundSnapshot> {
  const { issueId, roundNumber } = params;
  const keys = keysOf(issueId, roundNumber);
  const prefetchCount = BATCH_SIZE - RECORDS_PER_ROUND;
  const found = await readExact([keys.closed, keys.revealed, keys.accepted, keys.timer, ...ballotKeys({ issueId, roundNumber, from: 1, count: prefetchCount })]);
  const { ballots } = await readBallots({ issueId, roundNumber, prefetched: { count: prefetchCount, found } });
  const revealed = found.has(keys.revealed) ? revealedSchema.safeParse(found.get(keys.revealed)) : null;
  const accepted = acceptedSchema.safeParse(found.get(keys.accepted));
  const timer = timerSchema.safeParse(found.get(keys.timer));
  const round: RoundState = {
    roundNumber,
    revealed: revealed !== null,
    revealedAt: revealed?.success ? revealed.data.revealedAt : null,
    revealedBy: revealed?.success ? revealed.data.revealedBy : null,
    ...(accepted.success && accepted.data.roundNumber === roundNumber ? { accepted: acceptedOf(accepted.data) } : {}),
    ...(timer.success && timer.data.roundNumber === roundNumber
      ? { timer: { startedAt: timer.data.startedAt, endsAt: timer.data.endsAt, seconds: timer.data.seconds, by: timer.data.by } }
      : {}),
  };
  return {
    round,
    // A corrupt reveal record still means revealed; then every ballot found counts.
    votes: countedVotes({ ballots, ...(revealed?.success ? { upTo: revealed.data.ballots } : {}) }),
    closed: revealed !== null || found.has(keys.closed),
  };
}

const acceptedOf = ({ value, points, by, byName, at }: z.infer<typeof acceptedSchema>): Accepted => ({ value, points, by, byName, at });

async function readCurrent(issueId: string): Promise<RoundSnapshot | undefined> {
  const roundNumber = await currentRoundNumber(issueId);
  return roundNumber === 0 ? undefined : readSnapshot({ issueId, roundNumber });
}

async function castVote(params: { issueId: string; vote: Omit<StoredVote, 'roundNumber'> }): Promise<CastVoteOutcome> {
  const { issueId, vote } = params;
  const roundNumber = await ensureRound({ issueId, at: vote.votedAt, by: vote.accountId });
  const keys = keysOf(issueId, roundNumber);
  const prefetchCount = BATCH_SIZE - 2;
  const before = await readExact([keys.closed, keys.revealed, ...ballotKeys({ issueId, roundNumber, from: 1, count: prefetchCount })]);
  if (before.has(keys.closed) || before.has(keys.revealed)) return 'closed';
  const { taken } = await readBallots({ issueId, roundNumber, prefetched: { count: prefetchCount, found: before } });
  const slot = await appendBallot({ issueId, roundNumber, vote, firstFree: taken + 1 });
  if (slot === null) return 'full';

  // Only now, with the ballot stored, look for a reveal or a reset that raced it (see the header).
  const after = await readExact([keys.closed, keys.revealed, keys.next]);
  if (after.has(keys.closed) || after.has(keys.revealed)) {
    const revealed = revealedSchema.safeParse(after.get(keys.revealed));
    const closed = closedSchema.safeParse(after.get(keys.closed));
    const counted = revealed.success
      ? revealed.data.ballots
      : await finishReveal({ issueId, roundNumber, closed: closed.success ? closed.data : { roundNumber, at: vote.votedAt, by: vote.accountId } });
    return slot <= counted ? 'counted' : 'too-late';
  }
  return after.has(keys.next) ? 'new-round' : 'counted';
}

async function reveal(params: { issueId: string; roundNumber: number; at: string; by: string }): Promise<void> {
  const { issueId, roundNumber } = params;
  const keys = keysOf(issueId, roundNumber);
  const mine: Closed = { roundNumber, at: params.at, by: params.by };
  let closed = mine;
  if (!(await createIfAbsent({ key: keys.closed, value: mine }))) {
    // Someone closed it first (a concurrent reveal, or one cut short): finish theirs.
    const theirs = closedSchema.safeParse((await readExact([keys.closed])).get(keys.closed));
    if (theirs.success) closed = theirs.data;
  }
  await finishReveal({ issueId, roundNumber, closed });
}

async function startNext(params: { issueId: string; at: string; by: string }): Promise<number> {
  const current = await ensureRound(params);
  const next = current + 1;
  // Lost to a concurrent reset: that one started the same round, which is what both asked for.
  await createIfAbsent({ key: storeKeys.roundStart({ issueId: params.issueId, roundNumber: next }), value: roundStart({ roundNumber: next, at: params.at, by: params.by }) });
  return next;
}

async function accept(params: { issueId: string; accepted: Accepted }): Promise<number> {
  const roundNumber = await ensureRound({ issueId: params.issueId, at: params.accepted.at, by: params.accepted.by });
  const record: z.infer<typeof acceptedSchema> = { ...params.accepted, roundNumber };
  await kvs.set(storeKeys.roundAccepted({ issueId: params.issueId, roundNumber }), record);
  return roundNumber;
}

async function setTimer(params: { issueId: string; roundNumber: number; timer: NonNullable<RoundState['timer']> }): Promise<void> {
  // A timer may be started before anyone voted: round 1 must then exist, or it would not be read back.
  await ensureRound({ issueId: params.issueId, at: params.timer.startedAt, by: params.timer.by });
  const record: z.infer<typeof timerSchema> = { ...params.timer, roundNumber: params.roundNumber };
  await kvs.set(storeKeys.roundTimer({ issueId: params.issueId, roundNumber: params.roundNumber }), record);
}

/** Earlier rounds, newest first; each is read exactly as the current one is (its reveal count decides). */
async function history(params: { issueId: string; before: number; limit: number }): Promise<RoundSnapshot[]> {
  const numbers: number[] = [];
  for (let n = params.before - 1; n >= 1 && numbers.length < params.limit; n--) numbers.push(n);
  const snapshots: RoundSnapshot[] = [];
  for (let start = 0; start < numbers.length; start += READ_CONCURRENCY) {
    const slice = numbers.slice(start, start + READ_CONCURRENCY);
    snapshots.push(...(await Promise.all(slice.map((roundNumber) => readSnapshot({ issueId: params.issueId, roundNumber })))));
  }
  return snapshots;
}

async function readMany(issueIds: string[]): Promise<Map<string, RoundSnapshot>> {
  const firstRound = new Map(issueIds.map((issueId) => [storeKeys.roundStart({ issueId, roundNumber: 1 }), issueId]));
  // Every estimated issue has round 1, so one batched existence check per 25 issues skips the rest.
  const found = await readExact([...firstRound.keys()]);
  const estimated = [...firstRound].filter(([key]) => found.has(key)).map(([, issueId]) => issueId);
  const snapshots = new Map<string, RoundSnapshot>();
  for (let start = 0; start < estimated.length; start += READ_CONCURRENCY) {
    const slice = estimated.slice(start, start + READ_CONCURRENCY);
    const read = await Promise.all(slice.map(async (issueId): Promise<[string, RoundSnapshot | undefined]> => [issueId, await readCurrent(issueId)]));
    for (const [issueId, snapshot] of read) if (snapshot) snapshots.set(issueId, snapshot);
  }
  return snapshots;
}

export function createRoundStore(): Stores['rounds'] {
  return { get: readCurrent, getMany: readMany, castVote, reveal, startNext, accept, setTimer, history };
}
