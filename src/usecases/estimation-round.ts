import type { AgendaRound, EstimationRound, IssueReadiness, ProjectSettings, RevealedVote, RoundRecord } from '../contract';
import { cardPoints, isValidCard, scaleCards, suggestEstimate } from '../domain/estimation';
import { afterReadinessChange } from './after-readiness-change';
import type { UseCaseDeps } from './deps';
import { BadRequestError, ConflictError, MissingResourceError, PermissionDeniedError } from './errors';
import { currentVotes, divergenceOf } from './estimation-input';
import { assertCanSee, getReadiness, judgeRead, readIssue, type IssueRead, type IssueRef } from './get-readiness';
import type { CastVoteOutcome, RoundSnapshot, RoundState, StoredVote } from './ports';
import { loadSettings, resolveProjectSetup } from './project-setup';
import { CACHE_TTL_SECONDS } from './cache-policy';

const FIRST_ROUND: RoundState = { roundNumber: 1, revealed: false, revealedAt: null, revealedBy: null };

interface RoundCall {
  deps: UseCaseDeps;
  ref: IssueRef;
  accountId: string;
}
/** Who may facilitate depends on the project only (the refinement session asks it too). */
interface ProjectCall {
  deps: UseCaseDeps;
  ref: Pick<IssueRef, 'project'>;
  accountId: string;
}

/** Earlier rounds shown with the current one; older ones stay stored but are not sent. */
const HISTORY_LIMIT = 10;
/** Words for who counts as "has not voted yet". */
const EXPECTED_VOTERS_RULE = 'People who voted in an earlier round of this issue and have not voted in this one.';

export type Facilitation = EstimationRound['facilitation'];

/** What the round view adds when the caller's permissions and the issue's earlier rounds are known. */
interface RoundExtras {
  history?: RoundSnapshot[];
  facilitation?: Facilitation;
  now?: Date;
}

/**
 * The round as one caller may see it. Before the reveal nobody's browser receives other
 * people's values — only who has voted. In anonymous mode no name or account id is ever sent
 * next to a value: not in the votes, the reasons, the divergence, the acceptance or the history.
 */
export function roundView({
  settings,
  round,
  votes,
  accountId,
  history = [],
  facilitation = { canFacilitate: true, rule: facilitatorRule(settings) },
}: {
  settings: ProjectSettings;
  round: RoundState;
  votes: StoredVote[];
  accountId: string;
} & RoundExtras): EstimationRound {
  const anonymous = settings.estimation.anonymous;
  const current = currentVotes({ votes, round });
  const mine = current.find((vote) => vote.accountId === accountId);
  const divergence = round.revealed ? divergenceOf({ votes: current, settings }) : null;
  const voted = new Set(current.map((vote) => vote.accountId));
  const scale = { scale: settings.estimation.scale, tshirtPoints: settings.estimation.tshirtPoints };
  return {
    scale: settings.estimation.scale,
    cards: scaleCards(scale),
    revealed: round.revealed,
    myVote: mine?.value ?? null,
    myReason: mine?.reason ?? null,
    votes: round.revealed && !anonymous ? current.map(({ accountId: id, displayName, value, reason }) => ({ accountId: id, displayName, value, ...(reason === undefined ? {} : { reason }) })) : [],
    voters: current.map(({ accountId: id, displayName }) => ({ accountId: id, displayName })),
    voterCount: current.length,
    ...(divergence ? { divergence } : {}),
    ...(round.accepted ? { accepted: anonymous ? { ...round.accepted, by: '', byName: '' } : round.accepted } : {}),
    roundNumber: round.roundNumber,
    anonymous,
    revealedVotes: round.revealed ? revealedVotes({ votes: current, settings }) : [],
    notVoted: expectedNotVoted({ history, voted }),
    expectedVotersRule: EXPECTED_VOTERS_RULE,
    facilitation,
    timer: round.timer ? { startedAt: round.timer.startedAt, endsAt: round.timer.endsAt, seconds: round.timer.seconds } : null,
    suggestion: round.revealed ? suggestEstimate({ ...scale, values: current.map((vote) => vote.value) }) : null,
    history: history.map((snapshot) => roundRecord({ snapshot, settings })),
  };
}

