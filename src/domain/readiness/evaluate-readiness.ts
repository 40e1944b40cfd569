import type { Criterion, IssueReadiness, ProjectSettings } from '../../contract';
import type { NormalizedIssue } from '../issue';
import { AUTO_CRITERION_IDS, profileForKind } from '../settings';
import { CRITERION_JUDGES } from './criteria';
import { criterionLabel } from './criterion-labels';
import { type CriterionContext, type EstimationSummary } from './criterion-context';
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
}

function autoCriteria(ctx: CriterionContext): Criterion[] {
  const profileSettings = ctx.settings.profiles[ctx.profile];
  const criteria: Criterion[] = [];
  for (const id of AUTO_CRITERION_IDS) {
    const setting = profileSettings.criteria[id];
    if (!setting.enabled) continue;
    const judgement = CRITERION_JUDGES[id](ctx);
    criteria.push({
      id,
      label: criterionLabel({ id, profile: ctx.profile }),
      status: judgement.status,
      detail: judgement.detail,
      ...(judgement.fix !== undefined && judgement.status !== 'pass' ? { fix: judgement.fix } : {}),
      manual: false,
      weight: setting.weight,
      required: setting.required,
    });
  }
  return criteria;
}

function manualCriteria({ settings, checklist }: Pick<ReadinessInput, 'settings' | 'checklist'>): Criterion[] {
  return settings.manualItems.filter((item) => item.enabled).map((item) => judgeManualItem({ item, entry: checklist[item.id] }));
}

/**
 * Judges one issue against the project's Definition of Ready. Pure: everything it needs is in
 * the input, so the same input always gives the same readiness.
 */
export function evaluateReadiness(input: ReadinessInput): IssueReadiness {
  const { issue, settings, now } = input;
  const profile = profileForKind(issue.kind);
  const warnings = [...(input.warnings ?? [])];
  const base = {
    issueKey: issue.key,
    summary: issue.summary,
    issueType: issue.issueTypeName,
    threshold: settings.readyThreshold,
    estimate: issue.estimate,
    estimateFieldName: input.estimateFieldName ?? null,
    evaluatedAt: now.toISOString(),
  };
  if (settings.profiles[profile].excluded) {
    return { ...base, score: 100, ready: true, criteria: [], flags: [], excluded: true, warnings };
  }
  const ctx: CriterionContext = { issue, settings, profile, estimation: input.estimation, now, facts: textFacts(issue) };
  const judged = [...autoCriteria(ctx), ...manualCriteria(input)];
  const score = weightedScore(judged);
  const requiredFailing = judged.some((criterion) => criterion.required && criterion.status === 'fail');
  if (issue.hiddenLinkCount > 0) warnings.push(hiddenLinksMessage(issue.hiddenLinkCount));
  return {
    ...base,
    score,
    ready: score >= settings.readyThreshold && !requiredFailing,
    criteria: sortCriteria(judged),
    flags: issueFlags({ ctx, criteria: judged }),
    excluded: false,
    warnings,
  };
}
