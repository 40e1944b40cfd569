import type { IssueReadiness, ProjectSettings } from '../contract';
import type { StartEntry } from '../domain/health';
import { toReadinessProperty } from '../domain/readiness';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import { addReports, emptyJudgeReport, judgeIssues, type JudgeReport } from './judge-issues';
import type { Sprint } from './ports';
import { loadSettings, resolveProjectSetup } from './project-setup';
import { walkHorizon } from './walk-horizon';
import { stepOf, type BulkJira, type StepStore, type WorkJob, type WorkQueue } from './work-ports';

/** search/jql returns at most 100 issues per page with fields. */
const PAGE = 100;

export interface WorkDeps {
  deps: UseCaseDeps;
  bulk: BulkJira;
  queue: WorkQueue;
  steps: StepStore;
  /** When this invocation must stop starting work (its time limit less a margin). */
  deadline: number;
  now: () => number;
}

/**
 * Carries out one queued job. The step is marked done only after its continuation was pushed,
 * so a second delivery of a finished step does nothing, and a delivery that died is redone
 * (every write compares with the current state first).
 */
export async function runJob(work: WorkDeps, job: WorkJob): Promise<JudgeReport> {
  const step = stepOf(job);
  if (await work.steps.isDone(step)) return emptyJudgeReport();
  const { report, next } =
    job.kind === 'sprint'
      ? await sprintStep(work, job)
      : job.kind === 'issues'
        ? await issuesStep(work, job)
        : job.kind === 'close'
          ? await closeStep(work, job)
          : job.kind === 'boards'
            ? await boardsStep(work, job)
            : await boardStep(work, job);
  if (next.length > 0) await work.queue.push(next.map((entry) => ({ job: entry })));
  await work.steps.markDone(step);
  return report;
}

function settingsLoader(deps: UseCaseDeps): (projectId: string) => Promise<ProjectSettings> {
  const known = new Map<string, Promise<ProjectSettings>>();
  return (projectId) => {
    let loaded = known.get(projectId);
    if (!loaded) known.set(projectId, (loaded = loadSettings({ deps, projectId })));
    return loaded;
  };
}

/** Sprint states are looked up (once per invocation), never guessed from ids. */
function openSprintFinder(deps: UseCaseDeps): (issue: NormalizedIssue) => Promise<Sprint | null> {
  const sprints = new Map<number, Promise<Sprint>>();
  return async (issue) => {
    for (const sprintId of [...issue.sprintIds].reverse()) {
      let sprint = sprints.get(sprintId);
      if (!sprint) sprints.set(sprintId, (sprint = deps.appJira.sprint(sprintId)));
      const found = await sprint;
      if (found.state !== 'closed') return found;
    }
    return null;
  };
}

async function sprintStep(work: WorkDeps, job: Extract<WorkJob, { kind: 'sprint' }>): Promise<{ report: JudgeReport; next: WorkJob[] }> {
  const { deps } = work;
  const sprint = await deps.appJira.sprint(job.sprintId);
  if (sprint.state === 'closed') return { report: emptyJudgeReport(), next: [] };
  const catalog = await deps.appJira.fieldCatalog();
  const board = sprint.originBoardId === null ? null : await deps.appJira.findBoard({ projectKey: '', boardId: sprint.originBoardId });
  const jql = `sprint = ${job.sprintId} ORDER BY Rank ASC`;
  const setup = board?.projectId && board.projectKey
    ? await resolveProjectSetup({ deps: { jira: deps.appJira, stores: deps.stores }, project: { id: board.projectId, key: board.projectKey }, settings: await loadSettings({ deps, projectId: board.projectId }), boardId: board.id })
    : null;
  const plan = setup?.plan ?? { estimation: null, sprint: catalog.sprint, flagged: catalog.flagged, rank: catalog.rank, acceptanceCriteria: null };
  const readinessFieldId = catalog.readiness?.id ?? null;
  const page = await work.bulk.searchPage({ jql, plan, pageToken: job.pageToken, pageSize: PAGE, readinessFieldId });
  const only = job.only ? new Set(job.only) : null;
  const issues = page.issues.filter((issue) => issue.statusCategory !== 'done' && (!only || only.has(issue.id)));
  const { report, leftOver, scored } = await judgeIssues({
    deps,
    bulk: work.bulk,
    issues,
    fieldValues: page.fieldValues,
    readinessFieldId,
    settingsFor: settingsLoader(deps),
    plan,
    // Every issue of this page is in this (open) sprint.
    openSprintOf: () => Promise.resolve(sprint),
    deadline: work.deadline,
    now: work.now,
  });
  if (job.record && sprint.state === 'active') {
    await deps.stores.sprintRecords.putStartPage({
      sprintId: job.sprintId,
      page: job.record.page,
      startedAt: sprint.startDate,
      recordedAt: deps.clock.now().toISOString(),
      entries: scored.map(({ issue, readiness }) => startEntryOf(issue, readiness)),
      last: !page.nextPageToken && leftOver.length === 0,
    });
  }
  const next: WorkJob[] = [];
  // Issues left for lack of time: the same page again, only those (the concurrency key keeps order).
  if (leftOver.length > 0) next.push({ ...job, seq: job.seq + 1, only: leftOver });
  // Only the page's first job goes on to the next page: a leftover job re-reads its page (and so
  // sees the same next token), and pushing that page again would only repeat it.
  if (page.nextPageToken && !job.only) {
    const record = job.record ? { record: { page: job.record.page + 1 } } : {};
    next.push({ kind: 'sprint', run: job.run, seq: job.seq + 1, sprintId: job.sprintId, pageToken: page.nextPageToken, ...record });
  }
  return { report, next };
}

