import type { z } from 'zod';
import type { Agenda, SprintCheck } from './agenda';
import type { AgendaRound, EstimationRound } from './estimation';
import type { HealthView } from './health';
import type { PanelReadiness, StoredReadiness } from './panel';
import type { PayloadSchemas } from './payloads';
import type { IssueReadiness } from './readiness';
import type { SettingsPreview, SettingsView } from './settings';
import type { IssueQuestions, SessionQuestion, SessionView } from './session';

/**
 * The one contract between the Custom UI apps and the resolver function: what each resolver
 * answers. What a browser may send is defined once, as zod schemas in ./payloads.ts, and the
 * payload types derive from them (PayloadOf); the resolver validates each payload with its schema
 * and takes issue, project and account only from the trusted Forge context.
 *
 * The estimation calls take `issueKey` on the agenda page only (its context has no issue); the
 * resolver checks it as the user and against the context project. The issue panel never sends it.
 */
export interface ResolverResults {
  /** Issue panel: the judgement with the round and the issue's questions, in one invocation. */
  getReadiness: PanelReadiness;
  /** Issue context badge: the stored judgement only (one Jira GET as the user), never an evaluation. */
  getStoredReadiness: StoredReadiness;
  setChecklistItem: IssueReadiness;
  getRound: EstimationRound;
  castVote: EstimationRound;
  revealVotes: EstimationRound;
  resetVotes: EstimationRound;
  acceptEstimate: IssueReadiness;
  /** Facilitator only: starts (or restarts) the round timer; `seconds: 0` stops it. */
  startTimer: EstimationRound;
  /** Agenda page, "estimate in a row": one call per step — the item's round and its readiness in brief. */
  getRoundFor: AgendaRound;
  getAgenda: Agenda;
  getSprintCheck: SprintCheck;
  getSettings: SettingsView;
  saveSettings: SettingsView;
  previewSettings: SettingsPreview;
  resetSettings: SettingsView;
  /** Project page, Health tab: the board's last closed sprints (board from the payload or the project's own). */
  getHealth: HealthView;
  /** Refinement session (agenda page; the project comes from the context). `number` shows a past one. */
  getSession: SessionView;
  startSession: SessionView;
  /** Facilitator only; `version` is the session version the facilitator saw (CONFLICT when it moved on). */
  sessionAction: SessionView;
  giveConfidence: SessionView;
  takeOverSession: SessionView;
  endSession: SessionView;
  /** From the issue panel (its own issue) or the agenda page (`issueKey`, verified as the user). */
  addQuestion: SessionQuestion;
  answerQuestion: SessionQuestion;
  /** Issue panel: the questions about its own issue (from the context), read as the user. */
  getQuestions: IssueQuestions;
}

export type ResolverKey = keyof ResolverResults;
/** What the UI may send: the schema's input (before trimming and defaults). */
export type PayloadOf<K extends ResolverKey> = z.input<PayloadSchemas[K]>;
/** What the resolver's use case receives: the schema's output, unknown keys stripped. */
export type ParsedPayloadOf<K extends ResolverKey> = z.output<PayloadSchemas[K]>;
export type DataOf<K extends ResolverKey> = ResolverResults[K];

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

/**
 * Compile-time proof that the result map, the payload schemas and RESOLVER_KEYS name the same
 * keys (the handler map in src/resolvers/resolver.ts is typed `{ [K in ResolverKey]: … }`, so it
 * follows): a key missing from any of them makes one of these `never`, and the assignment fails.
 */
type SameKeys<A extends PropertyKey, B extends PropertyKey> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : never;
export const CONTRACT_KEYS_AGREE: [SameKeys<ResolverKey, keyof PayloadSchemas>, SameKeys<ResolverKey, (typeof RESOLVER_KEYS)[number]>] = [true, true];
