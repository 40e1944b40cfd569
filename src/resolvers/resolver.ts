import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { payloadSchemas, RESOLVER_KEYS, type DataOf, type Envelope, type ResolverKey } from '../contract';
import { acceptEstimate, castVote, getAgendaRound, getRound, resetVotes, revealVotes, startTimer } from '../usecases/estimation-round';
import { resolveAgendaIssue } from '../usecases/agenda-issue';
import type { IssueRef } from '../usecases/get-readiness';
import { buildAgenda } from '../usecases/build-agenda';
import { checkSprint } from '../usecases/check-sprint';
import { getHealth } from '../usecases/get-health';
import { storedReadiness } from '../usecases/get-readiness';
import { panelView } from '../usecases/panel-view';
import { getSettings, previewSettings, resetSettings, saveSettings } from '../usecases/project-settings';
import { setChecklistItem } from '../usecases/set-checklist-item';
import { userDeps } from '../wiring';
import { logUnexpected, toErrorEnvelope } from './error-envelope';
import { estimationContext, issueContext, projectContext } from './trusted-context';
import { BadRequestError } from '../usecases/errors';
import { actOnSession, endSession, getSession, giveConfidence, startSession, takeOver } from '../usecases/session-run';
import { addQuestion, answerQuestion, questionsOfIssue } from '../usecases/session-questions';
import { sessionPublisher } from './session-publish';

type Handler<K extends ResolverKey> = (args: { payload: unknown; context: unknown }) => Promise<Envelope<DataOf<K>>>;

/**
 * Every resolver is four steps: trusted context → payload validation (its key's schema from the
 * contract, src/contract/payloads.ts) → one use case → envelope.
 * Errors never escape as exceptions; they become `{ ok: false, error }` in one place.
 */
