import type { IssueReadiness, ProjectSettings, ReadinessProperty } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import { toReadinessProperty } from '../domain/readiness';
import type { FieldPlan, Sprint, SprintFlagRecord } from './ports';

export const NO_FLAG_RECORD: SprintFlagRecord = { sprintId: null, flaggedAt: null, labelAdded: null, flaggedFieldSet: false, commentedSprints: [] };

/** What one issue's sprint flag needs: the edits (sent as one request), the record after them, and whether to comment. */
export interface SprintFlagPlan {
  outcome: 'flagged' | 'cleared' | 'unchanged';
  addLabels: string[];
  removeLabels: string[];
  flagged: { fieldId: string; flagged: boolean } | null;
  /** The record to store once the edit landed; null when it stays as it is. */
  record: SprintFlagRecord | null;
  /** The explanatory comment is due for this sprint (postSprintComment still claims it once). */
  comment: Pick<Sprint, 'id' | 'name'> | null;
}

function sameJudgement(a: ReadinessProperty, b: ReadinessProperty): boolean {
  return a.score === b.score && a.state === b.state && a.gaps.length === b.gaps.length && a.gaps.every((gap, i) => gap === b.gaps[i]);
}

/**
 * The readiness property to write (JQL: readinessScore, readinessState, readinessGap), or
 * undefined when the stored one already says the same (Jira's rate limits are spared) or the
 * issue is excluded from scoring.
 */
export function readinessPropertyChange(readiness: IssueReadiness, known: ReadinessProperty | null): ReadinessProperty | undefined {
  if (readiness.excluded) return undefined;
  const next = toReadinessProperty(readiness);
  return known && sameJudgement(known, next) ? undefined : next;
}

/**
 * The one decision about an issue's sprint-planning flag, for the queued work and the single-issue
 * path alike: what to edit (label, Flagged), the record after it and whether the comment is due,
 * computed from the issue as read and the stored record without writing. Every part compares with
 * the current state: a replayed event plans nothing. Warns, never blocks: a not-ready issue in an
 * open sprint gets the label, optionally Jira's Flagged field, and one explanatory comment per
 * sprint; a ready issue, or one that left the sprint, gets back what the app added.
 */
export function planSprintFlag(params: {
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  settings: ProjectSettings;
  plan: FieldPlan;
  openSprint: Pick<Sprint, 'id' | 'name'> | null;
  record: SprintFlagRecord | undefined;
  now: Date;
}): SprintFlagPlan {
  const { issue, readiness, settings, plan, openSprint } = params;
  const record = params.record ?? NO_FLAG_RECORD;
  const config = settings.sprintFlags;
  const none: SprintFlagPlan = { outcome: 'unchanged', addLabels: [], removeLabels: [], flagged: null, record: null, comment: null };
  const shouldFlag = config.enabled && openSprint !== null && !readiness.ready && !readiness.excluded && issue.statusCategory !== 'done';
  if (shouldFlag) {
    const addLabel = !issue.labels.includes(config.label);
    // A label a person put there before the app flagged anything stays theirs to remove.
    const labelAdded = addLabel ? config.label : record.labelAdded;
    const setFlag = config.setFlagged && plan.flagged !== null && !issue.flagged;
    const next: SprintFlagRecord = {
      sprintId: openSprint.id,
      flaggedAt: record.flaggedAt ?? params.now.toISOString(),
      labelAdded,
      flaggedFieldSet: record.flaggedFieldSet || setFlag,
      commentedSprints: [...record.commentedSprints],
    };
    const comment = config.comment && !record.commentedSprints.includes(openSprint.id) ? openSprint : null;
    const changed = JSON.stringify(next) !== JSON.stringify(record);
    return {
      outcome: changed || addLabel || setFlag || comment ? 'flagged' : 'unchanged',
      addLabels: addLabel ? [config.label] : [],
      removeLabels: [],
      flagged: setFlag && plan.flagged ? { fieldId: plan.flagged.id, flagged: true } : null,
      record: changed ? next : null,
      comment,
    };
  }
  if (record.sprintId === null && record.labelAdded === null && !record.flaggedFieldSet) return none;
  return {
    outcome: 'cleared',
    addLabels: [],
    removeLabels: record.labelAdded && issue.labels.includes(record.labelAdded) ? [record.labelAdded] : [],
    flagged: record.flaggedFieldSet && plan.flagged && issue.flagged ? { fieldId: plan.flagged.id, flagged: false } : null,
    record: { ...NO_FLAG_RECORD, commentedSprints: record.commentedSprints },
    comment: null,
  };
}
