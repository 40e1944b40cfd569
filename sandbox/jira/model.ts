/**
 * The emulator's own data model: what a Jira site holds, independent of REST shapes.
 * Seed data is written in these types; the REST views in `views.ts` turn them into Jira JSON.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Who a REST request runs as: a user (asUser) or the app itself (asApp). */
export type Principal = { kind: 'user'; accountId: string } | { kind: 'app' };

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SiteUser {
  accountId: string;
  /** Short name used by `?as=` in the demo (ana, raj, …). */
  alias: string;
  displayName: string;
  email: string;
  timeZone: string;
  active: boolean;
}

export interface ProjectAccess {
  browse: boolean;
  edit: boolean;
  admin: boolean;
}

export interface SiteProject {
  id: string;
  key: string;
  name: string;
  /** classic = company-managed, next-gen = team-managed. */
  style: 'classic' | 'next-gen';
  leadAccountId: string;
  /** Field ids on the project's edit screen (what PUT /issue may set). */
  screenFieldIds: string[];
  /** Issue type ids available in the project. */
  issueTypeIds: string[];
}

export interface SiteIssueType {
  id: string;
  name: string;
  description: string;
  hierarchyLevel: number;
  subtask: boolean;
  avatarId: number;
}

export interface SiteStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface SiteBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban' | 'simple';
  /** Team-managed (`simple`) boards can turn sprints off; then they answer for sprints like Kanban boards. Default on. */
  sprintsEnabled?: boolean;
  projectKey: string;
  estimationFieldId: string;
  estimationFieldName: string;
}

export type SprintState = 'closed' | 'active' | 'future';

export interface SiteSprint {
  id: number;
  name: string;
  state: SprintState;
  boardId: number;
  goal: string | null;
  createdDate: string;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
}

export interface SiteLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

/** A link "source <outward> destination", e.g. DEMO-31 blocks DEMO-12. */
export interface SiteLink {
  id: string;
  typeId: string;
  sourceKey: string;
  destinationKey: string;
}

export interface SiteAttachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  authorAccountId: string;
  created: string;
}

export interface SiteComment {
  id: string;
  authorAccountId: string;
  body: Json;
  created: string;
  updated: string;
  /** Comment entity properties by key (addComment body `properties`; read with getCommentsByIds `expand=properties`). */
  properties?: Record<string, Json>;
}

export interface SiteIssue {
  id: string;
  key: string;
  projectKey: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  /** ADF document, or a raw string (wiki markup, "NULL"), or null. */
  description: Json;
  labels: string[];
  priorityId: string;
  assigneeAccountId: string | null;
  reporterAccountId: string;
  creatorAccountId: string;
  created: string;
  updated: string;
  resolutionDate: string | null;
  /** Lexorank string ("0|i0000a:"), compared as a string. */
  rank: string;
  sprintIds: number[];
  parentKey: string | null;
  /** Custom field values by field id (story points, flagged, …) except sprint and rank. */
  custom: Record<string, Json>;
  attachments: SiteAttachment[];
  comments: SiteComment[];
  properties: Record<string, Json>;
  /** Change histories, oldest first (only sprint-field moves are recorded; read by changelog/bulkfetch). */
  changelog?: SiteHistory[];
}

/** One change history (the spec's `Changelog`): who, when, and its ChangeDetails items. */
export interface SiteHistory {
  id: string;
  created: string;
  authorAccountId: string | null;
  items: JsonObject[];
}

/** Everything a site starts with. Issues may omit generated parts (id, rank, dates). */
export interface SeedIssue {
  key: string;
  type: string;
  status: string;
  summary: string;
  description: Json;
  labels?: string[];
  priority?: 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
  assignee?: string | null;
  reporter?: string;
  created?: string;
  updated?: string;
  sprints?: number[];
  parentKey?: string;
  custom?: Record<string, Json>;
  attachments?: { filename: string; mimeType: string; size: number }[];
  comments?: { author: string; text: string }[];
  /** Past changes, oldest first (sprint moves of the seeded sprint history). */
  changelog?: { created: string; author?: string; items: JsonObject[] }[];
}

export interface SeedLink {
  type: string;
  /** source <outward phrase> destination ("DEMO-31 blocks DEMO-12"). */
  source: string;
  destination: string;
}

export interface SeedData {
  cloudId: string;
  siteUrl: string;
  appAccountId: string;
  users: SiteUser[];
  /** accountId → projectKey → access. The app (asApp) sees everything. */
  access: Record<string, Record<string, ProjectAccess>>;
  projects: SiteProject[];
  boards: SiteBoard[];
  sprints: SiteSprint[];
  /** Issues in rank order within each project (first = top of the backlog). */
  issues: SeedIssue[];
  links: SeedLink[];
}
