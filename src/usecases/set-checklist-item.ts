import type { IssueReadiness } from '../contract';
import { afterReadinessChange } from './after-readiness-change';
import type { UseCaseDeps } from './deps';
import { BadRequestError } from './errors';
import { assertCanSee, getReadiness, type IssueRef } from './get-readiness';
import { loadSettings } from './project-setup';

/**
 * Ticks or unticks a manual Definition-of-Ready item. The item must be one the project's
 * settings define, so nothing the browser sends can choose a storage key. A tick raises no Jira
 * event, so the sprint flag follows the new judgement here.
 */
export async function setChecklistItem({
  deps,
  ref,
  accountId,
  itemId,
  checked,
}: {
  deps: UseCaseDeps;
  ref: IssueRef;
  accountId: string;
  itemId: string;
  checked: boolean;
}): Promise<IssueReadiness> {
  const settings = await loadSettings({ deps, projectId: ref.project.id });
  const item = settings.manualItems.find((candidate) => candidate.enabled && candidate.id === itemId);
  if (!item) throw new BadRequestError(`“${itemId.slice(0, 60)}” is not a checklist item of this project's Definition of Ready.`);
  const me = await deps.jira.myself();
  // Nothing is stored for an issue the caller cannot see.
  await assertCanSee({ deps, ref });
  await deps.stores.checklist.set({
    issueId: ref.issue.id,
    itemId: item.id,
    tick: { checked, by: accountId, byName: me.displayName, at: deps.clock.now().toISOString() },
  });
  return afterReadinessChange({ deps, view: await getReadiness({ deps, ref }) });
}
