import type { ProjectSettings } from '../contract';
import { migrateSettings } from '../domain/settings';
import type { UseCaseDeps } from './deps';
import type { Board, FieldPlan } from './ports';

export async function loadSettings({ deps, projectId }: { deps: UseCaseDeps; projectId: string }): Promise<ProjectSettings> {
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
 * scrum board (team-managed projects often have none) the best discovered story-point field is used.
 */
export async function resolveProjectSetup({
  deps,
  projectKey,
  settings,
  boardId,
}: {
  deps: Pick<UseCaseDeps, 'jira'>;
  projectKey: string;
  settings: ProjectSettings;
  boardId?: number | null;
}): Promise<ProjectSetup> {
  const warnings: string[] = [];
  const catalog = await deps.jira.fieldCatalog();
  const board = await deps.jira.findBoard({ projectKey, boardId: boardId ?? settings.agenda.boardId });
  let estimation = board ? await deps.jira.boardEstimationField(board.id) : null;
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