async function issuesStep(work: WorkDeps, job: Extract<WorkJob, { kind: 'issues' }>): Promise<{ report: JudgeReport; next: WorkJob[] }> {
  const { deps } = work;
  const settingsFor = settingsLoader(deps);
  const catalog = await deps.appJira.fieldCatalog();
  const setup = await resolveProjectSetup({ deps: { jira: deps.appJira, stores: deps.stores }, project: { id: job.projectId, key: job.projectKey }, settings: await settingsFor(job.projectId) });
  const readinessFieldId = catalog.readiness?.id ?? null;
  const ids = job.issueIds.filter((id) => /^\d+$/.test(id));
  if (ids.length === 0) return { report: emptyJudgeReport(), next: [] };
  const page = await work.bulk.searchPage({ jql: `id in (${ids.join(',')})`, plan: setup.plan, pageToken: null, pageSize: PAGE, readinessFieldId });
  const { report, leftOver } = await judgeIssues({
    deps, bulk: work.bulk, issues: page.issues, fieldValues: page.fieldValues, readinessFieldId, settingsFor, plan: setup.plan,
    openSprintOf: openSprintFinder(deps), deadline: work.deadline, now: work.now,
  });
  return { report, next: leftOver.length > 0 ? [{ ...job, seq: job.seq + 1, issueIds: leftOver }] : [] };
}

/** Boards listed per page of the daily rescore's fan-out. */
const BOARD_PAGE = 50;

/**
 * One page of the daily rescore's board listing: a job per board with sprints, and the next page.
 * The first board of each project also re-judges the project's horizon; later boards of the same
 * project (on this page or an earlier one, `projects`) only re-sync their open sprints.
 */
async function boardsStep(work: WorkDeps, job: Extract<WorkJob, { kind: 'boards' }>): Promise<{ report: JudgeReport; next: WorkJob[] }> {
  const page = await work.deps.appJira.siteBoards({ startAt: job.startAt, maxResults: BOARD_PAGE });
  const projects = new Set(job.projects);
  const next: WorkJob[] = [];
  for (const board of page.boards) {
    if (!board.hasSprints || !board.projectKey) continue;
    const horizon = !projects.has(board.projectKey);
    projects.add(board.projectKey);
    next.push({ kind: 'board', run: `${job.run}-b${board.id}`, seq: 0, boardId: board.id, horizon });
  }
  if (!page.isLast && page.boards.length > 0) {
    next.push({ kind: 'boards', run: job.run, seq: job.seq + 1, startAt: job.startAt + page.boards.length, projects: [...projects] });
  }
  return { report: emptyJudgeReport(), next };
}

/**
 * One board of the daily rescore: its refinement horizon is judged again (property, Readiness
 * field, flags) unless another board of its project does that, and each of its open sprints is
 * queued so sprint flags are re-synced too.
 */
