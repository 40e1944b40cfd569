import type { ProjectSettings } from '../contract';
import { migrateSettings } from '../domain/settings';
import type { UseCaseDeps } from './deps';
import { BadRequestError } from './errors';
import type { Board, FieldCatalog, FieldPlan } from './ports';
import { CACHE_TTL_SECONDS } from './cache-policy';

/** No custom fields: enough to prove an issue is visible or to learn its project. */
export const BARE_PLAN: FieldPlan = { estimation: null, sprint: null, flagged: null, rank: null, acceptanceCriteria: null };

export async function loadSettings({ deps, projectId }: { deps: Pick<UseCaseDeps, 'stores'>; projectId: string }): Promise<ProjectSettings> {
  const stored = await deps.stores.settings.load(projectId);
  return migrateSettings(stored?.settings);
}

export interface ProjectSetup {
  /** The board the project plans in sprints on (scrum, or team-managed with sprints on); null when it has none. */
  board: Board | null;
  /**
   * The project's board when it has no sprints (Kanban, or team-managed with sprints off): work
   * then follows the project's rank order, and this board only explains why.
   */
  boardWithoutSprints: Board | null;
  plan: FieldPlan;
  warnings: string[];
}

/**
 * Which board and fields to read for a project. The board's estimation field wins (also on a
 * board without sprints: it is what the team sees on its cards); without one the best discovered
 * story-point field is used. Board and field are cached briefly per project, as every view needs them.
 */
export async function resolveProjectSetup({
  deps,
  project,
  settings,
  boardId,
}: {
  deps: Pick<UseCaseDeps, 'jira' | 'stores'>;
  project: { id: string; key: string };
  settings: ProjectSettings;
  boardId?: number | null;
}): Promise<ProjectSetup> {
  const wantedBoard = boardId ?? settings.agenda.boardId;
  const [catalog, cached] = await Promise.all([deps.jira.fieldCatalog(), deps.stores.projectSetup.get({ projectId: project.id, boardId: wantedBoard })]);
  let found = cached?.board ?? null;
  let estimation = cached?.estimation ?? null;
  if (!cached) {
    found = await deps.jira.findBoard({ projectKey: project.key, boardId: wantedBoard });
    estimation = found ? await deps.jira.boardEstimationField(found.id) : null;
    // A board without a readable estimation field may be a passing failure: do not keep the guess
    // (Kanban boards often estimate nothing, and their points matter less: keep those).
    if (!found || estimation || !found.hasSprints) {
      await deps.stores.projectSetup.set({ projectId: project.id, boardId: wantedBoard }, { board: found, estimation }, CACHE_TTL_SECONDS.projectSetup);
    }
  }
  const plan = buildFieldPlan({ catalog, boardEstimationField: estimation, acceptanceCriteriaFieldId: settings.text.acFieldId });
  const warnings = plan.estimation ? [] : ['No story-point field was found on this site, so estimates cannot be read.'];
  return {
    board: found?.hasSprints ? found : null,
    boardWithoutSprints: found && !found.hasSprints ? found : null,
    plan,
    warnings,
  };
}

/**
 * Why a project has no sprints, in plain words (the agenda and the sprint check finish the sentence).
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/ (board `type`: scrum, kanban, simple)
 */
export function noSprintsReason({ projectKey, board }: { projectKey: string; board: Board | null }): string {
  if (!board) return `${projectKey} has no board with sprints`;
  if (board.type === 'kanban') return `${projectKey} uses no sprints: its board “${board.name}” is a Kanban board`;
  return `${projectKey} uses no sprints: sprints are turned off on its board “${board.name}”`;
}

/**
 * The fields the normalizer reads for one board: the board's own estimation field wins (that
 * is what the team sees on its cards), then the best discovered story-point field.
 */
export function buildFieldPlan(params: {
  catalog: FieldCatalog;
  boardEstimationField: { id: string; name: string } | null;
  acceptanceCriteriaFieldId: string | null;
}): FieldPlan {
  const { catalog } = params;
  return {
    estimation: params.boardEstimationField ?? catalog.storyPoints[0] ?? null,
    sprint: catalog.sprint,
    flagged: catalog.flagged,
    rank: catalog.rank,
    acceptanceCriteria: params.acceptanceCriteriaFieldId,
  };
}

/**
 * A board chosen by id (page payload or settings) must be one of the context project's: otherwise
 * the answer would be labelled with this project while reading another project's backlog.
 */
export function assertBoardOfProject({ board, projectKey, retry }: { board: Board; projectKey: string; retry: string }): void {
  if (board.projectKey !== null && board.projectKey !== projectKey) {
    throw new BadRequestError(`Board ${board.id} (“${board.name}”) belongs to ${board.projectKey}, not ${projectKey}. ${retry}`);
  }
}
