/**
 * Jira Software reads: boards, their estimation field, sprints.
 * @see https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/
 */
import { route } from '@forge/api';
import { z } from 'zod';
import type { Board, Sprint } from '../usecases/ports';
import { JiraBadRequestError, JiraForbiddenError, JiraNotFoundError } from './errors';
import type { JiraClient } from './request';
import { boardConfigurationSchema, boardListSchema, boardSchema } from './schemas/board';
import { sprintListSchema, sprintSchema } from './schemas/sprint';

const SPRINT_PAGE_SIZE = 50;
/** Bounds the sprint walk on boards with years of history. */
const MAX_SPRINT_PAGES = 20;
const DEFAULT_MAX_SPRINTS = 100;
/** The sprint probe reads only the status of the answer. */
const anyBody = z.unknown();

/** How many of a project's team-managed boards are asked whether they have sprints. */
const MAX_SPRINT_PROBES = 5;

/**
 * The chosen board, or the project's board to plan with: a scrum board first; else a
 * team-managed (`simple`) board with sprints; else a board without sprints (Kanban, or
 * `simple` with sprints off), returned so the caller can say why there are no sprints.
 * `type=scrum` comes first so company-managed projects cost one request, as before; the agile
 * spec does not say `type` takes a comma list, so the fallback lists the project's boards unfiltered.
 */
export async function findBoard(params: { client: JiraClient; projectKey: string; boardId?: number | null }): Promise<Board | null> {
  const { client, projectKey, boardId } = params;
  if (boardId !== undefined && boardId !== null) {
    const board = await nullIfMissing(() => client.get(route`/rest/agile/1.0/board/${boardId}`, boardSchema));
    return board ? withSprintSupport({ client, board: toBoard({ board, fallbackProjectKey: null }) }) : null;
  }
  const scrum = await nullIfMissing(() =>
    client.get(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&type=scrum&maxResults=${50}`, boardListSchema),
  );
  const first = scrum?.values[0];
  if (first) return toBoard({ board: first, fallbackProjectKey: projectKey });
  const all = await nullIfMissing(() => client.get(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&maxResults=${50}`, boardListSchema));
  const boards = (all?.values ?? []).map((board) => toBoard({ board, fallbackProjectKey: projectKey })).filter((board) => board.type !== 'scrum');
  const simple = boards.filter((board) => board.type === 'simple');
  for (const board of simple.slice(0, MAX_SPRINT_PROBES)) {
    if (await supportsSprints({ client, boardId: board.id })) return { ...board, hasSprints: true };
  }
  return simple[0] ?? boards[0] ?? null;
}

/**
 * One page of the site's boards in Jira's order (the daily rescore walks them all, page by
 * page, and keeps those with sprints). Unfiltered, so a board's position is stable across pages
 * whatever its type; each team-managed board is asked whether it has sprints.
 */
export async function siteBoards(params: {
  client: JiraClient;
  startAt: number;
  maxResults: number;
}): Promise<{ boards: Board[]; isLast: boolean }> {
  const { client, startAt, maxResults } = params;
  const page = await client.get(route`/rest/agile/1.0/board?startAt=${startAt}&maxResults=${maxResults}`, boardListSchema);
  const boards: Board[] = [];
  for (const raw of page.values) boards.push(await withSprintSupport({ client, board: toBoard({ board: raw, fallbackProjectKey: null }) }));
  const next = startAt + page.values.length;
  const isLast = page.isLast ?? (page.values.length === 0 || (page.total !== undefined ? next >= page.total : page.values.length < maxResults));
  return { boards, isLast };
}

/**
 * The board's estimation field, or null when it estimates by issue count, or its configuration
 * cannot be read (then the caller falls back to the discovered story-point field).
 */
export async function boardEstimationField(params: { client: JiraClient; boardId: number }): Promise<{ id: string; name: string } | null> {
  try {
    const config = await params.client.get(route`/rest/agile/1.0/board/${params.boardId}/configuration`, boardConfigurationSchema);
    const field = config.estimation?.field;
    return field ? { id: field.fieldId, name: field.displayName ?? field.fieldId } : null;
  } catch (error) {
    if (error instanceof JiraNotFoundError || error instanceof JiraForbiddenError) return null;
    throw error;
  }
}

