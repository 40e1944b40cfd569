import type { UseCaseDeps } from './deps';
import { PermissionDeniedError } from './errors';
import { type IssueRef } from './get-readiness';
import { BARE_PLAN } from './project-setup';

/**
 * The issue an agenda page estimates. That page's Forge context names a project and no issue, so
 * the browser says which agenda item it means; the key is only a claim until Jira, asked as the
 * person, finds the issue (404 → NOT_FOUND when they may not see it) and it belongs to the context
 * project (otherwise FORBIDDEN). Only the ids Jira answered travel on, so KVS keys are built from them.
 */
export async function resolveAgendaIssue({ deps, project, issueKey }: { deps: Pick<UseCaseDeps, 'jira'>; project: IssueRef['project']; issueKey: string }): Promise<IssueRef> {
  const issue = await deps.jira.getIssue({ issueIdOrKey: issueKey, plan: BARE_PLAN });
  if (issue.projectId !== project.id) {
    throw new PermissionDeniedError(`${issue.key} is not an issue of ${project.key}: this agenda estimates ${project.key}'s issues only.`);
  }
  return { project, issue: { id: issue.id, key: issue.key } };
}
