import type { Divergence, ProjectSettings } from '../contract';
import { computeDivergence } from '../domain/estimation';
import type { ReadinessInput } from '../domain/readiness';
import type { RoundState, StoredVote } from './ports';

/** Votes of the current round only: a reset bumps the round number instead of racing deletes. */
export function currentVotes({ votes, round }: { votes: StoredVote[]; round: RoundState | undefined }): StoredVote[] {
  const number = round?.roundNumber ?? 1;
  return votes.filter((vote) => vote.roundNumber === number).sort((a, b) => a.votedAt.localeCompare(b.votedAt));
}

export function divergenceOf({ votes, settings }: { votes: StoredVote[]; settings: ProjectSettings }): Divergence | null {
  return computeDivergence({
    votes: votes.map(({ accountId, displayName, value }) => ({ accountId, displayName, value })),
    scale: settings.estimation.scale,
    tshirtPoints: settings.estimation.tshirtPoints,
    divergenceSteps: settings.estimation.divergenceSteps,
    // Anonymous projects name nobody next to a value, also in readiness flags and the agenda.
    anonymous: settings.estimation.anonymous,
  });
}

/** What the estimate-agreement criterion may know. Values stay private until the reveal. */
export function estimationInput({
  votes,
  round,
  settings,
}: {
  votes: StoredVote[];
  round: RoundState | undefined;
  settings: ProjectSettings;
}): ReadinessInput['estimation'] {
  const current = currentVotes({ votes, round });
  if (current.length === 0 && !round?.accepted) return null;
  const revealed = round?.revealed ?? false;
  return {
    revealed,
    voterCount: current.length,
    divergence: revealed ? divergenceOf({ votes: current, settings }) : null,
    acceptedPoints: round?.accepted?.points ?? null,
  };
}
