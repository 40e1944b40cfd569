import type { IssueReadiness, ProjectSettings } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import type { FieldPlan, Sprint, SprintFlagRecord } from './ports';
import { sprintFlagComment } from './sprint-flag-comment';

const NO_RECORD: SprintFlagRecord = { sprintId: null, flaggedAt: null, labelAdded: null, flaggedFieldSet: false, commentedSprints: [] };

export type FlagOutcome = 'flagged' | 'cleared' | 'unchanged';

/**
 * Warns, never blocks: a not-ready issue in an open sprint gets the label, optionally Jira's
 * Flagged field, and one explanatory comment per sprint; a ready issue, or one that left the
 * sprint, gets back what the app added. Every step checks the current state first, so a
 * replayed or duplicated event changes nothing.
 */
export async function syncSprintFlag({
  deps,
  issue,
  readiness,
  settings,
  plan,
  openSprint,
}: {
  deps: Pick<UseCaseDeps, 'appJira' | 'stores' | 'clock'>;
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  settings: ProjectSettings;
  plan: FieldPlan;
  /** The open (future or active) sprint the issue is in, or null. */
  openSprint: Pick<Sprint, 'id' | 'name'> | null;
}): Promise<FlagOutcome> {
  const { appJira, stores, clock } = deps;
  const record = (await stores.sprintFlags.get(issue.id)) ?? NO_RECORD;
  const config = settings.sprintFlags;
  const shouldFlag = config.enabled && openSprint !== null && !readiness.ready && !readiness.excluded;

  if (shouldFlag) {
    let labelAdded = record.labelAdded;
    let flaggedFieldSet = record.flaggedFieldSet;
    const commentedSprints = [...record.commentedSprints];
    const flaggedAt = record.flaggedAt ?? clock.now().toISOString();
    const current = (): SprintFlagRecord => ({ sprintId: openSprint.id, flaggedAt, labelAdded, flaggedFieldSet, commentedSprints: [...commentedSprints] });
    try {
      if (!issue.labels.includes(config.label)) {
        await appJira.updateLabels({ issueIdOrKey: issue.key, add: [config.label] });
        labelAdded = config.label;
      } else if (record.sprintId === null && labelAdded === null) {
        // A person put the label there; it is theirs to remove.
        labelAdded = null;
      }
      if (config.setFlagged && plan.flagged && !issue.flagged) {
        await appJira.setFlagged({ issueIdOrKey: issue.key, fieldId: plan.flagged.id, flagged: true });
        flaggedFieldSet = true;
      }
      if (config.comment && !commentedSprints.includes(openSprint.id) && (await stores.sprintFlags.claimComment({ issueId: issue.id, sprintId: openSprint.id }))) {
        try {
          await appJira.addComment({ issueIdOrKey: issue.key, body: sprintFlagComment({ readiness, sprintName: openSprint.name, label: config.label }) });
        } catch (error) {
          // The comment was not posted: give the claim back so a retry can post it.
          await stores.sprintFlags.releaseComment({ issueId: issue.id, sprintId: openSprint.id });
          throw error;
        }
        commentedSprints.push(openSprint.id);
      }
    } catch (error) {
      // Keep what was already done (e.g. the label the app added), so a retry finishes the job and
      // clearing later removes the app's label instead of mistaking it for a person's.
      const partial = current();
      if (JSON.stringify(partial) !== JSON.stringify(record)) {
        await stores.sprintFlags.put({ issueId: issue.id, record: partial }).catch(() => undefined);
      }
      throw error;
    }
    const next = current();
    if (JSON.stringify(next) === JSON.stringify(record)) return 'unchanged';
    await stores.sprintFlags.put({ issueId: issue.id, record: next });
    return 'flagged';
  }

  if (record.sprintId === null && record.labelAdded === null && !record.flaggedFieldSet) return 'unchanged';
  if (record.labelAdded && issue.labels.includes(record.labelAdded)) {
    await appJira.updateLabels({ issueIdOrKey: issue.key, remove: [record.labelAdded] });
  }
  if (record.flaggedFieldSet && plan.flagged && issue.flagged) {
    await appJira.setFlagged({ issueIdOrKey: issue.key, fieldId: plan.flagged.id, flagged: false });
  }
  await stores.sprintFlags.put({ issueId: issue.id, record: { ...NO_RECORD, commentedSprints: record.commentedSprints } });
  return 'cleared';
}
