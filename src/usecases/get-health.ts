import type { HealthView } from '../contract';
import { healthFindings, readinessTotals, sprintHealth, type CurrentIssue, type SprintFieldChange } from '../domain/health';
import type { UseCaseDeps } from './deps';
import type { Sprint } from './ports';
import { loadSettings, noSprintsReason, resolveProjectSetup } from './project-setup';

/** How many closed sprints the Health tab looks back on. */
export const HEALTH_SPRINTS = 6;
/** search/jql returns at most 100 issues per page with fields. */
const PAGE = 100;
/** Bounds the read of the sprints' issues (6 sprints of 1,000). */
const ISSUE_CAP = HEALTH_SPRINTS * 1000;

const startOf = (sprint: Sprint) => sprint.startDate ?? sprint.completeDate ?? '';

/**
 * Does refinement pay off? The board's last closed sprints, read as the user: the issues in them
 * today (one JQL search over all of them), the sprint field's history of those issues and of the
 * ones the app recorded at start (changelog/bulkfetch, 1,000 issues per request), and the app's
 * records from sprint start and close. Jira calls follow the sprints' size, never the backlog's.
 */
export async function getHealth({ deps, project, boardId }: { deps: UseCaseDeps; project: { id: string; key: string }; boardId?: number | undefined }): Promise<HealthView> {
  const empty = (message: string, board: HealthView['board'] = null): HealthView => ({
    board,
    estimationField: null,
    sprints: [],
    readiness: { ready: { completed: 0, total: 0 }, notReady: { completed: 0, total: 0 }, sprintsRecorded: 0 },
    findings: [],
    message,
  });
  const settings = await loadSettings({ deps, projectId: project.id });
  const setup = await resolveProjectSetup({ deps, project, settings, boardId: boardId ?? null });
  if (!setup.board) return empty(`${noSprintsReason({ projectKey: project.key, board: setup.boardWithoutSprints })}, so there are no sprints to look back on.`);
  const board = setup.board;
  const boardRef = { id: board.id, name: board.name };
  const [closed, open] = await Promise.all([
    deps.jira.sprints({ boardId: board.id, states: ['closed'], maxItems: HEALTH_SPRINTS }),
    deps.jira.sprints({ boardId: board.id, states: ['active', 'future'] }),
  ]);
  const sprints = [...closed].sort((a, b) => startOf(a).localeCompare(startOf(b))).slice(-HEALTH_SPRINTS);
  if (sprints.length === 0) return empty(`${board.name} has no closed sprint yet: the Health tab fills in as sprints close.`, boardRef);

  const ids = sprints.map((sprint) => sprint.id);
  const [page, starts, closes] = await Promise.all([
    deps.jira.searchIssues({ jql: `sprint in (${ids.join(', ')}) ORDER BY id ASC`, plan: setup.plan, maxItems: ISSUE_CAP, pageSize: PAGE }),
    Promise.all(ids.map((id) => deps.stores.sprintRecords.getStart(id))),
    Promise.all(ids.map((id) => deps.stores.sprintRecords.getClose(id))),
  ]);
  const issues: CurrentIssue[] = page.issues
    .filter((issue) => issue.kind !== 'subtask')
    .map((issue) => ({ id: issue.id, key: issue.key, estimate: issue.estimate, done: issue.statusCategory === 'done', sprintIds: issue.sprintIds }));

  // The history of every issue met: today's members and those recorded at start (removed since).
  const asked = new Set(issues.map((issue) => issue.id));
  for (const record of starts) for (const entry of record?.issues ?? []) asked.add(entry.id);
  const sprintField = setup.plan.sprint;
  const changes: Map<string, SprintFieldChange[]> =
    sprintField && asked.size > 0 ? await deps.jira.sprintFieldChanges({ issueIds: [...asked], sprintFieldId: sprintField.id }) : new Map<string, SprintFieldChange[]>();

  const openIds = open.map((sprint) => sprint.id);
  const results = sprints.map((sprint, index) => {
    const later = new Set([...sprints.slice(index + 1).map((other) => other.id), ...openIds]);
    return sprintHealth({
      sprint: { id: sprint.id, name: sprint.name, startDate: sprint.startDate, completeDate: sprint.completeDate },
      laterSprintIds: later,
      members: issues.filter((issue) => issue.sprintIds.includes(sprint.id)),
      changes,
      start: starts[index] ?? null,
      close: closes[index] ?? null,
    });
  });
  return {
    board: boardRef,
    estimationField: setup.plan.estimation?.name ?? null,
    sprints: results,
    readiness: readinessTotals(results),
    findings: [...healthFindings(results), ...(page.truncated ? [`Only the first ${ISSUE_CAP} issues of these sprints were read.`] : []), ...setup.warnings],
    message: null,
  };
}
