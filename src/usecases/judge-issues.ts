import type { IssueReadiness, ProjectSettings, ReadinessProperty } from '../contract';
import { toReadinessProperty } from '../domain/readiness';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import { scoreIssues } from './evaluate-issue';
import { mapBounded } from './map-bounded';
import { readinessPropertyChange } from './plan-sprint-flag';
import type { FieldPlan, Sprint } from './ports';
import { applySprintFlag } from './sync-sprint-flag';
import type { BulkJira } from './work-ports';

export interface JudgeReport {
  judged: number;
  flagged: number;
  cleared: number;
  unchanged: number;
  edits: number;
  propertyWrites: number;
  fieldWrites: number;
  failed: number;
}

export const emptyJudgeReport = (): JudgeReport => ({ judged: 0, flagged: 0, cleared: 0, unchanged: 0, edits: 0, propertyWrites: 0, fieldWrites: 0, failed: 0 });

export function addReports(into: JudgeReport, from: JudgeReport): void {
  const keys: (keyof JudgeReport)[] = ['judged', 'flagged', 'cleared', 'unchanged', 'edits', 'propertyWrites', 'fieldWrites', 'failed'];
  for (const key of keys) into[key] += from[key];
}

const WRITE_LANES = 4;

/**
 * Judges a batch of issues read with their stored property and brings Jira in line with the
 * fewest requests: one quiet edit per issue whose label or Flagged changes (the property rides
 * along), property-only changes in bulk (properties/multi), the Readiness field in bulk, and the
 * one comment per newly flagged issue and sprint. Issues not started before `deadline` are
 * returned so the caller can push them as a new event. Throws the first error when any issue
 * failed, after doing the rest, so the event is delivered again (every step is idempotent).
 */
export async function judgeIssues(params: {
  deps: UseCaseDeps;
  bulk: BulkJira;
  issues: NormalizedIssue[];
  fieldValues: Map<string, number | null>;
  readinessFieldId: string | null;
  settingsFor: (projectId: string) => Promise<ProjectSettings>;
  plan: FieldPlan;
  /** The open sprint an issue is in (null: none), given what was read. */
  openSprintOf: (issue: NormalizedIssue) => Promise<Pick<Sprint, 'id' | 'name'> | null>;
  deadline: number;
  now: () => number;
}): Promise<{ report: JudgeReport; leftOver: string[]; scored: { issue: NormalizedIssue; readiness: IssueReadiness }[] }> {
  const { deps, bulk } = params;
  const report = emptyJudgeReport();
  const byProject = new Map<string, NormalizedIssue[]>();
  for (const issue of params.issues) byProject.set(issue.projectId, [...(byProject.get(issue.projectId) ?? []), issue]);
  const scored: { issue: NormalizedIssue; readiness: IssueReadiness; settings: ProjectSettings }[] = [];
  for (const [projectId, issues] of byProject) {
    const settings = await params.settingsFor(projectId);
    const judged = await scoreIssues({ deps, issues, settings, estimateFieldName: params.plan.estimation?.name ?? null });
    scored.push(...judged.map(({ issue, readiness }) => ({ issue, readiness, settings })));
  }

  const propertyOnly: { issueId: string; value: ReadinessProperty }[] = [];
  const fieldValues: { issueId: string; score: number }[] = [];
  let started = 0;
  const outcome = await mapBounded({
    items: scored,
    limit: WRITE_LANES,
    deadline: params.deadline,
    // Every event makes progress: the first issue of each lane starts even when time ran short.
    now: () => (started++ < WRITE_LANES ? Number.NEGATIVE_INFINITY : params.now()),
    work: async ({ issue, readiness, settings }) => {
      const next = readiness.excluded ? null : toReadinessProperty(readiness);
      const property = readinessPropertyChange(readiness, issue.readinessProperty ?? null);
      const open = issue.statusCategory === 'done' || readiness.ready || readiness.excluded || !settings.sprintFlags.enabled ? null : await params.openSprintOf(issue);
      const { outcome, edited } = await applySprintFlag({ deps, edit: (edit) => bulk.editIssue(edit), issue, readiness, settings, plan: params.plan, openSprint: open, property });
      if (edited) {
        report.edits++;
        if (property) report.propertyWrites++;
      } else if (property) {
        propertyOnly.push({ issueId: issue.id, value: property });
      }
      if (next && params.readinessFieldId && params.fieldValues.get(issue.id) !== next.score) fieldValues.push({ issueId: issue.id, score: next.score });
      report.judged++;
      report[outcome]++;
      return true;
    },
  });

  const leftOver = scored.filter((_, index) => outcome.results[index] === undefined && !outcome.errors.some((failure) => failure.index === index)).map(({ issue }) => issue.id);
  if (propertyOnly.length > 0) {
    await bulk.setReadinessProperties(propertyOnly);
    report.propertyWrites += propertyOnly.length;
  }
  if (params.readinessFieldId && fieldValues.length > 0) {
    await bulk.setReadinessField({ fieldId: params.readinessFieldId, values: fieldValues });
    report.fieldWrites += fieldValues.length;
  }
  report.failed = outcome.errors.length;
  const first = outcome.errors[0];
  if (first) throw first.error;
  return { report, leftOver, scored: scored.map(({ issue, readiness }) => ({ issue, readiness })) };
}
