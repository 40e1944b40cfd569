/**
 * The app's writes to an issue: estimate, labels, Flagged, one comment, and the readiness
 * entity property (which JQL can search and which does not clutter the issue history).
 * `notifyUsers=false` is not sent: Jira honours it only for callers with admin permissions.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
import { route } from '@forge/api';
import type { ReadinessProperty } from '../contract';
import type { AdfDoc } from '../usecases/ports';
import { JiraNotFoundError } from './errors';
import { READINESS_PROPERTY_KEY } from './normalize-issue';
import { ignoredBody, type JiraClient } from './request';
import { createdCommentSchema } from './schemas/comment';
import { issuePropertySchema, readinessPropertySchema } from './schemas/issue-property';

/** The option Jira Software's Flagged checkbox has on every site. */
const FLAGGED_OPTION = 'Impediment';

export async function setEstimate(params: { client: JiraClient; issueIdOrKey: string; fieldId: string; value: number }): Promise<void> {
  await editIssue({ ...params, body: { fields: { [params.fieldId]: params.value } } });
}

export async function updateLabels(params: { client: JiraClient; issueIdOrKey: string; add?: string[]; remove?: string[] }): Promise<void> {
  const operations = [
    ...(params.add ?? []).map((label) => ({ add: label })),
    ...(params.remove ?? []).map((label) => ({ remove: label })),
  ];
  if (operations.length === 0) return;
  await editIssue({ ...params, body: { update: { labels: operations } } });
}

export async function setFlagged(params: { client: JiraClient; issueIdOrKey: string; fieldId: string; flagged: boolean }): Promise<void> {
  const value = params.flagged ? [{ value: FLAGGED_OPTION }] : null;
  await editIssue({ ...params, body: { fields: { [params.fieldId]: value } } });
}

export async function addComment(params: { client: JiraClient; issueIdOrKey: string; body: AdfDoc }): Promise<{ id: string }> {
  const created = await params.client.post(route`/rest/api/3/issue/${params.issueIdOrKey}/comment`, createdCommentSchema, {
    body: params.body,
  });
  return { id: created.id };
}

/** Null when the property is absent, or holds something this app did not write. */
export async function getReadinessProperty(params: { client: JiraClient; issueIdOrKey: string }): Promise<ReadinessProperty | null> {
  try {
    const property = await params.client.get(
      route`/rest/api/3/issue/${params.issueIdOrKey}/properties/${READINESS_PROPERTY_KEY}`,
      issuePropertySchema,
    );
    const parsed = readinessPropertySchema.safeParse(property.value);
    return parsed.success ? parsed.data : null;
  } catch (error) {
    if (error instanceof JiraNotFoundError) return null;
    throw error;
  }
}

export async function setReadinessProperty(params: { client: JiraClient; issueIdOrKey: string; value: ReadinessProperty }): Promise<void> {
  await params.client.put(
    route`/rest/api/3/issue/${params.issueIdOrKey}/properties/${READINESS_PROPERTY_KEY}`,
    ignoredBody,
    params.value,
  );
}

async function editIssue(params: { client: JiraClient; issueIdOrKey: string; body: unknown }): Promise<void> {
  await params.client.put(route`/rest/api/3/issue/${params.issueIdOrKey}`, ignoredBody, params.body);
}
