/**
 * Site-wide metadata: fields, issue types, statuses, priorities, link types.
 * Custom field ids are deliberately unusual so the app has to discover them.
 */
import type { SiteIssueType, SiteLinkType, SiteStatus } from './model';

export const FIELD_IDS = {
  storyPoints: 'customfield_10106',
  storyPointEstimate: 'customfield_10216',
  storyPointsOld: 'customfield_10031',
  sprint: 'customfield_10104',
  rank: 'customfield_10119',
  flagged: 'customfield_10121',
  epicLink: 'customfield_10108',
  teamName: 'customfield_10305',
  /** The app's Forge custom field `readiness-field` (manifest jira:customField, type number, readOnly). */
  readiness: 'customfield_10400',
} as const;

/**
 * jira-custom-field "Field lifecycle": `schema.custom` of a Forge field is
 * `ari:cloud:ecosystem::extension/{app-id}/{environment-id}/static/{module-key}`.
 */
export const READINESS_FIELD_TYPE = 'ari:cloud:ecosystem::extension/00000000-0000-4000-8000-000000000000/sandbox/static/readiness-field';

export const FLAGGED_OPTION = { id: '10019', value: 'Impediment' } as const;

interface FieldSchema {
  type: string;
  items?: string;
  system?: string;
  custom?: string;
  customId?: number;
}

export interface FieldDefinition {
  id: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: FieldSchema;
}

const system = (id: string, name: string, schema: FieldSchema | null, clauses: string[] = [id]): FieldDefinition => ({
  id,
  name,
  custom: false,
  orderable: schema !== null && !['status', 'created', 'updated', 'creator', 'resolutiondate', 'statuscategorychangedate'].includes(id),
  navigable: id !== 'comment' && id !== 'attachment',
  searchable: true,
  clauseNames: clauses,
  ...(schema ? { schema } : {}),
});

const customField = (id: string, name: string, type: string, custom: string, items?: string): FieldDefinition => {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type, ...(items ? { items } : {}), custom, customId },
  };
};

export const FIELDS: FieldDefinition[] = [
  system('summary', 'Summary', { type: 'string', system: 'summary' }),
  system('description', 'Description', { type: 'string', system: 'description' }),
  system('issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }, ['issuetype', 'type']),
  system('status', 'Status', { type: 'status', system: 'status' }),
  system('statusCategory', 'Status Category', null, ['statusCategory']),
  system('priority', 'Priority', { type: 'priority', system: 'priority' }),
  system('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }),
  system('assignee', 'Assignee', { type: 'user', system: 'assignee' }),
  system('reporter', 'Reporter', { type: 'user', system: 'reporter' }),
  system('creator', 'Creator', { type: 'user', system: 'creator' }),
  system('created', 'Created', { type: 'datetime', system: 'created' }, ['created', 'createdDate']),
  system('updated', 'Updated', { type: 'datetime', system: 'updated' }, ['updated', 'updatedDate']),
  system('resolution', 'Resolution', { type: 'resolution', system: 'resolution' }),
  system('resolutiondate', 'Resolved', { type: 'datetime', system: 'resolutiondate' }, ['resolutiondate', 'resolved']),
  system('statuscategorychangedate', 'Status Category Changed', { type: 'datetime', system: 'statuscategorychangedate' }),
  system('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks', system: 'issuelinks' }, ['issueLink']),
  system('attachment', 'Attachment', { type: 'array', items: 'attachment', system: 'attachment' }, ['attachments']),
  system('comment', 'Comment', { type: 'comments-page', system: 'comment' }),
  system('project', 'Project', { type: 'project', system: 'project' }),
  system('parent', 'Parent', null, ['parent']),
  system('issuekey', 'Key', null, ['id', 'issue', 'issuekey', 'key']),
  customField(FIELD_IDS.storyPoints, 'Story Points', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'),
  customField(FIELD_IDS.storyPointEstimate, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
  customField(FIELD_IDS.storyPointsOld, 'Story Points (old)', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'),
  customField(FIELD_IDS.sprint, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', 'json'),
  customField(FIELD_IDS.rank, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
  customField(FIELD_IDS.flagged, 'Flagged', 'array', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes', 'option'),
  customField(FIELD_IDS.epicLink, 'Epic Link', 'any', 'com.pyxis.greenhopper.jira:gh-epic-link'),
  customField(FIELD_IDS.teamName, 'Team name', 'string', 'com.atlassian.jira.plugin.system.customfieldtypes:textfield'),
  customField(FIELD_IDS.readiness, 'Readiness', 'number', READINESS_FIELD_TYPE),
];

/** Fields that behave as custom fields but are computed from issue state. */
export const COMPUTED_CUSTOM_FIELDS: ReadonlySet<string> = new Set([FIELD_IDS.sprint, FIELD_IDS.rank]);

export const ISSUE_TYPES: SiteIssueType[] = [
  { id: '10000', name: 'Epic', description: 'A big user story that needs to be broken down.', hierarchyLevel: 1, subtask: false, avatarId: 10307 },
  { id: '10001', name: 'Story', description: 'Functionality or a feature expressed as a user goal.', hierarchyLevel: 0, subtask: false, avatarId: 10315 },
  { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, subtask: false, avatarId: 10318 },
  { id: '10003', name: 'Sub-task', description: 'A small piece of work that is part of a larger task.', hierarchyLevel: -1, subtask: true, avatarId: 10316 },
  { id: '10004', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, subtask: false, avatarId: 10303 },
  { id: '10005', name: 'Spike', description: 'Time-boxed research to answer a question.', hierarchyLevel: 0, subtask: false, avatarId: 10321 },
  // Team-managed projects have their own, project-scoped issue types.
  { id: '10016', name: 'Story', description: 'Stories track functionality or features expressed as user goals.', hierarchyLevel: 0, subtask: false, avatarId: 10315 },
  { id: '10017', name: 'Task', description: 'Tasks track small, distinct pieces of work.', hierarchyLevel: 0, subtask: false, avatarId: 10318 },
  { id: '10018', name: 'Bug', description: 'Bugs track problems or errors.', hierarchyLevel: 0, subtask: false, avatarId: 10303 },
];

export const STATUSES: SiteStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
];

export const STATUS_CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;

export const LINK_TYPES: SiteLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '10004', name: 'Dependency', inward: 'is a dependency of', outward: 'depends on' },
];

export const PERMISSION_KEYS = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.' },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', description: 'Ability to set and edit due dates and rank issues.' },
} as const;
export type PermissionKey = keyof typeof PERMISSION_KEYS;
export const isPermissionKey = (key: string): key is PermissionKey => key in PERMISSION_KEYS;
