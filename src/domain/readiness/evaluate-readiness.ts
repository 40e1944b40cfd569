import type { AutoCriterionId, Criterion, IssueReadiness, ProjectSettings } from '../../contract';
import type { NormalizedIssue } from '../issue';
import { profileForKind } from '../settings';
import { CRITERIA, criterionLabel } from './criteria/registry';
import { type CriterionContext, type EstimationSummary, type Judgement } from './criterion-context';
import { issueFlags } from './issue-flags';
import { type ChecklistEntry, judgeManualItem } from './manual-item';
import { sortCriteria, weightedScore } from './score';
import { hiddenLinksMessage } from './criteria';
import { textFacts } from './text-facts';

export interface ReadinessInput {
  issue: NormalizedIssue;
  settings: ProjectSettings;
  /** Ticked checklist items by item id (KVS `checklist:<issueId>`). */
  checklist: Record<string, ChecklistEntry>;
  /** Summary of the estimation round; null when none exists. */
  estimation: EstimationSummary | null;
  now: Date;
  /** Non-fatal problems met while gathering the input, passed through to the result. */
  warnings?: string[];
  /** Name of the field the estimate came from ("Story Points"), when known. */
  estimateFieldName?: string | null;
  /** Unanswered questions about the issue (refinement session questions). */
  openQuestions?: string[];
}

/** The criterion as the contract shows it; `fix` only on criteria that are not passing. */
function toCriterion({ id, label, judgement, weight, required }: { id: AutoCriterionId; label: string; judgement: Judgement; weight: number; required: boolean }): Criterion {
  const { status, detail, fix, message, fixMessage } = judgement;
  if (fix !== undefined && status !== 'pass') return { id, label, status, detail, fix, message, ...(fixMessage === undefined ? {} : { fixMessage }), manual: false, weight, required };
  return { id, label, status, detail, message, manual: false, weight, required };
}

/** Judges the enabled automatic criteria, in settings order. */
function autoCriteria(ctx: CriterionContext): Criterion[] {
  const into: Criterion[] = [];
  const profileSettings = ctx.settings.profiles[ctx.profile];
  for (const { id, judge } of CRITERIA) {
    const setting = profileSettings.criteria[id];
    if (!setting.enabled) continue;
    const judgement = judge(ctx);
    into.push(toCriterion({ id, label: criterionLabel({ id, profile: ctx.profile }), judgement, weight: setting.weight, required: setting.required }));
  }
  return into;
}

/** Appends the enabled checklist items to `judged`, in settings order. */
function addManualCriteria({ settings, checklist, judged }: Pick<ReadinessInput, 'settings' | 'checklist'> & { judged: Criterion[] }): void {
  for (const item of settings.manualItems) if (item.enabled) judged.push(judgeManualItem({ item, entry: checklist[item.id] }));
}

/**
 * Judges one issue against the project's Definition of Ready. Pure: everything it needs is in
 * the input, so the same input always gives the same readiness.
 */
export function evaluateReadiness(input: ReadinessInput): IssueReadiness {
  const { issue, settings, now } = input;
  const profile = profileForKind(issue.kind);
  const warnings = input.warnings === undefined ? [] : [...input.warnings];
  const estimateFieldName = input.estimateFieldName ?? null;
  const evaluatedAt = now.toISOString();
  if (settings.profiles[profile].excluded) {
    return {
      issueKey: issue.key,
      summary: issue.summary,
      issueType: issue.issueTypeName,
      threshold: settings.readyThreshold,
      estimate: issue.estimate,
      estimateFieldName,
      evaluatedAt,
      warnings,
      status: 'excluded',
      reason: 'issue-type',
      criteria: [],
      flags: [],
      excluded: true,
    };
  }
  const ctx: CriterionContext = { issue, settings, profile, estimation: input.estimation, now, facts: textFacts(issue), openQuestions: input.openQuestions ?? [] };
  const judged = autoCriteria(ctx);
  addManualCriteria({ settings, checklist: input.checklist, judged });
  const score = weightedScore(judged);
  const requiredFailing = judged.some((criterion) => criterion.required && criterion.status === 'fail');
  const criteria = score >= settings.readyThreshold ? judged.map(asGapToConsider) : judged;
  if (issue.hiddenLinkCount > 0) warnings.push(hiddenLinksMessage(issue.hiddenLinkCount));
  // Written out, not spread from a shared base: one literal gives the object its final shape at
  // once, where a spread plus six more properties took a fifth of the evaluation (measured).
  return {
    issueKey: issue.key,
    summary: issue.summary,
    issueType: issue.issueTypeName,
    threshold: settings.readyThreshold,
    estimate: issue.estimate,
    estimateFieldName,
    evaluatedAt,
    warnings,
    status: 'judged',
    score,
    ready: score >= settings.readyThreshold && !requiredFailing,
    criteria: sortCriteria(criteria),
    flags: issueFlags({ ctx, criteria }),
    excluded: false,
  };
}

/**
 * Once the score reaches the threshold, a failing criterion that is not required no longer stands
 * between the item and "ready": it becomes a gap to consider. So a red ✕ always means "fix this to
 * be ready", and a ready item never shows one. Same weight, same (zero) credit: the score is unchanged.
 */
function asGapToConsider(criterion: Criterion): Criterion {
  return criterion.status === 'fail' && !criterion.required ? { ...criterion, status: 'consider' } : criterion;
}
