import type { Divergence, Flag, IssueReadiness, ProjectSettings } from '../contract';
import { dependencyFlags, type AgendaCandidate, type PlannedCandidate } from '../domain/planning';
import type { UseCaseDeps } from './deps';
import { currentVotes, divergenceOf } from './estimation-input';
import { scoreIssues } from './evaluate-issue';
import type { Board, FieldPlan } from './ports';
import { walkBeyondHorizon, type HorizonWalk } from './walk-horizon';

export interface AgendaInput {
  candidates: AgendaCandidate[];
  dependencyFlags: Map<string, Flag[]>;
  divergence: Map<string, Divergence>;
}

type Scored = Awaited<ReturnType<typeof scoreIssues>>;

/** Each candidate with its judgement: scoreIssues answers one entry per issue, in the order it was asked. */
function withReadiness(candidates: readonly PlannedCandidate[], scored: Scored): AgendaCandidate[] {
  return candidates.flatMap((candidate, i) => {
    const entry = scored[i];
    return entry ? [{ ...candidate, readiness: entry.readiness }] : [];
  });
}

/**
 * Divergence of each revealed round that the team has not settled yet: an accepted estimate ends
 * the disagreement, so it raises no flag and no "agree the estimate" line any more.
 */
function openDivergence({ scored, settings }: { scored: Scored; settings: ProjectSettings }): Map<string, Divergence> {
  const divergence = new Map<string, Divergence>();
  for (const { issue, state } of scored) {
    if (!state.round?.revealed || state.round.accepted) continue;
    const found = divergenceOf({ votes: currentVotes({ votes: state.votes, round: state.round }), settings });
    if (found) divergence.set(issue.key, found);
  }
  return divergence;
}

const needsRefinement = ({ readiness }: { readiness: IssueReadiness }): boolean => readiness.status === 'judged' && !readiness.ready;

/**
 * What the agenda is planned from: the horizon scored, and — when it holds fewer items to refine
 * than the agenda's minimum (the next sprints are already full of ready work) — the open work
 * ranked after it, marked as beyond the horizon. Looking further costs at most one more backlog
 * page, so it stays flat in the size of the backlog.
 */
export async function agendaInput({
  deps,
  walk,
  board,
  plan,
  settings,
  estimateFieldName,
}: {
  deps: UseCaseDeps;
  walk: HorizonWalk;
  board: Board | null;
  plan: FieldPlan;
  settings: ProjectSettings;
  estimateFieldName: string | null;
}): Promise<AgendaInput> {
  const horizon = walk.selection.items;
  const scored = await scoreIssues({ deps, issues: horizon.map((candidate) => candidate.issue), settings, estimateFieldName });
  const candidates: AgendaCandidate[] = withReadiness(horizon, scored);
  const flags = dependencyFlags({ candidates: horizon, earlierWork: walk.earlierWork });
  const toRefine = scored.filter(needsRefinement).length;
  if (toRefine >= settings.agenda.minItems) return { candidates, dependencyFlags: flags, divergence: openDivergence({ scored, settings }) };

  const beyond: PlannedCandidate[] = await walkBeyondHorizon({ jira: deps.jira, board, plan, walk });
  if (beyond.length === 0) return { candidates, dependencyFlags: flags, divergence: openDivergence({ scored, settings }) };
  const scoredBeyond = await scoreIssues({ deps, issues: beyond.map((candidate) => candidate.issue), settings, estimateFieldName });
  // The horizon's own flags stay as the horizon sees them ("not planned in the next sprints");
  // items beyond it are checked against everything read.
  const wider = dependencyFlags({ candidates: [...horizon, ...beyond], earlierWork: walk.earlierWork });
  for (const candidate of beyond) flags.set(candidate.issue.key, wider.get(candidate.issue.key) ?? []);
  return {
    candidates: [...candidates, ...withReadiness(beyond, scoredBeyond).map((candidate) => ({ ...candidate, beyondHorizon: true }))],
    dependencyFlags: flags,
    divergence: openDivergence({ scored: [...scored, ...scoredBeyond], settings }),
  };
}
