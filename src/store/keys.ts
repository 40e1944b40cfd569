/**
 * Every KVS key the app uses, built here only and only from trusted ids (Forge context,
 * Jira responses) that are checked again, so no UI payload can steer a read or write
 * to another issue's or project's data.
 * Ids followed by another segment may not contain ':' so prefix queries stay exact.
 */
import { InvalidStoreKeyError } from './errors';

/** Jira issue / project ids (numeric on real sites) and site ids. */
const SEGMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Atlassian account ids, e.g. "5b10a2844c20165700ede21g" or "557058:f58131cb-b67d-…". */
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
/** Queue step ids: `sprint-12-started-2025-01-06:3`, `board-7-2025-01-06:0`. */
const QUEUE_STEP = /^[A-Za-z0-9:._-]{1,200}$/;
/** Manual checklist item ids, as the settings schema allows them. */
const ITEM_ID = /^[a-z0-9-]{1,40}$/;

function checked(params: { part: string; value: string; pattern: RegExp }): string {
  if (!params.pattern.test(params.value)) throw new InvalidStoreKeyError({ part: params.part, value: params.value });
  return params.value;
}

const issue = (issueId: string) => checked({ part: 'issue id', value: issueId, pattern: SEGMENT_ID });
const project = (projectId: string) => checked({ part: 'project id', value: projectId, pattern: SEGMENT_ID });
const account = (accountId: string) => checked({ part: 'account id', value: accountId, pattern: ACCOUNT_ID });
const positiveId = (part: string, sprintId: number) => {
  if (!Number.isSafeInteger(sprintId) || sprintId < 0) throw new InvalidStoreKeyError({ part, value: String(sprintId) });
  return String(sprintId);
};
const sprint = (sprintId: number) => positiveId('sprint id', sprintId);
const counted = (part: string, value: number) => {
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidStoreKeyError({ part, value: String(value) });
  return String(value);
};
const round = (params: { issueId: string; roundNumber: number }) => `round:${issue(params.issueId)}:${counted('round number', params.roundNumber)}`;
const board = (boardId: number) => positiveId('board id', boardId);

export const isValidChecklistItemId = (itemId: string): boolean => ITEM_ID.test(itemId);

