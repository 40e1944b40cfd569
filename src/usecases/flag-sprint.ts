import type { ProjectSettings } from '../contract';
import type { UseCaseDeps } from './deps';
import { scoreIssues } from './evaluate-issue';
import { mapBounded } from './map-bounded';
import { BARE_PLAN, loadSettings, resolveProjectSetup } from './project-setup';
import { syncReadinessProperty } from './sync-readiness-property';
import { syncSprintFlag } from './sync-sprint-flag';

export interface SprintFlagReport {
  sprintId: number;
  issues: number;
  flagged: number;
  cleared: number;
  unchanged: number;
  failed: number;
  notStarted: number;
}

const SPRINT_ISSUE_CAP = 500;
const WRITE_CONCURRENCY = 4;

/**
 * When a sprint is created or started: score every issue in it (bulk reads) and flag the ones
 * that are not ready. Writes are spread over a few lanes; work that would overrun the trigger's
 * time budget is left for the next event or the daily rescore.
 */
export async function flagSprint({
  deps,
  sprintId,
  budgetMs = 20_000,
}: {
  deps: UseCaseDeps;
  sprintId: number;
  budgetMs?: number;
}): Promise<SprintFlagReport> {
  const deadline = Date.now() + budgetMs;
  const sprint = await deps.appJira.sprint(sprintId);
  const report: SprintFlagReport = { sprintId, issues: 0, flagged: 0, cleared: 0, unchanged: 0, failed: 0, notStarted: 0 };
  if (sprint.state === 'closed') return report;

  // The sprint's board says which project it serves; a board without a project location
  // (a cross-project filter) is resolved through its first issue.
  const board = sprint.originBoardId === null ? null : await deps.appJira.findBoard({ projectKey: '', boardId: sprint.originBoardId });
  const home = board?.projectId && board.projectKey ? { id: board.projectId, key: board.projectKey } : await homeProjectOf({ deps, sprintId });
  if (!home) return report;
  const settingsByProject = new Map<string, ProjectSettings>();
  const settingsFor = async (projectId: string) => {
    const known = settingsByProject.get(projectId);
    if (known) return known;
    const loaded = await loadSettings({ deps, projectId });
    settingsByProject.set(projectId, loaded);
    return loaded;
  };
  const setup = await resolveProjectSetup({
    deps: { jira: deps.appJira, stores: deps.stores },
    project: home,
    settings: await settingsFor(home.id),
    boardId: sprint.originBoardId,
  });
  const page = await deps.appJira.sprintIssues({ sprintId, plan: setup.plan, maxItems: SPRINT_ISSUE_CAP, pageSize: 100 });
  const open = page.issues.filter((issue) => issue.statusCategory !== 'done');
  report.issues = open.length;

  const byProject = new Map<string, typeof open>();
  for (const issue of open) byProject.set(issue.projectId, [...(byProject.get(issue.projectId) ?? []), issue]);
  const scored = (
    await Promise.all(
      [...byProject.entries()].map(async ([projectId, issues]) => {
        const settings = await settingsFor(projectId);
        return (await scoreIssues({ deps, issues, settings })).map((entry) => ({ ...entry, settings }));
      }),
    )
  ).flat();

  const stored = await deps.appJira.readinessProperties(scored.map(({ issue }) => issue.id));
  const outcome = await mapBounded({
    items: scored,
    limit: WRITE_CONCURRENCY,
    deadline,
    work: async ({ issue, readiness, settings }) => {
      await syncReadinessProperty({ appJira: deps.appJira, issueKey: issue.key, readiness, known: stored.get(issue.id) ?? null });
      return syncSprintFlag({ deps, issue, readiness, settings, plan: setup.plan, openSprint: sprint });
    },
  });
  for (const result of outcome.results) if (result) report[result]++;
  report.failed = outcome.errors.length;
  report.notStarted = outcome.notStarted;
  for (const { error } of outcome.errors) console.warn('[refinement-radar] sprint flag failed', error instanceof Error ? error.message : error);
  return report;
}

async function homeProjectOf({ deps, sprintId }: { deps: UseCaseDeps; sprintId: number }): Promise<{ id: string; key: string } | null> {
  const first = (await deps.appJira.sprintIssues({ sprintId, plan: BARE_PLAN, maxItems: 1 })).issues[0];
  return first ? { id: first.projectId, key: first.projectKey } : null;
}
