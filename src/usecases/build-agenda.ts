import type { Agenda } from '../contract';
import { planAgenda } from '../domain/planning';
import { agendaInput } from './agenda-candidates';
import type { UseCaseDeps } from './deps';
import { MissingResourceError } from './errors';
import { assertBoardOfProject, loadSettings, noSprintsReason, resolveProjectSetup } from './project-setup';
import type { Board } from './ports';
import { sessionLength } from './session-length';
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
  if (boardId !== undefined) assertRequestedBoard({ board: setup.board ?? setup.boardWithoutSprints, boardId, projectKey: project.key });
  const walk = await walkHorizon({ jira: deps.jira, stores: deps.stores, board: setup.board, plan: setup.plan, settings, projectKey: project.key });
  const [input, session] = await Promise.all([
    agendaInput({ deps, walk, board: setup.board, plan: setup.plan, settings, estimateFieldName: setup.plan.estimation?.name ?? null }),
    sessionLength({ stores: deps.stores, projectId: project.id, requested: sessionMinutes, settings }),
  ]);
  const plan = planAgenda({ ...input, settings, sessionMinutes: session.minutes, velocity: walk.velocity.value });
  // Remembered only once the agenda was built for this user: someone who cannot read the board changes nothing.
  await session.remember();
  const warnings = [...setup.warnings];
  if (!setup.board) {
    const reason = noSprintsReason({ projectKey: project.key, board: setup.boardWithoutSprints });
    warnings.push(
      setup.boardWithoutSprints
        ? `${reason}. The agenda follows the project's rank order, and without sprints there is no velocity to measure the runway in.`
        : `${reason}. The agenda follows the project's rank order, and velocity is unknown.`,
    );
  }
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
