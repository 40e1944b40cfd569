import type { IssueReadiness, ProjectSettings, ReadinessProperty } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import { planSprintFlag } from './plan-sprint-flag';
import type { FieldPlan, IssueEdit, Sprint } from './ports';
import { postSprintComment } from './post-sprint-comment';
import { sprintFlagComment } from './sprint-flag-comment';

export type FlagOutcome = 'flagged' | 'cleared' | 'unchanged';

/** What both paths know about the issue whose sprint flag they sync. */
interface SprintFlagInput {
  deps: Pick<UseCaseDeps, 'appJira' | 'stores' | 'clock'>;
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  settings: ProjectSettings;
  plan: FieldPlan;
  /** The open (future or active) sprint the issue is in, or null. */
  openSprint: Pick<Sprint, 'id' | 'name'> | null;
  /** A changed readiness property to send with the edit, if there is one. */
  property?: ReadinessProperty | undefined;
}

/**
 * The one writer of an issue's sprint flag (the queued work and the single-issue path both use
 * it): plans with planSprintFlag, sends labels, Flagged and the readiness property (when given) as
 * one edit, stores the record, then posts the one comment per sprint. The record is stored before
 * the comment, so a label the app added is never mistaken for a person's. Returns whether the edit
 * was sent (and so carried the property); throws when a write failed.
 */
export async function applySprintFlag({
  deps,
  edit,
  issue,
  readiness,
  settings,
  plan,
  openSprint,
  property,
}: SprintFlagInput & {
  /** One quiet edit of the issue (the bulk client in the queue, the gateway otherwise). */
  edit: (edit: IssueEdit) => Promise<unknown>;
}): Promise<{ outcome: FlagOutcome; edited: boolean }> {
  const { stores } = deps;
  const flag = planSprintFlag({ issue, readiness, settings, plan, openSprint, record: await stores.sprintFlags.get(issue.id), now: deps.clock.now() });
  const edited = flag.addLabels.length > 0 || flag.removeLabels.length > 0 || flag.flagged !== null;
  if (edited) {
    await edit({
      issueIdOrKey: issue.key,
      ...(flag.addLabels.length > 0 ? { addLabels: flag.addLabels } : {}),
      ...(flag.removeLabels.length > 0 ? { removeLabels: flag.removeLabels } : {}),
      ...(flag.flagged ? { flagged: flag.flagged } : {}),
      ...(property ? { property } : {}),
    });
  }
  if (flag.record) await stores.sprintFlags.put({ issueId: issue.id, record: flag.record });
  const sprint = flag.comment;
  if (sprint) {
    const posted = await postSprintComment({ deps, issue, sprint, body: () => sprintFlagComment({ readiness, sprintName: sprint.name, label: settings.sprintFlags.label }) });
    // Posting elsewhere: that invocation records it, or the next sync finds its attempt.
    if (posted !== 'elsewhere') {
      const stored = await stores.sprintFlags.get(issue.id);
      if (stored && !stored.commentedSprints.includes(sprint.id)) {
        await stores.sprintFlags.put({ issueId: issue.id, record: { ...stored, commentedSprints: [...stored.commentedSprints, sprint.id] } });
      }
    }
  }
  return { outcome: flag.outcome, edited };
}

/** The single-issue path (a trigger for one issue, a panel change): the flag alone, through the gateway's edit. */
export async function syncSprintFlag(params: SprintFlagInput): Promise<{ outcome: FlagOutcome; edited: boolean }> {
  return applySprintFlag({ ...params, edit: (edit) => params.deps.appJira.editIssue(edit) });
}
