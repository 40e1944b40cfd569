/**
 * The `global.__forge_fetch__` the Forge libraries call: `{type:'fpp', remote:'jira'}` goes to
 * the Jira emulator as the right principal, `{type:'kvs'}` to the KVS emulator.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JiraEmulator } from '../jira/emulator';
import { toJson } from '../jira/http';
import type { Json, Principal } from '../jira/model';
import type { KvsEmulator } from '../kvs';
import type { FaultController } from './faults';
import type { RealtimeHub } from './realtime-hub';
import { currentScope } from './invocation-scope';
import type { TrafficLog } from './traffic-log';

const metaSchema = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
});
const initSchema = z
  .object({ method: z.string().optional(), body: z.unknown().optional(), headers: z.unknown().optional(), redirect: z.enum(['follow', 'manual', 'error']).optional() })
  .optional();

const realtimeVariables = z.object({
  variables: z.object({ name: z.string().min(1), payload: z.string(), context: z.string().nullish(), isGlobal: z.boolean().nullish(), token: z.string().nullish() }),
});
// runtime-reference/realtime-events-api "Realtime token API": `signRealtimeToken` POSTs the mutation
// `ecosystem.signRealtimeToken(channelName, claims, permissions)` through `{type:'realtime'}` too.
const signTokenBody = z.object({
  query: z.string().includes('signRealtimeToken'),
  variables: z.object({ channelName: z.string().min(1), claims: z.unknown(), permissions: z.array(z.enum(['subscribe', 'publish'])).min(1).nullish() }),
});
const overridesSchema = z.object({ contextOverrides: z.array(z.string()) });
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export type ForgeFetch = (meta: unknown, path: unknown, init?: unknown) => Promise<Response>;

/** Statuses fetch follows (Fetch standard "redirect status"). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function respond(status: number, body: Json | null, headers: Record<string, string> = {}): Response {
  const hasBody = body !== null && status !== 204 && status !== 304;
  return new Response(hasBody ? JSON.stringify(body) : null, {
    status,
    headers: hasBody ? { 'content-type': 'application/json', ...headers } : headers,
  });
}

function proxyError(status: number, reason: string): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}

function parseBody(raw: unknown): { ok: true; value: unknown } | { ok: false } {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: undefined };
  if (typeof raw !== 'string') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

export function createForgeFetch(deps: {
  jira: JiraEmulator;
  kvs: KvsEmulator;
  faults: FaultController;
  traffic: TrafficLog;
  counts: Map<string, number>;
  baseLatencyMs: () => number;
  /** The async events queue (`@forge/events` publishes through the app's Atlassian client). */
  asyncQueue?: { publish(body: unknown): { status: number; body: unknown } };
  /** Forge Realtime: publishes go to the frames subscribed to the channel. */
  realtime?: RealtimeHub;
  /** Waits latency on the sandbox clock (virtual in tests and the bench). */
  sleep?: (ms: number) => Promise<void>;
}): ForgeFetch {
  return async (rawMeta, rawPath, rawInit) => {
    const meta = metaSchema.parse(rawMeta);
    const init = initSchema.parse(rawInit);
    if (typeof rawPath !== 'string') throw new TypeError('__forge_fetch__: path must be a string');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = parseBody(init?.body);

    if (meta.type === 'kvs') {
      if (!body.ok) return respond(400, { code: 'BAD_REQUEST', message: 'Body must be JSON' });
      const answer = deps.kvs.handle(rawPath, body.value);
      return respond(answer.status, answer.body);
    }
    // async-events-api: Queue.push → POST /webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion} (201).
    if (meta.type === 'fpp' && meta.remote === 'stargate' && rawPath.startsWith('/webhook/queue/publish/') && deps.asyncQueue) {
      if (meta.provider !== 'app') return proxyError(403, 'INVALID_PROVIDER');
      if (!body.ok) return respond(400, { message: 'Body must be JSON' });
      const answer = deps.asyncQueue.publish(body.value);
      return respond(answer.status, toJson(answer.body));
    }
    // realtime/platform/realtime-events-api "Publish API": `@forge/realtime` publish() POSTs the GraphQL
    // mutation `ecosystem.publishRealtimeChannel` through `{type:'realtime'}` with the variables
    // {installationId, name, payload (a JSON string), context ('{"contextOverrides":[…]}' or absent),
    // isGlobal, token}; "eventId and eventTimestamp will be null if there are no existing subscribers".
    // The channel context is the invoking frame's (realtime/authorizing-realtime-channels), see realtime-hub.ts.
    if (meta.type === 'realtime') {
      if (!body.ok) return respond(400, { errors: [{ message: 'Body must be JSON' }] });
      const signing = signTokenBody.safeParse(body.value);
      if (signing.success) {
        if (!deps.realtime) return respond(200, { errors: [{ message: 'Realtime is not available' }] });
        const { channelName, claims, permissions } = signing.data.variables;
        const { jwt, expiresAt } = deps.realtime.signToken({ channel: channelName, claims, permissions: permissions ?? null });
        // The answer `@forge/realtime` reads: data.ecosystem.signRealtimeToken.forgeRealtimeToken {jwt, expiresAt}.
        return respond(200, { data: { ecosystem: { signRealtimeToken: { success: true, errors: null, forgeRealtimeToken: { jwt, expiresAt } } } } });
      }
      const variables = realtimeVariables.safeParse(body.value);
      if (!variables.success) return respond(200, { errors: [{ message: 'Invalid publishRealtimeChannel variables' }] });
      const { name, payload, context, isGlobal, token } = variables.data.variables;
      const scope = currentScope();
      const overrides = context ? overridesSchema.safeParse(safeJson(context)) : null;
      const published = deps.realtime?.publish({
        channel: name,
        place: scope ? { moduleKey: scope.moduleKey, issueKey: scope.issueKey, projectKey: scope.projectKey } : null,
        contextOverrides: overrides?.success ? overrides.data.contextOverrides : null,
        isGlobal: isGlobal === true,
        token: token ?? null,
        payload,
      }) ?? { ok: true, delivered: 0 };
      // A publish without a publish token for the channel is refused (see realtime-hub.ts).
      if (!published.ok) return respond(200, { errors: [{ message: `Realtime token validation failed: ${published.reason}` }] });
      const { delivered } = published;
      const eventId = delivered > 0 ? randomUUID() : null;
      return respond(200, { data: { ecosystem: { publishRealtimeChannel: { eventId, eventTimestamp: eventId ? new Date().toISOString() : null } } } });
    }
    if (meta.type !== 'fpp' || meta.remote !== 'jira') return proxyError(400, 'UNSUPPORTED_REMOTE');

    let principal: Principal;
    if (meta.provider === 'app') principal = { kind: 'app' };
    else if (meta.provider === 'user') {
      const accountId = meta.accountId ?? currentScope()?.accountId;
      // asUser() outside a user invocation (triggers, scheduled jobs) has nobody to act as.
      if (!accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR');
      principal = { kind: 'user', accountId };
    } else {
      console.warn(`[sandbox] requestJira without asUser()/asApp() (provider ${meta.provider ?? 'none'}) for ${rawPath}`);
      return proxyError(403, 'INVALID_PROVIDER');
    }

    const template = deps.jira.routeTemplate(method, rawPath);
    deps.counts.set(template, (deps.counts.get(template) ?? 0) + 1);
    const decision = deps.faults.decide({ path: rawPath, baseLatencyMs: deps.baseLatencyMs(), method });
    if (decision.latencyMs > 0) await (deps.sleep ?? sleep)(decision.latencyMs);
    if (decision.override) {
      deps.traffic.record({ method, path: rawPath, status: decision.override.status, body: decision.override.body });
      return respond(decision.override.status, decision.override.body, decision.override.headers);
    }
    if (!body.ok) {
      const answer = { errorMessages: ['Unexpected character in the request body: it must be JSON.'], errors: {} };
      deps.traffic.record({ method, path: rawPath, status: 400, body: answer });
      return respond(400, answer);
    }
    let answer = deps.jira.handle({ method, path: rawPath, body: body.value, principal });
    // fetch follows redirects unless told `redirect: 'manual'`, and Forge treats Atlassian API redirects as
    // internal traffic (runtime-egress-permissions, "API redirects"): a 303 (properties/multi → its task)
    // comes back as the GET of its Location. `faults.followRedirects` follows even a manual one, as a
    // runtime that ignored the option would.
    const location = answer.headers.location;
    if (REDIRECTS.has(answer.status) && location && (init?.redirect !== 'manual' || deps.faults.current().followRedirects) && !decision.lostAnswer && !decision.mutate) {
      deps.traffic.record({ method, path: rawPath, status: answer.status, body: answer.body });
      const target = new URL(location, 'http://sandbox.invalid');
      const targetPath = `${target.pathname}${target.search}`;
      const followed = deps.jira.routeTemplate('GET', targetPath);
      deps.counts.set(followed, (deps.counts.get(followed) ?? 0) + 1);
      answer = deps.jira.handle({ method: 'GET', path: targetPath, body: undefined, principal });
      deps.traffic.record({ method: 'GET', path: targetPath, status: answer.status, body: answer.body });
      return respond(answer.status, answer.body, answer.headers);
    }
    if (decision.lostAnswer) {
      // The write landed; the caller only ever sees the 5xx (a `lostAnswer` fault).
      deps.traffic.record({ method, path: rawPath, status: decision.lostAnswer.status, body: decision.lostAnswer.body });
      return respond(decision.lostAnswer.status, decision.lostAnswer.body, decision.lostAnswer.headers);
    }
    if (decision.mutate && answer.status < 300 && answer.body !== null) {
      // A body a `malformed` fault rewrote is the test's, not Jira's: it stays out of the traffic
      // log, which is there to check the emulator against Atlassian's specs.
      return respond(answer.status, decision.mutate(structuredClone(answer.body)), answer.headers);
    }
    deps.traffic.record({ method, path: rawPath, status: answer.status, body: answer.body });
    return respond(answer.status, answer.body, answer.headers);
  };
}