/**
 * Sprints of a board in Jira's order (closed, active, future). When only closed sprints are
 * asked for, the most recent `maxItems` are returned (velocity needs the latest, which come last),
 * jumping straight to the end of the list when Jira reports a total.
 */
export async function sprints(params: {
  client: JiraClient;
  boardId: number;
  states: ('future' | 'active' | 'closed')[];
  maxItems?: number;
}): Promise<Sprint[]> {
  const limit = params.maxItems ?? DEFAULT_MAX_SPRINTS;
  const newestClosed = params.states.length === 1 && params.states[0] === 'closed';
  const state = params.states.join(',');
  const found: Sprint[] = [];
  let startAt = 0;
  for (let page = 0; page < MAX_SPRINT_PAGES; page++) {
    const result = await params.client.get(
      route`/rest/agile/1.0/board/${params.boardId}/sprint?state=${state}&startAt=${startAt}&maxResults=${SPRINT_PAGE_SIZE}`,
      sprintListSchema,
    );
    found.push(...result.values.map(toSprint));
    if (!newestClosed && found.length >= limit) break;
    startAt += result.values.length;
    const total = result.total;
    if (result.values.length === 0 || result.isLast === true || (total !== undefined && startAt >= total)) break;
    if (newestClosed && total !== undefined && total - limit > startAt) startAt = total - limit;
  }
  return newestClosed ? found.slice(-limit) : found.slice(0, limit);
}

export async function sprint(params: { client: JiraClient; sprintId: number }): Promise<Sprint> {
  return toSprint(await params.client.get(route`/rest/agile/1.0/sprint/${params.sprintId}`, sprintSchema));
}

async function nullIfMissing<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof JiraNotFoundError) return null;
    throw error;
  }
}

/**
 * Scrum boards have sprints and Kanban boards none; a team-managed (`simple`) board has them
 * only when its Sprints feature is on, which only asking tells.
 */
async function withSprintSupport(params: { client: JiraClient; board: Board }): Promise<Board> {
  const { board } = params;
  if (board.type !== 'simple') return board;
  return { ...board, hasSprints: await supportsSprints({ client: params.client, boardId: board.id }) };
}

/**
 * One sprint asked for: a board without sprints (Kanban, or team-managed with sprints off)
 * answers 400 "The board does not support sprints" (the spec's "request is invalid"); any
 * page, even an empty one, means the board plans in sprints. Only the status matters here.
 */
async function supportsSprints(params: { client: JiraClient; boardId: number }): Promise<boolean> {
  try {
    await params.client.get(route`/rest/agile/1.0/board/${params.boardId}/sprint?maxResults=${1}`, anyBody);
    return true;
  } catch (error) {
    if (error instanceof JiraBadRequestError && error.status === 400) return false;
    throw error;
  }
}

/** Boards found by project belong to it even when Jira leaves `location` out. */
function toBoard(params: { board: z.output<typeof boardSchema>; fallbackProjectKey: string | null }): Board {
  const { board } = params;
  const type = board.type === 'scrum' || board.type === 'kanban' ? board.type : 'simple';
  const projectId = board.location?.projectId;
  return {
    id: board.id,
    name: board.name,
    type,
    projectKey: board.location?.projectKey ?? params.fallbackProjectKey,
    projectId: projectId === undefined ? null : String(projectId),
    // Settled for `simple` boards by withSprintSupport / supportsSprints.
    hasSprints: type === 'scrum',
  };
}

function toSprint(raw: z.output<typeof sprintSchema>): Sprint {
  const state = raw.state.toLowerCase();
  return {
    id: raw.id,
    name: raw.name,
    // Jira only knows these three; anything else has not started, so it plans like a future sprint.
    state: state === 'active' || state === 'closed' ? state : 'future',
    startDate: raw.startDate ?? null,
    endDate: raw.endDate ?? null,
    completeDate: raw.completeDate ?? null,
    goal: raw.goal ?? null,
    originBoardId: raw.originBoardId ?? null,
  };
}
