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
const board = (boardId: number) => positiveId('board id', boardId);

export const isValidChecklistItemId = (itemId: string): boolean => ITEM_ID.test(itemId);

export const storeKeys = {
  settings: (params: { projectId: string }) => `settings:${project(params.projectId)}`,
  votePrefix: (params: { issueId: string }) => `vote:${issue(params.issueId)}:`,
  vote: (params: { issueId: string; accountId: string }) => `vote:${issue(params.issueId)}:${account(params.accountId)}`,
  round: (params: { issueId: string }) => `round:${issue(params.issueId)}`,
  checklistPrefix: (params: { issueId: string }) => `checklist:${issue(params.issueId)}:`,
  checklistItem: (params: { issueId: string; itemId: string }) =>
    `checklist:${issue(params.issueId)}:${checked({ part: 'checklist item id', value: params.itemId, pattern: ITEM_ID })}`,
  fields: (params: { siteId: string }) => `fields:${checked({ part: 'site id', value: params.siteId, pattern: SEGMENT_ID })}`,
  permission: (params: { projectId: string; accountId: string }) => `perm:${project(params.projectId)}:${account(params.accountId)}`,
  sprintFlag: (params: { issueId: string }) => `sprintflag:${issue(params.issueId)}`,
  sprintComment: (params: { issueId: string; sprintId: number }) => `sprintcomment:${issue(params.issueId)}:${sprint(params.sprintId)}`,
  projectSetup: (params: { projectId: string; boardId: number | null }) =>
    `setup:${project(params.projectId)}:${params.boardId === null ? 'auto' : board(params.boardId)}`,
  velocity: (params: { boardId: number }) => `velocity:${board(params.boardId)}`,
  rescoreCursor: () => 'rescore:cursor',
} as const;
