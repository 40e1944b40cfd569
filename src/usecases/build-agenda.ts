import type { Agenda, Divergence } from '../contract';
import { dependencyFlags, planAgenda } from '../domain/planning';
import type { UseCaseDeps } from './deps';
import { MissingResourceError } from './errors';
import { currentVotes, divergenceOf } from './estimation-input';
import { scoreIssues } from './evaluate-issue';
import { assertBoardOfProject, loadSettings, resolveProjectSetup } from './project-setup';
import type { Board } from './ports';
import { walkHorizon } from './walk-horizon';

/** A board the page asked for must exist (for this user) and be one of the context project's. */
function assertRequestedBoard({ board, boardId, projectKey }: { board: Board | null; boardId: number; projectKey: string }): void {
  if (!board) throw new MissingResourceError(`Board ${boardId} was not found, or you do not have permission to see it.`);
  assertBoardOfProject({ board, projectKey, retry: 'Open the agenda from that project instead.' });
}

/**
 * The refinement agenda for a project: walk the horizon as the user, score it, check
 * dependencies across it, and let the domain pick, order and timebox the items.
 */
export async function buildAgenda({
  deps,
  project,
  sessionMinutes,
  boardId,
}: {
  deps: UseCaseDeps;
  project: { id: string; key: string };
  sessionMinutes?: number | undefined;
  boardId?: number | undefined;
}): Promise<Agenda> {
  const settings = await loadSettings({ deps, projectId: project.id });
  const setup = await resolveProjectSetup({ deps, project, settings, boardId: boardId ?? null });
  if (boardId !== undefined) assertRequestedBoard({ board: setup.board, boardId, projectKey: project.key });
  const walk = await walkHorizon({ jira: deps.jira, stores: deps.stores, board: setup.board, plan: setup.plan, settings, projectKey: project.key });
  const horizon = walk.selection.items;
  const scored = await scoreIssues({ deps, issues: horizon.map((candidate) => candidate.issue), settings, estimateFieldName: setup.plan.estimation?.name ?? null });

  const divergence = new Map<string, Divergence>();
  for (const { issue, state } of scored) {
    if (!state.round?.revealed) continue;
    const found = divergenceOf({ votes: currentVotes({ votes: state.votes, round: state.round }), settings });
    if (found) divergence.set(issue.key, found);
  }
  const plan = planAgenda({
    candidates: horizon.map((candidate, i) => ({ ...candidate, readiness: scored[i]!.readiness })),
    dependencyFlags: dependencyFlags({ candidates: horizon, earlierWork: walk.earlierWork }),
    divergence,
    settings,
    ...(sessionMinutes === undefined ? {} : { sessionMinutes }),
    velocity: walk.velocity.value,
  });
  const warnings = [...setup.warnings];
  if (!setup.board) warnings.push(`No scrum board was found for ${project.key}: the agenda follows the project's rank order, and velocity is unknown.`);
  if (walk.selection.truncated) warnings.push('The horizon was cut at 200 items; the runway may count more ready work than shown.');
  return {
    ...plan,
    projectKey: project.key,
    boardId: setup.board?.id ?? null,
    boardName: setup.board?.name ?? null,
    horizon: walk.selection.horizon,
    truncated: walk.selection.truncated,
    velocity: walk.velocity,
    estimationFieldName: setup.plan.estimation?.name ?? null,
    generatedAt: deps.clock.now().toISOString(),
    warnings: [...warnings, ...plan.warnings],
  };
}
