import type { Agenda, SprintCheck } from './agenda';
import type { AgendaRound, CardValue, EstimationRound } from './estimation';
import type { HealthView } from './health';
import type { PanelReadiness, StoredReadiness } from './panel';
import type { IssueReadiness } from './readiness';
import type { ProjectSettings, SettingsPreview, SettingsView } from './settings';
import type { IssueQuestions, PersonRef, SessionAction, SessionQuestion, SessionView } from './session';

/**
 * The one contract between the Custom UI apps and the resolver function.
 * Payloads are what a browser may send; the resolver validates each with zod
 * and takes issue, project and account only from the trusted Forge context.
 */
export interface ResolverDefs {
  /** Issue panel: the judgement with the round and the issue's questions, in one invocation. */
  getReadiness: { payload: Record<string, never>; data: PanelReadiness };
  /** Issue context badge: the stored judgement only (one Jira GET as the user), never an evaluation. */
  getStoredReadiness: { payload: Record<string, never>; data: StoredReadiness };
  setChecklistItem: { payload: { itemId: string; checked: boolean }; data: IssueReadiness };
  /**
   * The estimation calls take `issueKey` on the agenda page only (its context has no issue); the
   * resolver checks it as the user and against the context project. The issue panel never sends it.
   */
  getRound: { payload: EstimationTarget; data: EstimationRound };
  castVote: { payload: { value: CardValue; reason?: string } & EstimationTarget; data: EstimationRound };
  revealVotes: { payload: EstimationTarget; data: EstimationRound };
  resetVotes: { payload: EstimationTarget; data: EstimationRound };
  acceptEstimate: { payload: { value: CardValue } & EstimationTarget; data: IssueReadiness };
  /** Facilitator only: starts (or restarts) the round timer; `seconds: 0` stops it. */
  startTimer: { payload: { seconds: number } & EstimationTarget; data: EstimationRound };
  /** Agenda page, "estimate in a row": one call per step — the item's round and its readiness in brief. */
  getRoundFor: { payload: { issueKey: string }; data: AgendaRound };
  getAgenda: { payload: { sessionMinutes?: number; boardId?: number }; data: Agenda };
  getSprintCheck: { payload: { sprintId?: number }; data: SprintCheck };
  getSettings: { payload: Record<string, never>; data: SettingsView };
  saveSettings: { payload: { settings: ProjectSettings }; data: SettingsView };
  previewSettings: { payload: { settings: ProjectSettings }; data: SettingsPreview };
  resetSettings: { payload: Record<string, never>; data: SettingsView };
  /** Project page, Health tab: the board's last closed sprints (board from the payload or the project's own). */
  getHealth: { payload: { boardId?: number }; data: HealthView };
  /** Refinement session (agenda page; the project comes from the context). `number` shows a past one. */
  getSession: { payload: { number?: number }; data: SessionView };
  startSession: { payload: { sessionMinutes?: number }; data: SessionView };
  /** Facilitator only; `version` is the session version the facilitator saw (CONFLICT when it moved on). */
  sessionAction: { payload: { version: number; action: SessionAction }; data: SessionView };
  giveConfidence: { payload: { value: number }; data: SessionView };
  takeOverSession: { payload: { version: number; confirm: boolean }; data: SessionView };
  endSession: { payload: { version: number }; data: SessionView };
  /** From the issue panel (its own issue) or the agenda page (`issueKey`, verified as the user). */
  addQuestion: { payload: { text: string; owner?: PersonRef; due?: string } & EstimationTarget; data: SessionQuestion };
  answerQuestion: { payload: { questionId: string; text: string }; data: SessionQuestion };
  /** Issue panel: the questions about its own issue (from the context), read as the user. */
  getQuestions: { payload: Record<string, never>; data: IssueQuestions };
}

/** Which issue an estimation call is about: only on the agenda page, which has no issue in its context. */
export interface EstimationTarget {
  issueKey?: string;
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
  'startTimer',
  'getRoundFor',
  'getAgenda',
  'getSprintCheck',
  'getSettings',
  'saveSettings',
  'previewSettings',
  'resetSettings',
  'getHealth',
  'getSession',
  'startSession',
  'sessionAction',
  'giveConfidence',
  'takeOverSession',
  'endSession',
  'addQuestion',
  'answerQuestion',
  'getQuestions',
  'getStoredReadiness',
] as const satisfies readonly ResolverKey[];
