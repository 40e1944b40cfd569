import type { EstimationRound, IssueReadiness, ProjectSettings } from '../contract';
import { cardPoints, isValidCard, scaleCards } from '../domain/estimation';
import type { UseCaseDeps } from './deps';
import { BadRequestError, ConflictError, MissingResourceError } from './errors';
import { currentVotes, divergenceOf } from './estimation-input';
import { assertCanSee, getReadiness, type IssueRef } from './get-readiness';
import type { RoundState, StoredVote } from './ports';
import { loadSettings, resolveProjectSetup } from './project-setup';

const FIRST_ROUND: RoundState = { roundNumber: 1, revealed: false, revealedAt: null, revealedBy: null };

interface RoundCall {
  deps: UseCaseDeps;
  ref: IssueRef;
  accountId: string;
}

/**
 * The round as one caller may see it. Before the reveal nobody's browser receives other
 * people's values — only who has voted.
 */
export function roundView({
  settings,
  round,
  votes,
  accountId,
}: {
  settings: ProjectSettings;
  round: RoundState;
  votes: StoredVote[];
  accountId: string;
}): EstimationRound {
  const current = currentVotes({ votes, round });
  const mine = current.find((vote) => vote.accountId === accountId);
  const divergence = round.revealed ? divergenceOf({ votes: current, settings }) : null;
  return {
    scale: settings.estimation.scale,
    cards: scaleCards({ scale: settings.estimation.scale, tshirtPoints: settings.estimation.tshirtPoints }),
    revealed: round.revealed,
    myVote: mine?.value ?? null,
    votes: round.revealed ? current.map(({ accountId: id, displayName, value }) => ({ accountId: id, displayName, value })) : [],
    voters: current.map(({ accountId: id, displayName }) => ({ accountId: id, displayName })),
    voterCount: current.length,
    ...(divergence ? { divergence } : {}),
    ...(round.accepted ? { accepted: round.accepted } : {}),
    roundNumber: round.roundNumber,
  };
}

async function loadRound({ deps, ref }: Pick<RoundCall, 'deps' | 'ref'>) {
  const [settings, round, votes] = await Promise.all([
    loadSettings({ deps, projectId: ref.project.id }),
    deps.stores.rounds.get(ref.issue.id),
    deps.stores.votes.list(ref.issue.id),
  ]);
  return { settings, round: round ?? FIRST_ROUND, votes };
}

export async function getRound({ deps, ref, accountId }: RoundCall): Promise<EstimationRound> {
  await assertCanSee({ deps, ref });
  const { settings, round, votes } = await loadRound({ deps, ref });
  return roundView({ settings, round, votes, accountId });
}

export async function castVote({ deps, ref, accountId, value }: RoundCall & { value: string }): Promise<EstimationRound> {
  const [{ settings, round }, me] = await Promise.all([loadRound({ deps, ref }), deps.jira.myself(), assertCanSee({ deps, ref })]);
  if (!isValidCard({ scale: settings.estimation.scale, value })) {
    throw new BadRequestError(`“${value.slice(0, 20)}” is not a card of the ${settings.estimation.scale} scale.`);
  }
  if (round.revealed) throw new ConflictError('The votes are already revealed. Start a new round to vote again.');
  // One key per voter: concurrent votes never overwrite each other.
  await deps.stores.votes.cast({
    issueId: ref.issue.id,
    vote: { accountId, displayName: me.displayName, value, votedAt: deps.clock.now().toISOString(), roundNumber: round.roundNumber },
  });
  if (!(await deps.stores.rounds.get(ref.issue.id))) await deps.stores.rounds.put({ issueId: ref.issue.id, round });
  const votes = await deps.stores.votes.list(ref.issue.id);
  return roundView({ settings, round, votes, accountId });
}

export async function revealVotes({ deps, ref, accountId }: RoundCall): Promise<EstimationRound> {
  await assertCanSee({ deps, ref });
  const { settings, round, votes } = await loadRound({ deps, ref });
  if (currentVotes({ votes, round }).length === 0) throw new BadRequestError('Nobody has voted yet.');
  const revealed: RoundState = round.revealed
    ? round
    : { ...round, revealed: true, revealedAt: deps.clock.now().toISOString(), revealedBy: accountId };
  await deps.stores.rounds.put({ issueId: ref.issue.id, round: revealed });
  return roundView({ settings, round: revealed, votes, accountId });
}

export async function resetVotes({ deps, ref, accountId }: RoundCall): Promise<EstimationRound> {
  await assertCanSee({ deps, ref });
  const { settings, round } = await loadRound({ deps, ref });
  const next: RoundState = { roundNumber: round.roundNumber + 1, revealed: false, revealedAt: null, revealedBy: null };
  // Old votes go first: a vote cast for the new round after the bump must not be swept away.
  await deps.stores.votes.clear(ref.issue.id);
  await deps.stores.rounds.put({ issueId: ref.issue.id, round: next });
  return roundView({ settings, round: next, votes: [], accountId });
}

/**
 * Writes the agreed estimate to the board's estimation field as the user (Jira checks they may
 * edit the issue), records it in the round, and answers with the re-scored readiness.
 */
export async function acceptEstimate({ deps, ref, accountId, value }: RoundCall & { value: string }): Promise<IssueReadiness> {
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  const scale = settings.estimation.scale;
  if (!isValidCard({ scale, value })) throw new BadRequestError(`“${value.slice(0, 20)}” is not a card of the ${scale} scale.`);
  const points = cardPoints({ scale, value, tshirtPoints: settings.estimation.tshirtPoints });
  if (points === null) throw new BadRequestError('Only a numeric card can be accepted as the estimate.');
  const setup = await resolveProjectSetup({ deps, project: ref.project, settings });
  if (!setup.plan.estimation) throw new MissingResourceError('No estimation field was found for this project, so the estimate cannot be written.');
  await deps.jira.setEstimate({ issueIdOrKey: ref.issue.id, fieldId: setup.plan.estimation.id, value: points });
  const [round, me] = await Promise.all([deps.stores.rounds.get(ref.issue.id), deps.jira.myself()]);
  await deps.stores.rounds.put({
    issueId: ref.issue.id,
    round: { ...(round ?? FIRST_ROUND), accepted: { value, points, by: accountId, byName: me.displayName, at: deps.clock.now().toISOString() } },
  });
  return (await getReadiness({ deps, ref })).readiness;
}
