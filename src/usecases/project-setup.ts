import type { ProjectSettings } from '../contract';
import { migrateSettings } from '../domain/settings';
import type { UseCaseDeps } from './deps';
import type { Board, FieldPlan } from './ports';

export async function loadSettings({ deps, projectId }: { deps: Pick<UseCaseDeps, 'stores'>; projectId: string }): Promise<ProjectSettings> {
  const stored = await deps.stores.settings.load(projectId);
  return migrateSettings(stored?.settings);
}

export interface ProjectSetup {
  board: Board | null;
  plan: FieldPlan;
  warnings: string[];
}

/**
 * Which board and fields to read for a project. The board's estimation field wins; without a
 * scrum board (team-managed projects often have none) the best discovered story-point field is
 * used. Board and field are cached briefly per project, as every view needs them.
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
  const warnings: string[] = [];
  const wantedBoard = boardId ?? settings.agenda.boardId;
  const [catalog, cached] = await Promise.all([deps.jira.fieldCatalog(), deps.stores.projectSetup.get({ projectId: project.id, boardId: wantedBoard })]);
  let board = cached?.board ?? null;
  let estimation = cached?.estimation ?? null;
  if (!cached) {
    board = await deps.jira.findBoard({ projectKey: project.key, boardId: wantedBoard });
    estimation = board ? await deps.jira.boardEstimationField(board.id) : null;
    // A board without a readable estimation field may be a passing failure: do not keep the guess.
    if (!board || estimation) await deps.stores.projectSetup.put({ projectId: project.id, boardId: wantedBoard, setup: { board, estimation } });
  }
  if (!estimation) {
    estimation = catalog.storyPoints[0] ?? null;
    if (!estimation) warnings.push('No story-point field was found on this site, so estimates cannot be read.');
  }
  return {
    board,
    plan: {
      estimation,
      sprint: catalog.sprint,
      flagged: catalog.flagged,
      rank: catalog.rank,
      acceptanceCriteria: settings.text.acFieldId,
    },
    warnings,
  };
}
