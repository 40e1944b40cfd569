/**
 * REST issue → NormalizedIssue. Pure: reads each field on its own and falls back to an empty or
 * null value when a field is missing or has an unexpected shape, so one odd field never costs
 * the whole issue.
 */
import type { z } from 'zod';
import { issueKindFromType } from '../domain/issue-kind';
import type { IssueKind, LinkedIssue, NormalizedIssue, StatusCategory } from '../domain/issue';
import { extractText } from '../domain/text';
import type { FieldPlan } from '../usecases/ports';
import { classifyLink } from './classify-link';
import { parseEstimate } from './parse-estimate';
import { parseSprintIds } from './parse-sprint-ids';
import {
  issueLinkSchema,
  issueTypeFieldSchema,
  projectFieldSchema,
  statusFieldSchema,
  stringArrayFieldSchema,
  type RestIssue,
  type RestIssueLink,
} from './schemas/issue';
import { readinessPropertySchema } from './schemas/issue-property';

/** The app's own entity property, read along with every issue (Jira allows up to 5 per request). */
export const READINESS_PROPERTY_KEY = 'refinement-radar-readiness';

/** The fields every issue request asks for, besides the plan's custom fields. */
const BASE_ISSUE_FIELDS = [
  'summary',
  'issuetype',
  'status',
  'project',
  'description',
  'labels',
  'attachment',
  'issuelinks',
  'created',
  'updated',
] as const;

/** Base fields plus the custom fields the plan reads, without duplicates. */
export function issueFieldsFor(plan: FieldPlan): string[] {
  const planFields = [plan.estimation?.id, plan.sprint?.id, plan.flagged?.id, plan.rank?.id, plan.acceptanceCriteria];
  const ids = [...BASE_ISSUE_FIELDS, ...planFields.filter((id): id is string => typeof id === 'string' && id !== '')];
  return [...new Set(ids)];
}

export function normalizeIssue(params: { issue: RestIssue; plan: FieldPlan }): NormalizedIssue {
  const { issue, plan } = params;
  const fields = issue.fields ?? {};
  const read = <S extends z.ZodType>(schema: S, id: string | undefined): z.output<S> | null => {
    if (id === undefined) return null;
    const parsed = schema.safeParse(fields[id]);
    return parsed.success ? parsed.data : null;
  };
  const issueType = read(issueTypeFieldSchema, 'issuetype');
  const status = read(statusFieldSchema, 'status');
  const project = read(projectFieldSchema, 'project');
  const estimate = parseEstimate(plan.estimation ? fields[plan.estimation.id] : null);
  const links = readLinks(fields['issuelinks']);
  const attachments = fields['attachment'];

  return {
    id: issue.id,
    key: issue.key,
    projectKey: project?.key ?? projectKeyOf(issue.key),
    projectId: project?.id ?? '',
    summary: stringOr(fields['summary'], ''),
    issueTypeName: issueType?.name ?? '',
    kind: kindOf(issueType) ?? issueKindFromType({ name: '' }),
    statusName: status?.name ?? '',
    statusCategory: statusCategoryOf(status?.statusCategory?.key),
    description: extractText(fields['description'] ?? null),
    acceptanceField: plan.acceptanceCriteria ? extractText(fields[plan.acceptanceCriteria] ?? null) : null,
    labels: read(stringArrayFieldSchema, 'labels') ?? [],
    estimate: estimate.estimate,
    estimateProblem: estimate.problem,
    attachmentCount: Array.isArray(attachments) ? attachments.length : 0,
    links: links.visible,
    hiddenLinkCount: links.hidden,
    sprintIds: plan.sprint ? parseSprintIds(fields[plan.sprint.id]) : [],
    rank: plan.rank ? stringOrNull(fields[plan.rank.id]) : null,
    readinessProperty: readinessPropertyOf(issue),
    created: stringOrNull(fields['created']),
    updated: stringOrNull(fields['updated']),
    flagged: plan.flagged ? isFlagged(fields[plan.flagged.id]) : false,
  };
}

function readLinks(raw: unknown): { visible: LinkedIssue[]; hidden: number } {
  if (!Array.isArray(raw)) return { visible: [], hidden: 0 };
  const visible: LinkedIssue[] = [];
  let hidden = 0;
  for (const entry of raw as unknown[]) {
    const parsed = issueLinkSchema.safeParse(entry);
    const linked = parsed.success ? toLinkedIssue(parsed.data) : null;
    if (linked) visible.push(linked);
    else hidden += 1;
  }
  return { visible, hidden };
}

function toLinkedIssue(link: RestIssueLink): LinkedIssue | null {
  const side = link.inwardIssue ? 'inward' : 'outward';
  const other = link.inwardIssue ?? link.outwardIssue;
  if (!other) return null;
  const typeName = link.type.name ?? '';
  const phrase = (side === 'inward' ? link.type.inward : link.type.outward) ?? typeName;
  const otherFields = other.fields;
  const issueType = otherFields?.issuetype ?? null;
  return {
    direction: classifyLink({ typeName, phrase, side }),
    typeName,
    phrase,
    key: other.key,
    id: other.id,
    summary: otherFields?.summary ?? '',
    statusName: otherFields?.status?.name ?? '',
    statusCategory: statusCategoryOf(otherFields?.status?.statusCategory?.key),
    // Linked issues carry no project: the key prefix is the only source.
    projectKey: projectKeyOf(other.key),
    issueKind: kindOf(issueType),
    issueTypeName: issueType?.name ?? '',
  };
}

function kindOf(issueType: z.output<typeof issueTypeFieldSchema> | null): IssueKind | null {
  if (!issueType) return null;
  return issueKindFromType({ name: issueType.name, hierarchyLevel: issueType.hierarchyLevel, subtask: issueType.subtask });
}

/** Unknown categories (Jira's "undefined" / "No category") count as not started: still open work. */
function statusCategoryOf(key: string | undefined): StatusCategory {
  return key === 'indeterminate' || key === 'done' ? key : 'new';
}

function projectKeyOf(issueKey: string): string {
  const dash = issueKey.lastIndexOf('-');
  return dash > 0 ? issueKey.slice(0, dash) : '';
}

/** Flagged is a checkbox field (set when any option is ticked); Agile endpoints send a boolean. */
function isFlagged(raw: unknown): boolean {
  if (Array.isArray(raw)) return raw.length > 0;
  return raw === true;
}

function stringOr(raw: unknown, fallback: string): string {
  return typeof raw === 'string' ? raw : fallback;
}

function stringOrNull(raw: unknown): string | null {
  return typeof raw === 'string' && raw !== '' ? raw : null;
}

/** undefined when the response did not include properties (e.g. agile endpoints), null when ours is absent or not ours. */
function readinessPropertyOf(issue: RestIssue): NormalizedIssue['readinessProperty'] {
  if (!issue.properties) return undefined;
  const parsed = readinessPropertySchema.safeParse(issue.properties[READINESS_PROPERTY_KEY]);
  return parsed.success ? parsed.data : null;
}