export const storeKeys = {
  settings: (params: { projectId: string }) => `settings:${project(params.projectId)}`,
  /**
   * Estimation rounds (src/store/round-store.ts): every record names its round and is created once
   * (FAIL_IF_EXISTS), so concurrent writers can never put an older state back.
   * `round:<issueId>:<n>` round n started; `…:<n>:closed` voting closed (a reveal began);
   * `…:<n>:revealed` the votes that count; `…:<n>:accepted` the estimate accepted in round n.
   */
  roundStart: round,
  roundClosed: (params: { issueId: string; roundNumber: number }) => `${round(params)}:closed`,
  roundRevealed: (params: { issueId: string; roundNumber: number }) => `${round(params)}:revealed`,
  roundAccepted: (params: { issueId: string; roundNumber: number }) => `${round(params)}:accepted`,
  /** `…:<n>:timer` the timer a facilitator started in round n (the latest start wins, like an accept). */
  roundTimer: (params: { issueId: string; roundNumber: number }) => `${round(params)}:timer`,
  /** `vote:<issueId>:<n>:<slot>`: the slot-th ballot cast in round n; slots are taken in order, one writer each. */
  ballot: (params: { issueId: string; roundNumber: number; slot: number }) =>
    `vote:${issue(params.issueId)}:${counted('round number', params.roundNumber)}:${counted('ballot slot', params.slot)}`,
  checklistPrefix: (params: { issueId: string }) => `checklist:${issue(params.issueId)}:`,
  checklistItem: (params: { issueId: string; itemId: string }) =>
    `checklist:${issue(params.issueId)}:${checked({ part: 'checklist item id', value: params.itemId, pattern: ITEM_ID })}`,
  fields: (params: { siteId: string }) => `fields:${checked({ part: 'site id', value: params.siteId, pattern: SEGMENT_ID })}`,
  permission: (params: { projectId: string; accountId: string }) => `perm:${project(params.projectId)}:${account(params.accountId)}`,
  /**
   * `permission:<projectId>:<PERMISSION>:<accountId>`: a cached answer about any other project
   * permission (EDIT_ISSUES for facilitating), so it never evicts the admin answer under `perm:`.
   */
  projectPermission: (params: { projectId: string; permission: string; accountId: string }) =>
    `permission:${project(params.projectId)}:${checked({ part: 'permission', value: params.permission, pattern: /^[A-Z_]{1,40}$/ })}:${account(params.accountId)}`,
  sprintFlag: (params: { issueId: string }) => `sprintflag:${issue(params.issueId)}`,
  /** Attempt 1 keeps the original claim key; attempt k ≥ 2 adds `:<k>`. */
  sprintComment: (params: { issueId: string; sprintId: number; attempt?: number }) =>
    `sprintcomment:${issue(params.issueId)}:${sprint(params.sprintId)}${params.attempt === undefined || params.attempt === 1 ? '' : `:${counted('comment attempt', params.attempt)}`}`,
  projectSetup: (params: { projectId: string; boardId: number | null }) =>
    `setup:${project(params.projectId)}:${params.boardId === null ? 'auto' : board(params.boardId)}`,
  velocity: (params: { boardId: number }) => `velocity:${board(params.boardId)}`,
  /** `session:<projectId>`: the refinement session length the team last chose on the agenda. */
  sessionLength: (params: { projectId: string }) => `session:${project(params.projectId)}`,
  /**
   * Readiness at sprint start (Health tab): `sprintstart:<sprintId>` the record's header,
   * `sprintstart:<sprintId>:<page>` the issues of one recorded page (≤ 100, far below 240 KiB).
   */
  sprintStart: (params: { sprintId: number }) => `sprintstart:${sprint(params.sprintId)}`,
  sprintStartPage: (params: { sprintId: number; page: number }) => `sprintstart:${sprint(params.sprintId)}:${positiveId('record page', params.page)}`,
  /** Done or not at sprint close: `sprintclose:<sprintId>` header, `…:<chunk>` the issues (≤ 1,000 per chunk). */
  sprintClose: (params: { sprintId: number }) => `sprintclose:${sprint(params.sprintId)}`,
  sprintCloseChunk: (params: { sprintId: number; chunk: number }) => `sprintclose:${sprint(params.sprintId)}:${positiveId('record chunk', params.chunk)}`,
  /** `rsession:<projectId>:<v>`: version v of the project's refinement sessions (created once); `…:head` the latest version seen. */
  sessionBook: (params: { projectId: string; version: number }) => `rsession:${project(params.projectId)}:${counted('version', params.version)}`,
  sessionBookHead: (params: { projectId: string }) => `rsession:${project(params.projectId)}:head`,
  /** `rquestions:<projectId>:<v>`: version v of the questions about the project's agenda items; `…:head` likewise. */
  questionBook: (params: { projectId: string; version: number }) => `rquestions:${project(params.projectId)}:${counted('version', params.version)}`,
  questionBookHead: (params: { projectId: string }) => `rquestions:${project(params.projectId)}:head`,
  /** `sessioncomment:<issueId>:<projectId>-<n>`: the one outcome comment of session n on an issue, claimed once. */
  sessionComment: (params: { issueId: string; projectId: string; sessionNumber: number }) =>
    `sessioncomment:${issue(params.issueId)}:${project(params.projectId)}-${counted('session number', params.sessionNumber)}`,
  /** `step:<id>`: a queued step already carried out (ids are built by the app from Jira ids and dates). */
  queueStep: (params: { step: string }) => `step:${checked({ part: 'queue step', value: params.step, pattern: QUEUE_STEP })}`,
} as const;
