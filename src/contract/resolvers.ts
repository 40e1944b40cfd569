import type { Agenda, SprintCheck } from './agenda';
import type { CardValue, EstimationRound } from './estimation';
import type { IssueReadiness } from './readiness';
import type { ProjectSettings, SettingsPreview, SettingsView } from './settings';

/**
 * The one contract between the Custom UI apps and the resolver function.
 * Payloads are what a browser may send; the resolver validates each with zod
 * and takes issue, project and account only from the trusted Forge context.
 */
export interface ResolverDefs {
  getReadiness: { payload: Record<string, never>; data: IssueReadiness };
  setChecklistItem: { payload: { itemId: string; checked: boolean }; data: IssueReadiness };
  getRound: { payload: Record<string, never>; data: EstimationRound };
  castVote: { payload: { value: CardValue }; data: EstimationRound };
  revealVotes: { payload: Record<string, never>; data: EstimationRound };
  resetVotes: { payload: Record<string, never>; data: EstimationRound };
  acceptEstimate: { payload: { value: CardValue }; data: IssueReadiness };
  getAgenda: { payload: { sessionMinutes?: number; boardId?: number }; data: Agenda };
  getSprintCheck: { payload: { sprintId?: number }; data: SprintCheck };
  getSettings: { payload: Record<string, never>; data: SettingsView };
  saveSettings: { payload: { settings: ProjectSettings }; data: SettingsView };
  previewSettings: { payload: { settings: ProjectSettings }; data: SettingsPreview };
  resetSettings: { payload: Record<string, never>; data: SettingsView };
}

export type ResolverKey = keyof ResolverDefs;
export type PayloadOf<K extends ResolverKey> = ResolverDefs[K]['payload'];
export type DataOf<K extends ResolverKey> = ResolverDefs[K]['data'];

export const RESOLVER_KEYS = [
  'getReadiness',
  'setChecklistItem',
  'getRound',
  'castVote',
  'revealVotes',
  'resetVotes',
  'acceptEstimate',
  'getAgenda',
  'getSprintCheck',
  'getSettings',
  'saveSettings',
  'previewSettings',
  'resetSettings',
] as const satisfies readonly ResolverKey[];
