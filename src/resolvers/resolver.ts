import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { RESOLVER_KEYS, type DataOf, type Envelope, type ResolverKey } from '../contract';
import { acceptEstimate, castVote, getRound, resetVotes, revealVotes } from '../usecases/estimation-round';
import { buildAgenda } from '../usecases/build-agenda';
import { checkSprint } from '../usecases/check-sprint';
import { getReadiness } from '../usecases/get-readiness';
import { getSettings, previewSettings, resetSettings, saveSettings } from '../usecases/project-settings';
import { setChecklistItem } from '../usecases/set-checklist-item';
import { userDeps } from '../wiring';
import { logUnexpected, toErrorEnvelope } from './error-envelope';
import { payloadSchemas } from './payloads';
import { issueContext, projectContext } from './trusted-context';
import { BadRequestError } from '../usecases/errors';

type Handler<K extends ResolverKey> = (args: { payload: unknown; context: unknown }) => Promise<Envelope<DataOf<K>>>;

/**
 * Every resolver is four steps: trusted context → payload validation → one use case → envelope.
 * Errors never escape as exceptions; they become `{ ok: false, error }` in one place.
 */
function define<K extends ResolverKey, S extends z.ZodType>(
  key: K,
  schema: S,
  run: (args: { payload: z.infer<S>; context: unknown }) => Promise<DataOf<K>>,
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

const handlers: { [K in ResolverKey]: Handler<K> } = {
  getReadiness: define('getReadiness', payloadSchemas.getReadiness, async ({ context }) => {
    const ctx = issueContext(context);
    return (await getReadiness({ deps: userDeps(), ref: ctx })).readiness;
  }),
  setChecklistItem: define('setChecklistItem', payloadSchemas.setChecklistItem, ({ payload, context }) => {
    const ctx = issueContext(context);
    return setChecklistItem({ deps: userDeps(), ref: ctx, accountId: ctx.accountId, itemId: payload.itemId, checked: payload.checked });
  }),
  getRound: define('getRound', payloadSchemas.getRound, ({ context }) => {
    const ctx = issueContext(context);
    return getRound({ deps: userDeps(), ref: ctx, accountId: ctx.accountId });
  }),
  castVote: define('castVote', payloadSchemas.castVote, ({ payload, context }) => {
    const ctx = issueContext(context);
    return castVote({ deps: userDeps(), ref: ctx, accountId: ctx.accountId, value: payload.value });
  }),
  revealVotes: define('revealVotes', payloadSchemas.revealVotes, ({ context }) => {
    const ctx = issueContext(context);
    return revealVotes({ deps: userDeps(), ref: ctx, accountId: ctx.accountId });
  }),
  resetVotes: define('resetVotes', payloadSchemas.resetVotes, ({ context }) => {
    const ctx = issueContext(context);
    return resetVotes({ deps: userDeps(), ref: ctx, accountId: ctx.accountId });
  }),
  acceptEstimate: define('acceptEstimate', payloadSchemas.acceptEstimate, ({ payload, context }) => {
    const ctx = issueContext(context);
    return acceptEstimate({ deps: userDeps(), ref: ctx, accountId: ctx.accountId, value: payload.value });
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
};

const definitions = new Resolver();
for (const key of RESOLVER_KEYS) {
  definitions.define(key, handlers[key]);
}

export const resolver = definitions.getDefinitions();