/**
 * Every counted vote with its reason, the highest voters first, then the lowest (their reasons
 * expose what the others missed), then the rest from high to low. Without names when anonymous.
 */
function revealedVotes({ votes, settings }: { votes: StoredVote[]; settings: ProjectSettings }): RevealedVote[] {
  const cards = scaleCards({ scale: settings.estimation.scale, tshirtPoints: settings.estimation.tshirtPoints });
  const position = (value: string) => {
    const found = cards.findIndex((card) => card.value === value && card.points !== null);
    return found;
  };
  const numeric = votes.filter((vote) => position(vote.value) >= 0);
  const highest = Math.max(...numeric.map((vote) => position(vote.value)));
  const lowest = Math.min(...numeric.map((vote) => position(vote.value)));
  const extremeOf = (vote: StoredVote): RevealedVote['extreme'] => {
    const at = position(vote.value);
    if (at < 0 || highest === lowest) return null;
    return at === highest ? 'high' : at === lowest ? 'low' : null;
  };
  const rank = (vote: StoredVote) => ({ high: 0, low: 1, none: 2 })[extremeOf(vote) ?? 'none'];
  return [...votes]
    .sort((a, b) => rank(a) - rank(b) || position(b.value) - position(a.value))
    .map((vote) => ({
      value: vote.value,
      reason: vote.reason ?? null,
      voter: settings.estimation.anonymous ? null : { accountId: vote.accountId, displayName: vote.displayName },
      extreme: extremeOf(vote),
    }));
}

/** An earlier round as history keeps it: values only if that round was revealed. */
function roundRecord({ snapshot, settings }: { snapshot: RoundSnapshot; settings: ProjectSettings }): RoundRecord {
  const { round } = snapshot;
  const counted = currentVotes({ votes: snapshot.votes, round });
  const divergence = round.revealed ? divergenceOf({ votes: counted, settings }) : null;
  return {
    roundNumber: round.roundNumber,
    revealed: round.revealed,
    votes: round.revealed ? revealedVotes({ votes: counted, settings }) : [],
    voterCount: counted.length,
    ...(divergence ? { divergence } : {}),
    ...(round.accepted
      ? { accepted: { value: round.accepted.value, points: round.accepted.points, byName: settings.estimation.anonymous ? '' : round.accepted.byName, at: round.accepted.at } }
      : {}),
  };
}

/** Who voted in an earlier round of this issue but not (yet) in this one, by name only. */
function expectedNotVoted({ history, voted }: { history: RoundSnapshot[]; voted: Set<string> }): { accountId: string; displayName: string }[] {
  const missing = new Map<string, string>();
  for (const snapshot of history) {
    for (const vote of snapshot.votes) if (!voted.has(vote.accountId) && !missing.has(vote.accountId)) missing.set(vote.accountId, vote.displayName);
  }
  return [...missing].map(([accountId, displayName]) => ({ accountId, displayName }));
}

/** The project's facilitator rule in plain words. */
function facilitatorRule(settings: ProjectSettings): string {
  switch (settings.estimation.facilitator) {
    case 'editors':
      return 'Anyone who can edit issues in this project runs the round.';
    case 'admins':
      return "The project's admins run the round.";
    case 'named':
      return 'The facilitators named in the project settings run the round.';
  }
}

