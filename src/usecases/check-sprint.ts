import type { SprintCheck } from '../contract';
import { checkSprint as judgeSprint } from '../domain/planning';
import type { UseCaseDeps } from './deps';
import { BadRequestError, MissingResourceError } from './errors';
import { scoreIssues } from './evaluate-issue';
import { loadSettings, noSprintsReason, resolveProjectSetup } from './project-setup';
import { boardVelocity } from './walk-horizon';

const SPRINT_ISSUE_CAP = 300;

/** Readiness of the planned sprint (the next future sprint unless one is chosen), against velocity. */
export async function checkSprint({
  deps,
  project,
  sprintId,
}: {
  deps: UseCaseDeps;
  project: { id: string; key: string };
  sprintId?: number | undefined;
}): Promise<SprintCheck> {
  const settings = await loadSettings({ deps, projectId: project.id });
  const setup = await resolveProjectSetup({ deps, project, settings });
  const sprintless = setup.boardWithoutSprints;
  if (sprintless) {
    // A Kanban project is not an error: say in plain words why there is nothing to check.
    const reason = noSprintsReason({ projectKey: project.key, board: sprintless });
    if (sprintId !== undefined) throw new BadRequestError(`Sprint ${sprintId} is not a sprint of ${project.key}. ${reason}.`);
    const empty = judgeSprint({ sprint: null, sprints: [], issues: [], velocity: null, warnings: setup.warnings });
    return { ...empty, message: `${reason}, so there are no sprints to check.` };
  }
  if (!setup.board) throw new MissingResourceError(`${noSprintsReason({ projectKey: project.key, board: null })}, so there are no sprints to check.`);
  const board = setup.board;
  const [open, velocity] = await Promise.all([
    deps.jira.sprints({ boardId: board.id, states: ['active', 'future'] }),
    boardVelocity({ jira: deps.jira, stores: deps.stores, board, plan: setup.plan }),
  ]);
  const choices = open.flatMap((sprint) => (sprint.state === 'closed' ? [] : [{ id: sprint.id, name: sprint.name, state: sprint.state }]));
  const chosen = sprintId === undefined ? (open.find((sprint) => sprint.state === 'future') ?? open[0]) : await deps.jira.sprint(sprintId);
  // A chosen sprint must show on this project's board (its own, or one the board lists), never
  // another project's; a sprint that does not name its board must be one the board lists.
  if (chosen && sprintId !== undefined && chosen.originBoardId !== board.id && !open.some((sprint) => sprint.id === chosen.id)) {
    throw new BadRequestError(`Sprint ${sprintId} (“${chosen.name}”) is not a sprint of ${board.name}.`);
  }
  if (!chosen) {
    return judgeSprint({ sprint: null, sprints: choices, issues: [], velocity: velocity.value, warnings: ['There is no open sprint to check yet.'] });
  }
  const page = await deps.jira.sprintIssues({ sprintId: chosen.id, plan: setup.plan, maxItems: SPRINT_ISSUE_CAP });
  const scored = await scoreIssues({ deps, issues: page.issues, settings, estimateFieldName: setup.plan.estimation?.name ?? null });
  const warnings = [...setup.warnings];
  if (page.truncated) warnings.push(`Only the first ${SPRINT_ISSUE_CAP} issues of the sprint were checked.`);
  return judgeSprint({
    sprint: { id: chosen.id, name: chosen.name, state: chosen.state, startDate: chosen.startDate, goal: chosen.goal },
    sprints: choices,
    issues: scored,
    velocity: velocity.value,
    warnings,
  });
}