function define<K extends ResolverKey, S extends z.ZodType>(
  key: K,
  schema: S,
  run: (args: { payload: z.output<S>; context: unknown }) => Promise<DataOf<K>>,
): Handler<K> {
  return async ({ payload, context }) => {
    try {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        throw new BadRequestError(`The request for ${key} is malformed: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'} ${issue.message}`).join('; ')}`);
      }
      return { ok: true, data: await run({ payload: parsed.data, context }) };
    } catch (error) {
      logUnexpected(error, key);
      return toErrorEnvelope(error);
    }
  };
}

/** The issue an estimation call acts on: the panel's own, or an agenda item Jira confirmed for the caller. */
async function estimationRef(context: unknown, issueKey: string | undefined): Promise<{ ref: IssueRef; accountId: string; onAgenda: boolean }> {
  const target = estimationContext(context, issueKey);
  if (target.kind === 'issue') return { ref: target.ctx, accountId: target.ctx.accountId, onAgenda: false };
  return { ref: await resolveAgendaIssue({ deps: userDeps(), project: target.ctx.project, issueKey: target.issueKey }), accountId: target.ctx.accountId, onAgenda: true };
}

/** A round changed on the project page: its session pages refresh the voter list (realtime, no data in the event). */
async function afterRoundChange<T>(target: { ref: IssueRef; onAgenda: boolean }, result: T): Promise<T> {
  if (target.onAgenda) await sessionPublisher.roundChanged({ project: target.ref.project });
  return result;
}

/** Exactly one handler per resolver key: the mapped type rejects a missing or an extra key. */
export const handlers: { [K in ResolverKey]: Handler<K> } = {
  getReadiness: define('getReadiness', payloadSchemas.getReadiness, ({ context }) => {
    const ctx = issueContext(context);
    return panelView({ deps: userDeps(), ref: ctx, accountId: ctx.accountId });
  }),
  getStoredReadiness: define('getStoredReadiness', payloadSchemas.getStoredReadiness, ({ context }) => {
    const ctx = issueContext(context);
    return storedReadiness({ deps: userDeps(), ref: ctx });
  }),
  setChecklistItem: define('setChecklistItem', payloadSchemas.setChecklistItem, ({ payload, context }) => {
    const ctx = issueContext(context);
    return setChecklistItem({ deps: userDeps(), ref: ctx, accountId: ctx.accountId, itemId: payload.itemId, checked: payload.checked });
  }),
  getRound: define('getRound', payloadSchemas.getRound, async ({ payload, context }) => {
    const { ref, accountId } = await estimationRef(context, payload.issueKey);
    return getRound({ deps: userDeps(), ref, accountId });
  }),
  castVote: define('castVote', payloadSchemas.castVote, async ({ payload, context }) => {
    const target = await estimationRef(context, payload.issueKey);
    const { ref, accountId } = target;
    return afterRoundChange(target, await castVote({ deps: userDeps(), ref, accountId, value: payload.value, reason: payload.reason }));
  }),
  revealVotes: define('revealVotes', payloadSchemas.revealVotes, async ({ payload, context }) => {
    const target = await estimationRef(context, payload.issueKey);
    const { ref, accountId } = target;
    return afterRoundChange(target, await revealVotes({ deps: userDeps(), ref, accountId }));
  }),
  resetVotes: define('resetVotes', payloadSchemas.resetVotes, async ({ payload, context }) => {
    const target = await estimationRef(context, payload.issueKey);
    const { ref, accountId } = target;
    return afterRoundChange(target, await resetVotes({ deps: userDeps(), ref, accountId }));
  }),
  acceptEstimate: define('acceptEstimate', payloadSchemas.acceptEstimate, async ({ payload, context }) => {
    const target = await estimationRef(context, payload.issueKey);
    const { ref, accountId } = target;
    return afterRoundChange(target, await acceptEstimate({ deps: userDeps(), ref, accountId, value: payload.value }));
  }),
  startTimer: define('startTimer', payloadSchemas.startTimer, async ({ payload, context }) => {
    const { ref, accountId } = await estimationRef(context, payload.issueKey);
    return startTimer({ deps: userDeps(), ref, accountId, seconds: payload.seconds });
  }),
  getRoundFor: define('getRoundFor', payloadSchemas.getRoundFor, async ({ payload, context }) => {
    const { ref, accountId } = await estimationRef(context, payload.issueKey);
    return getAgendaRound({ deps: userDeps(), ref, accountId });
  }),
  getAgenda: define('getAgenda', payloadSchemas.getAgenda, ({ payload, context }) => {
    const ctx = projectContext(context);
    return buildAgenda({ deps: userDeps(), project: ctx.project, sessionMinutes: payload.sessionMinutes, boardId: payload.boardId });
  }),
  getSprintCheck: define('getSprintCheck', payloadSchemas.getSprintCheck, ({ payload, context }) => {
    const ctx = projectContext(context);
    return checkSprint({ deps: userDeps(), project: ctx.project, sprintId: payload.sprintId });
  }),
  getSettings: define('getSettings', payloadSchemas.getSettings, ({ context }) => {
    const ctx = projectContext(context);
    return getSettings({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId });
  }),
  saveSettings: define('saveSettings', payloadSchemas.saveSettings, ({ payload, context }) => {
    const ctx = projectContext(context);
    return saveSettings({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, input: payload.settings });
  }),
  previewSettings: define('previewSettings', payloadSchemas.previewSettings, ({ payload, context }) => {
    const ctx = projectContext(context);
    return previewSettings({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, input: payload.settings });
  }),
  resetSettings: define('resetSettings', payloadSchemas.resetSettings, ({ context }) => {
    const ctx = projectContext(context);
    return resetSettings({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId });
  }),
  getHealth: define('getHealth', payloadSchemas.getHealth, ({ payload, context }) => {
    const ctx = projectContext(context);
    return getHealth({ deps: userDeps(), project: ctx.project, boardId: payload.boardId });
  }),
  getSession: define('getSession', payloadSchemas.getSession, ({ payload, context }) => {
    const ctx = projectContext(context);
    return getSession({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, live: sessionPublisher, number: payload.number });
  }),
  startSession: define('startSession', payloadSchemas.startSession, ({ payload, context }) => {
    const ctx = projectContext(context);
    return startSession({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, live: sessionPublisher, sessionMinutes: payload.sessionMinutes });
  }),
  sessionAction: define('sessionAction', payloadSchemas.sessionAction, ({ payload, context }) => {
    const ctx = projectContext(context);
    return actOnSession({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, live: sessionPublisher, expectedVersion: payload.version, action: payload.action });
  }),
  giveConfidence: define('giveConfidence', payloadSchemas.giveConfidence, ({ payload, context }) => {
    const ctx = projectContext(context);
    return giveConfidence({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, live: sessionPublisher, value: payload.value });
  }),
  takeOverSession: define('takeOverSession', payloadSchemas.takeOverSession, ({ payload, context }) => {
    const ctx = projectContext(context);
    return takeOver({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, live: sessionPublisher, expectedVersion: payload.version, confirm: payload.confirm });
  }),
  endSession: define('endSession', payloadSchemas.endSession, ({ payload, context }) => {
    const ctx = projectContext(context);
    return endSession({ deps: userDeps(), project: ctx.project, accountId: ctx.accountId, live: sessionPublisher, expectedVersion: payload.version });
  }),
  addQuestion: define('addQuestion', payloadSchemas.addQuestion, async ({ payload, context }) => {
    const { ref } = await estimationRef(context, payload.issueKey);
    const deps = userDeps();
    const self = await deps.jira.myself();
    return addQuestion({ deps, ref, author: { accountId: self.accountId, displayName: self.displayName }, text: payload.text, owner: payload.owner ?? null, due: payload.due ?? null });
  }),
  answerQuestion: define('answerQuestion', payloadSchemas.answerQuestion, async ({ payload, context }) => {
    const ctx = projectContext(context);
    const deps = userDeps();
    const self = await deps.jira.myself();
    return answerQuestion({ deps, projectId: ctx.project.id, questionId: payload.questionId, by: { accountId: self.accountId, displayName: self.displayName }, text: payload.text });
  }),
  getQuestions: define('getQuestions', payloadSchemas.getQuestions, ({ context }) => {
    const ctx = issueContext(context);
    return questionsOfIssue({ deps: userDeps(), ref: ctx });
  }),
};

const definitions = new Resolver();
for (const key of RESOLVER_KEYS) {
  definitions.define(key, handlers[key]);
}

export const resolver = definitions.getDefinitions();