/** A project permission as Jira answers it for the caller (asUser), cached briefly in KVS. */
async function hasCachedPermission({ deps, ref, accountId, permission }: ProjectCall & { permission: 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS' }): Promise<boolean> {
  const cached = await deps.stores.permissions.get({ projectId: ref.project.id, accountId, permission });
  if (cached !== undefined) return cached;
  const granted = await deps.jira.hasProjectPermission({ projectKey: ref.project.key, permission });
  await deps.stores.permissions.set({ projectId: ref.project.id, accountId, permission }, granted, CACHE_TTL_SECONDS.permission);
  return granted;
}

/** Whether the caller runs the round under the project's rule, and in plain words why not. */
export async function facilitationOf({ deps, ref, accountId, settings }: ProjectCall & { settings: ProjectSettings }): Promise<Facilitation> {
  const rule = facilitatorRule(settings);
  const { facilitator, facilitatorIds } = settings.estimation;
  const canFacilitate =
    facilitator === 'named'
      ? facilitatorIds.includes(accountId)
      : await hasCachedPermission({ deps, ref, accountId, permission: facilitator === 'admins' ? 'ADMINISTER_PROJECTS' : 'EDIT_ISSUES' });
  if (canFacilitate) return { canFacilitate, rule };
  const reason =
    facilitator === 'editors'
      ? 'Only people who can edit issues in this project can reveal, start a new round, accept or run the timer. You can still vote.'
      : facilitator === 'admins'
        ? "Only the project's admins can reveal, start a new round, accept or run the timer. You can still vote."
        : 'Only the facilitators named in the project settings can reveal, start a new round, accept or run the timer. You can still vote.';
  return { canFacilitate, rule, reason };
}

/** Refuses (FORBIDDEN, in plain words) anyone who is not a facilitator. */
async function assertFacilitator(call: RoundCall & { settings: ProjectSettings; action: string }): Promise<Facilitation> {
  const facilitation = await facilitationOf(call);
  // The reason is a sentence of its own ("Only the project's admins can…"), so it follows a full stop, not a colon.
  if (!facilitation.canFacilitate) throw new PermissionDeniedError(`You cannot ${call.action}. ${facilitation.reason ?? facilitation.rule}`);
  return facilitation;
}

async function loadRound({ deps, ref }: Pick<RoundCall, 'deps' | 'ref'>) {
  const [settings, snapshot] = await Promise.all([loadSettings({ deps, projectId: ref.project.id }), deps.stores.rounds.get(ref.issue.id)]);
  return { settings, round: snapshot?.round ?? FIRST_ROUND, votes: snapshot?.votes ?? [] };
}

/** The round as it is now, with its history and the caller's role, for any answer. */
async function currentView({ deps, ref, accountId, settings, facilitation }: RoundCall & { settings: ProjectSettings; facilitation?: Facilitation }): Promise<EstimationRound> {
  const [snapshot, role] = await Promise.all([deps.stores.rounds.get(ref.issue.id), facilitation ?? facilitationOf({ deps, ref, accountId, settings })]);
  return viewOfSnapshot({ deps, ref, accountId, settings, snapshot, facilitation: role });
}

/** The round from a snapshot already read (the panel view reads it once for the judgement and the round). */
export async function viewOfSnapshot({
  deps,
  ref,
  accountId,
  settings,
  snapshot,
  facilitation,
}: RoundCall & { settings: ProjectSettings; snapshot: RoundSnapshot | undefined; facilitation?: Facilitation }): Promise<EstimationRound> {
  const role = facilitation ?? (await facilitationOf({ deps, ref, accountId, settings }));
  const round = snapshot?.round ?? FIRST_ROUND;
  const history = round.roundNumber > 1 ? await deps.stores.rounds.history({ issueId: ref.issue.id, before: round.roundNumber, limit: HISTORY_LIMIT }) : [];
  return roundView({ settings, round, votes: snapshot?.votes ?? [], accountId, history, facilitation: role });
}

/** Why a vote was not taken, in words for the person who cast it. */
const REFUSED_VOTE: Record<Exclude<CastVoteOutcome, 'counted'>, string> = {
  closed: 'The votes are already revealed. Start a new round to vote again.',
  'too-late': 'The votes were revealed while your vote was being saved, so it was not counted. Start a new round to vote again.',
  'new-round': 'A new round started while your vote was being saved, so it was not counted. Vote again in the new round.',
  full: 'This round has taken as many votes as it can. Start a new round to vote again.',
};

export async function getRound({ deps, ref, accountId }: RoundCall): Promise<EstimationRound> {
  await assertCanSee({ deps, ref });
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  return currentView({ deps, ref, accountId, settings });
}

/**
 * Adds the caller's vote (and its reason, if any) to the current round. A vote that raced a reveal
 * or a reset is either counted or refused with CONFLICT and a reason, never silently dropped
 * (src/store/round-store.ts).
 */
export async function castVote({ deps, ref, accountId, value, reason }: RoundCall & { value: string; reason?: string }): Promise<EstimationRound> {
  const [settings, me] = await Promise.all([loadSettings({ deps, projectId: ref.project.id }), deps.jira.myself(), assertCanSee({ deps, ref })]);
  if (!isValidCard({ scale: settings.estimation.scale, value })) {
    throw new BadRequestError(`“${value.slice(0, 20)}” is not a card of the ${settings.estimation.scale} scale.`);
  }
  const because = reason?.trim() ?? '';
  const outcome = await deps.stores.rounds.castVote({
    issueId: ref.issue.id,
    vote: { accountId, displayName: me.displayName, value, votedAt: deps.clock.now().toISOString(), ...(because === '' ? {} : { reason: because }) },
  });
  if (outcome !== 'counted') throw new ConflictError(REFUSED_VOTE[outcome]);
  return currentView({ deps, ref, accountId, settings });
}

/** Facilitator only: closes the round and shows everyone the counted votes. */
export async function revealVotes({ deps, ref, accountId }: RoundCall): Promise<EstimationRound> {
  // The read that proves the caller may see the issue is also the one the new judgement uses.
  const read = await readIssue({ deps, ref });
  const { settings, round, votes } = await loadRound({ deps, ref });
  const facilitation = await assertFacilitator({ deps, ref, accountId, settings, action: 'reveal the votes' });
  if (round.revealed) return currentView({ deps, ref, accountId, settings, facilitation });
  if (currentVotes({ votes, round }).length === 0) throw new BadRequestError('Nobody has voted yet.');
  await deps.stores.rounds.reveal({ issueId: ref.issue.id, roundNumber: round.roundNumber, at: deps.clock.now().toISOString(), by: accountId });
  await followReadiness({ deps, read });
  return currentView({ deps, ref, accountId, settings, facilitation });
}

/**
 * A reveal (diverging votes fail "estimates agree") or a new round (the old disagreement no longer
 * counts) changes readiness without any Jira event, so the sprint flag follows here, judged from the
 * issue as read before the change: the round lives in KVS, the issue's fields did not change.
 */
async function followReadiness({ deps, read }: { deps: UseCaseDeps; read: IssueRead }): Promise<void> {
  await afterReadinessChange({ deps, view: await judgeRead({ deps, read }) });
}

/**
 * Facilitator only: starts the next round. The earlier round keeps its votes, reasons, reveal and
 * acceptance under its own number and appears in the history; its votes no longer count.
 */
export async function resetVotes({ deps, ref, accountId }: RoundCall): Promise<EstimationRound> {
  const read = await readIssue({ deps, ref });
  const { settings } = read;
  const facilitation = await assertFacilitator({ deps, ref, accountId, settings, action: 'start a new round' });
  await deps.stores.rounds.startNext({ issueId: ref.issue.id, at: deps.clock.now().toISOString(), by: accountId });
  await followReadiness({ deps, read });
  return currentView({ deps, ref, accountId, settings, facilitation });
}

/** A timer may run for at most an hour; 0 stops it. */
export const MAX_TIMER_SECONDS = 3600;

/** Facilitator only: starts (or restarts, or with 0 stops) the current round's timer; browsers count down from `endsAt`. */
export async function startTimer({ deps, ref, accountId, seconds }: RoundCall & { seconds: number }): Promise<EstimationRound> {
  await assertCanSee({ deps, ref });
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  const facilitation = await assertFacilitator({ deps, ref, accountId, settings, action: 'run the timer' });
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_TIMER_SECONDS) throw new BadRequestError(`A timer runs for 0 to ${MAX_TIMER_SECONDS} seconds.`);
  const snapshot = await deps.stores.rounds.get(ref.issue.id);
  const now = deps.clock.now();
  await deps.stores.rounds.setTimer({
    issueId: ref.issue.id,
    roundNumber: snapshot?.round.roundNumber ?? 1,
    timer: { startedAt: now.toISOString(), endsAt: new Date(now.getTime() + seconds * 1000).toISOString(), seconds, by: accountId },
  });
  return currentView({ deps, ref, accountId, settings, facilitation });
}

