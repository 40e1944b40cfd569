/**
 * The `global.__forge_fetch__` the Forge libraries call: `{type:'fpp', remote:'jira'}` goes to
 * the Jira emulator as the right principal, `{type:'kvs'}` to the KVS emulator.
 */
import { z } from 'zod';
import type { JiraEmulator } from '../jira/emulator';
import type { Json, Principal } from '../jira/model';
import type { KvsEmulator } from '../kvs';
import type { FaultController } from './faults';
import { currentScope } from './invocation-scope';
import type { TrafficLog } from './traffic-log';

const metaSchema = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
});
const initSchema = z
  .object({ method: z.string().optional(), body: z.unknown().optional(), headers: z.unknown().optional() })
  .optional();

export type ForgeFetch = (meta: unknown, path: unknown, init?: unknown) => Promise<Response>;

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
    const decision = deps.faults.decide({ path: rawPath, baseLatencyMs: deps.baseLatencyMs() });
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.override) {
      deps.traffic.record({ method, path: rawPath, status: decision.override.status, body: decision.override.body });
      return respond(decision.override.status, decision.override.body, decision.override.headers);
    }
    if (!body.ok) {
      const answer = { errorMessages: ['Unexpected character in the request body: it must be JSON.'], errors: {} };
      deps.traffic.record({ method, path: rawPath, status: 400, body: answer });
      return respond(400, answer);
    }
    const answer = deps.jira.handle({ method, path: rawPath, body: body.value, principal });
    if (decision.mutate && answer.status < 300 && answer.body !== null) {
      // A body a `malformed` fault rewrote is the test's, not Jira's: it stays out of the traffic
      // log, which is there to check the emulator against Atlassian's specs.
      return respond(answer.status, decision.mutate(structuredClone(answer.body)), answer.headers);
    }
    deps.traffic.record({ method, path: rawPath, status: answer.status, body: answer.body });
    return respond(answer.status, answer.body, answer.headers);
  };
}
