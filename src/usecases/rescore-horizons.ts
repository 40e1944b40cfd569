import type { UseCaseDeps } from './deps';
import type { Board } from './ports';
import { scoreIssues } from './evaluate-issue';
import { mapBounded } from './map-bounded';
import { BARE_PLAN, loadSettings, resolveProjectSetup } from './project-setup';
import { syncReadinessProperty } from './sync-readiness-property';
import { walkHorizon } from './walk-horizon';

export interface RescoreReport {
  boards: number;
  issues: number;
  written: number;
  failed: number;
  /** Board position to resume from next run; null when every board was done. */
  resumeAt: number | null;
}

const BOARD_PAGE = 50;
const WRITE_CONCURRENCY = 4;

/**
 * Daily: re-score every scrum board's horizon so `readinessScore` in JQL never goes stale
 * (text can age into "stale", blockers get resolved elsewhere). Bounded per run by a time
 * budget; a cursor in KVS lets the next run resume where this one stopped.
 */
export async function rescoreHorizons({ deps, budgetMs = 500_000 }: { deps: UseCaseDeps; budgetMs?: number }): Promise<RescoreReport> {
  const deadline = Date.now() + budgetMs;
  const cursor = await deps.stores.rescoreCursor.get();
  let position = cursor?.projectIndex ?? 0;
  const report: RescoreReport = { boards: 0, issues: 0, written: 0, failed: 0, resumeAt: null };
  const seenProjects = new Set<string>();
  for (;;) {
    const page = await deps.appJira.scrumBoards({ startAt: position, maxResults: BOARD_PAGE });
    for (const board of page.boards) {
      if (Date.now() > deadline) {
        report.resumeAt = position;
        await deps.stores.rescoreCursor.put({ projectIndex: position, startedAt: cursor?.startedAt ?? deps.clock.now().toISOString() });
        return report;
      }
      position++;
      const projectKey = board.projectKey;
      if (!projectKey || seenProjects.has(projectKey)) continue;
      seenProjects.add(projectKey);
      try {
        await rescoreBoard({ deps, board, projectKey, report, deadline });
      } catch (error) {
        report.failed++;
        console.warn('[refinement-radar] rescore failed for board', board.id, error instanceof Error ? error.message : error);
      }
    }
    if (page.isLast || page.boards.length === 0) break;
  }
  await deps.stores.rescoreCursor.put(undefined);
  return report;
}

async function rescoreBoard({
  deps,
  board,
  projectKey,
  report,
  deadline,
}: {
  deps: UseCaseDeps;
  board: Board;
  projectKey: string;
  report: RescoreReport;
  deadline: number;
}): Promise<void> {
  const projectId = board.projectId ?? (await projectIdOf({ deps, projectKey }));
  if (!projectId) return;
  const settings = await loadSettings({ deps, projectId });
  const setup = await resolveProjectSetup({ deps: { jira: deps.appJira, stores: deps.stores }, project: { id: projectId, key: projectKey }, settings, boardId: board.id });
  const walk = await walkHorizon({ jira: deps.appJira, stores: deps.stores, board: setup.board, plan: setup.plan, settings, projectKey });
  const scored = await scoreIssues({ deps, issues: walk.selection.items.map((candidate) => candidate.issue), settings });
  report.boards++;
  report.issues += scored.length;
  const stored = await deps.appJira.readinessProperties(scored.map(({ issue }) => issue.id));
  const outcome = await mapBounded({
    items: scored,
    limit: WRITE_CONCURRENCY,
    deadline,
    work: ({ issue, readiness }) => syncReadinessProperty({ appJira: deps.appJira, issueKey: issue.key, readiness, known: stored.get(issue.id) ?? null }),
  });
  report.written += outcome.results.filter(Boolean).length;
  report.failed += outcome.errors.length;
}

/** Boards whose location omits the project id: one issue of the project tells it. */
async function projectIdOf({ deps, projectKey }: { deps: UseCaseDeps; projectKey: string }): Promise<string | null> {
  const page = await deps.appJira.searchIssues({
    jql: `project = "${projectKey}" ORDER BY created DESC`,
    plan: BARE_PLAN,
    maxItems: 1,
    pageSize: 1,
  });
  return page.issues[0]?.projectId ?? null;
}
