/**
 * The app's writes to an issue: the agreed estimate, and labels, Flagged and the readiness entity
 * property (which JQL can search and which does not clutter the issue history) in one edit.
 * The app's own edits are sent with `notifyUsers=false` (see `editQuietly`); comments are in app-comments.ts.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
import { route } from '@forge/api';
import type { ReadinessProperty } from '../contract';
import type { IssueEdit } from '../usecases/ports';
import { JiraBadRequestError, JiraForbiddenError, JiraNotFoundError } from './errors';
import { READINESS_PROPERTY_KEY } from './normalize-issue';
import { ignoredBody, type JiraClient } from './request';
import { issuePropertySchema, readinessPropertySchema } from './schemas/issue-property';

/** The option Jira Software's Flagged checkbox has on every site. */
const FLAGGED_OPTION = 'Impediment';

export async function setEstimate(params: { client: JiraClient; issueIdOrKey: string; fieldId: string; value: number }): Promise<void> {
  await editIssue({ ...params, body: { fields: { [params.fieldId]: params.value } } });
}

/**
 * Labels, Flagged and the readiness property in one `PUT /rest/api/3/issue/{id}?notifyUsers=false`:
 * IssueUpdateDetails takes `fields`, `update` and `properties` ([{key, value}]) side by side.
 * Returns false when there was nothing to send.
 */
export async function editIssueOnce(params: { client: JiraClient } & IssueEdit): Promise<boolean> {
  const labels = [...(params.addLabels ?? []).map((label) => ({ add: label })), ...(params.removeLabels ?? []).map((label) => ({ remove: label }))];
  const body: { fields?: Record<string, unknown>; update?: Record<string, unknown>; properties?: { key: string; value: ReadinessProperty }[] } = {};
  if (params.flagged) body.fields = { [params.flagged.fieldId]: params.flagged.flagged ? [{ value: FLAGGED_OPTION }] : null };
  if (labels.length > 0) body.update = { labels };
  if (params.property) body.properties = [{ key: READINESS_PROPERTY_KEY, value: params.property }];
  if (Object.keys(body).length === 0) return false;
  await editQuietly({ client: params.client, issueIdOrKey: params.issueIdOrKey, body });
  return true;
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

/**
 * The app's bookkeeping (its label, Flagged) should not email every watcher of the issue.
 * editIssue (`PUT /rest/api/3/issue/{issueIdOrKey}`) documents `notifyUsers`: "To disable the
 * notification, administer Jira or administer project permissions are required. If the user doesn't
 * have the necessary permission the request is ignored." Real sites instead reject the whole edit
 * with 403 "To discard the user notification either admin or project admin permissions are required."
 * (reported by several public Jira clients), and whether the app's user holds Administer Projects
 * depends on the site. So the quiet edit is tried first and, if Jira refuses it for the notification
 * setting (the message says so), sent once more as a plain edit: the label always lands; watchers are notified only where the app may not prevent it.
 */
async function editQuietly(params: { client: JiraClient; issueIdOrKey: string; body: unknown }): Promise<void> {
  try {
    await params.client.put(route`/rest/api/3/issue/${params.issueIdOrKey}?notifyUsers=false`, ignoredBody, params.body);
  } catch (error) {
    if (!refusedToStayQuiet(error)) throw error;
    await editIssue(params);
  }
}

/**
 * A 403 or 400 whose message names the notification setting ("To discard the user notification …").
 * Any other 403 is a real permission refusal: a plain edit would only be refused again (a second write).
 */
function refusedToStayQuiet(error: unknown): boolean {
  return (error instanceof JiraForbiddenError || error instanceof JiraBadRequestError) && /notif/i.test(error.jiraMessage);
}