/**
 * Facilitator only: writes the agreed estimate to the board's estimation field as the user (Jira
 * checks they may edit the issue), records it in the round, and answers with the re-scored readiness.
 */
export async function acceptEstimate({ deps, ref, accountId, value }: RoundCall & { value: string }): Promise<IssueReadiness> {
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  const scale = settings.estimation.scale;
  if (!isValidCard({ scale, value })) throw new BadRequestError(`“${value.slice(0, 20)}” is not a card of the ${scale} scale.`);
  const points = cardPoints({ scale, value, tshirtPoints: settings.estimation.tshirtPoints });
  if (points === null) throw new BadRequestError('Only a numeric card can be accepted as the estimate.');
  await assertFacilitator({ deps, ref, accountId, settings, action: 'accept an estimate' });
  const setup = await resolveProjectSetup({ deps, project: ref.project, settings });
  if (!setup.plan.estimation) throw new MissingResourceError('No estimation field was found for this project, so the estimate cannot be written.');
  await deps.jira.setEstimate({ issueIdOrKey: ref.issue.id, fieldId: setup.plan.estimation.id, value: points });
  const me = await deps.jira.myself();
  // Written to the current round's own record: an accept never puts back an older round.
  await deps.stores.rounds.accept({ issueId: ref.issue.id, accepted: { value, points, by: accountId, byName: me.displayName, at: deps.clock.now().toISOString() } });
  // Jira's event for the estimate write is the app's own (ignoreSelf drops it): the sprint flag follows here.
  return afterReadinessChange({ deps, view: await getReadiness({ deps, ref }) });
}

/**
 * One step of "estimate in a row" on the agenda page: the item's own round (rounds are per issue,
 * so nothing of another item's round shows) and its readiness in brief, in one call.
 */
export async function getAgendaRound({ deps, ref, accountId }: RoundCall): Promise<AgendaRound> {
  const { readiness, settings } = await getReadiness({ deps, ref });
  const round = await currentView({ deps, ref, accountId, settings });
  return {
    issue: { key: readiness.issueKey, summary: readiness.summary, issueType: readiness.issueType },
    readiness: {
      ready: readiness.status === 'judged' ? readiness.ready : null,
      score: readiness.status === 'judged' ? readiness.score : null,
      threshold: readiness.threshold,
      estimate: readiness.estimate,
      excluded: readiness.excluded,
      // As the panel shows them: a required failure keeps the item from ready; any other unmet criterion is a gap to consider.
      failing: readiness.criteria.filter((criterion) => criterion.status === 'fail' && criterion.required).map((criterion) => criterion.label),
      toConsider: readiness.criteria
        .filter((criterion) => (criterion.status === 'fail' && !criterion.required) || criterion.status === 'consider')
        .map((criterion) => criterion.label),
    },
    round,
  };
}
