import type { IssueReadiness, ProjectSettings, ReadinessProperty } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import type { UseCaseDeps } from './deps';
import type { ReadinessView } from './get-readiness';
import type { FieldPlan, JiraGateway, Sprint } from './ports';
import type { ProjectSetup } from './project-setup';
import { syncSprintFlag, type FlagOutcome } from './sync-sprint-flag';

/** The open (future or active) sprint an issue sits in. Sprint states are looked up, never guessed from ids. */
async function openSprintOf({ sprints, issue }: { sprints: Pick<JiraGateway, 'sprint'>; issue: NormalizedIssue }): Promise<Sprint | null> {
  for (const sprintId of [...issue.sprintIds].reverse()) {
    const sprint = await sprints.sprint(sprintId);
    if (sprint.state !== 'closed') return sprint;
  }
  return null;
}

/**
 * Brings an issue's sprint-planning flag in line with a judgement just made from a fresh read of
 * it (labels, Flagged and sprint ids come from that read, so nothing is read again). Which sprint
 * the issue is in matters only when it would be flagged, so a ready, excluded or done issue, or
 * one in no sprint, costs no sprint lookup. Throws when a write failed.
 */
export async function syncFlagForJudgement({
  deps,
  sprints,
  issue,
  readiness,
  settings,
  plan,
  property,
}: {
  deps: Pick<UseCaseDeps, 'appJira' | 'stores' | 'clock'>;
  /** Reads sprint states as whoever asked: the person in a resolver, the app in a trigger. */
  sprints: Pick<JiraGateway, 'sprint'>;
  issue: NormalizedIssue;
  readiness: IssueReadiness;
  settings: ProjectSettings;
  plan: FieldPlan;
  /** A changed readiness property to send in the same edit, when there is one. */
  property?: ReadinessProperty | undefined;
}): Promise<{ outcome: FlagOutcome; edited: boolean }> {
  const mayFlag = settings.sprintFlags.enabled && !readiness.ready && !readiness.excluded && issue.statusCategory !== 'done';
  const openSprint = mayFlag ? await openSprintOf({ sprints, issue }) : null;
  return syncSprintFlag({ deps, issue, readiness, settings, plan, openSprint, property });
}

/**
 * After a person changed a readiness input in the panel (a checklist tick, an accepted estimate).
 * Jira raises no event the app hears for these (the app's own writes are filtered by `ignoreSelf`,
 * and a tick is not a Jira change at all), so the label, Flagged and the one comment per sprint
 * follow here, in the same action. Sprints are read as the person; the flag writes are the app's
 * own (`appJira`), made only after the person's read of the issue succeeded. The person's change
 * stands even when the flag cannot be updated: the panel says so instead of failing.
 */
export async function afterReadinessChange({
  deps,
  view,
}: {
  deps: UseCaseDeps;
  /** The panel's fresh judgement (getReadiness); only the field plan of its setup is needed. */
  view: Pick<ReadinessView, 'issue' | 'readiness' | 'settings'> & { setup: Pick<ProjectSetup, 'plan'> };
}): Promise<IssueReadiness> {
  const { issue, readiness, settings, setup } = view;
  try {
    await syncFlagForJudgement({ deps, sprints: deps.jira, issue, readiness, settings, plan: setup.plan });
  } catch (error) {
    readiness.warnings.push(`The “${settings.sprintFlags.label}” flag could not be updated just now; it follows the issue's next change.`);
    console.warn('[refinement-radar] sprint flag sync after a panel change failed', error instanceof Error ? error.message : error);
  }
  return readiness;
}