async function boardStep(work: WorkDeps, job: Extract<WorkJob, { kind: 'board' }>): Promise<{ report: JudgeReport; next: WorkJob[] }> {
  const { deps } = work;
  const board = await deps.appJira.findBoard({ projectKey: '', boardId: job.boardId });
  if (!board?.hasSprints || !board.projectKey || !board.projectId) return { report: emptyJudgeReport(), next: [] };
  if (job.horizon === false) return { report: emptyJudgeReport(), next: await openSprintJobs(work, job, board.id) };
  const settingsFor = settingsLoader(deps);
  const settings = await settingsFor(board.projectId);
  const setup = await resolveProjectSetup({ deps: { jira: deps.appJira, stores: deps.stores }, project: { id: board.projectId, key: board.projectKey }, settings, boardId: board.id });
  if (!setup.board) return { report: emptyJudgeReport(), next: [] };
  const walk = await walkHorizon({ jira: deps.appJira, stores: deps.stores, board: setup.board, plan: setup.plan, settings, projectKey: board.projectKey });
  const catalog = await deps.appJira.fieldCatalog();
  const readinessFieldId = catalog.readiness?.id ?? null;
  const ids = walk.selection.items.map((candidate) => candidate.issue.id);
  const report = emptyJudgeReport();
  const openSprintOf = openSprintFinder(deps);
  for (let start = 0; start < ids.length; start += PAGE) {
    const chunk = ids.slice(start, start + PAGE);
    // Re-read with the stored property and field value, so only what changed is written.
    const page = await work.bulk.searchPage({ jql: `id in (${chunk.join(',')})`, plan: setup.plan, pageToken: null, pageSize: PAGE, readinessFieldId });
    const judged = await judgeIssues({ deps, bulk: work.bulk, issues: page.issues, fieldValues: page.fieldValues, readinessFieldId, settingsFor, plan: setup.plan, openSprintOf, deadline: work.deadline, now: work.now });
    addReports(report, judged.report);
    const rest = [...judged.leftOver, ...ids.slice(start + PAGE)];
    if (rest.length > 0 && work.now() > work.deadline) {
      return { report, next: [{ kind: 'issues', run: job.run, seq: job.seq + 1, projectId: board.projectId, projectKey: board.projectKey, issueIds: rest }] };
    }
  }
  return { report, next: await openSprintJobs(work, job, board.id) };
}

/** A sprint job per open (active or future) sprint of the board, so its flags are re-synced. */
async function openSprintJobs(work: WorkDeps, job: Extract<WorkJob, { kind: 'board' }>, boardId: number): Promise<WorkJob[]> {
  const open = await work.deps.appJira.sprints({ boardId, states: ['active', 'future'] });
  return open.map((sprint) => ({ kind: 'sprint', run: `${job.run}-s${sprint.id}`, seq: 0, sprintId: sprint.id, pageToken: null }));
}

/** What the Health tab keeps of an issue's readiness when its sprint started. */
function startEntryOf(issue: NormalizedIssue, readiness: IssueReadiness): StartEntry {
  const property = readiness.excluded ? null : toReadinessProperty(readiness);
  return {
    id: issue.id,
    key: issue.key,
    points: issue.estimate,
    score: property?.score ?? null,
    state: property?.state ?? 'excluded',
    gaps: property?.gaps ?? [],
  };
}

/** A closed sprint's issues read at most up to this many (far above any real sprint). */
const CLOSE_ISSUE_CAP = 5000;

/**
 * The sprint closed: which of its issues were done, with their points, recorded once (a second
 * delivery finds the record and stops), so the Health tab need not guess from later status.
 */
async function closeStep(work: WorkDeps, job: Extract<WorkJob, { kind: 'close' }>): Promise<{ report: JudgeReport; next: WorkJob[] }> {
  const { deps } = work;
  if (await deps.stores.sprintRecords.getClose(job.sprintId)) return { report: emptyJudgeReport(), next: [] };
  const sprint = await deps.appJira.sprint(job.sprintId);
  if (sprint.state !== 'closed') return { report: emptyJudgeReport(), next: [] };
  const catalog = await deps.appJira.fieldCatalog();
  const board = sprint.originBoardId === null ? null : await deps.appJira.findBoard({ projectKey: '', boardId: sprint.originBoardId });
  const setup = board?.projectId && board.projectKey
    ? await resolveProjectSetup({ deps: { jira: deps.appJira, stores: deps.stores }, project: { id: board.projectId, key: board.projectKey }, settings: await loadSettings({ deps, projectId: board.projectId }), boardId: board.id })
    : null;
  const plan = setup?.plan ?? { estimation: null, sprint: catalog.sprint, flagged: catalog.flagged, rank: catalog.rank, acceptanceCriteria: null };
  const page = await deps.appJira.sprintIssues({ sprintId: job.sprintId, plan, maxItems: CLOSE_ISSUE_CAP, pageSize: 100 });
  await deps.stores.sprintRecords.putClose({
    sprintId: job.sprintId,
    closedAt: sprint.completeDate ?? deps.clock.now().toISOString(),
    issues: page.issues.filter((issue) => issue.kind !== 'subtask').map((issue) => ({ id: issue.id, key: issue.key, points: issue.estimate, done: issue.statusCategory === 'done' })),
  });
  return { report: emptyJudgeReport(), next: [] };
}
