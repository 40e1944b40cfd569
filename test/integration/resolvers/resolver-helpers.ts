/**
 * Helpers for resolver integration tests: typed invocations through the sandbox (the app's real
 * handlers), envelope unwrapping that fails loudly, and read-only peeks into the emulated stores.
 */
import type { DataOf, Envelope, IssueReadiness, JudgedReadiness, ProjectSettings, ResolverError, ResolverKey } from '../../../src/contract';
import type { InvokeOptions } from '../../../sandbox/runtime';
import type { JsonObject } from '../../../sandbox/jira/model';
import type { SandboxEnv } from '../../support/sandbox-env';
import { asObject } from '../sandbox/emulator-helpers';

export { asObject };

export const DEMO_PROJECT_ID = '10000';
export const SETTINGS_MODULE = 'definition-of-ready';

/** Calls a resolver as the browser would; the payload is deliberately untyped (browsers send anything). */
export function call<K extends ResolverKey>(params: { env: Pick<SandboxEnv, 'invoke'>; key: K; payload?: unknown; as: InvokeOptions }): Promise<Envelope<DataOf<K>>> {
  return params.env.invoke<Envelope<DataOf<K>>>(params.key, params.payload ?? {}, params.as);
}

export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

export function errorOf<T>(envelope: Envelope<T>): ResolverError {
  if (envelope.ok) throw new Error(`expected an error envelope, got data: ${JSON.stringify(envelope.data).slice(0, 300)}`);
  return envelope.error;
}

export function issueIdOf(params: { env: SandboxEnv; key: string }): string {
  const id = params.env.jira.issueSnapshot(params.key)?.id;
  if (typeof id !== 'string') throw new Error(`No issue ${params.key} in the emulator`);
  return id;
}

/** Raw issue fields and entity properties as the emulator holds them. */
export function snapshotOf(params: { env: SandboxEnv; key: string }): { fields: JsonObject; properties: JsonObject } {
  const snapshot = params.env.jira.issueSnapshot(params.key);
  if (!snapshot) throw new Error(`No issue ${params.key} in the emulator`);
  return { fields: asObject(snapshot.fields), properties: asObject(snapshot.properties) };
}

/** KVS keys starting with a prefix, sorted. */
export function kvsKeys(params: { env: SandboxEnv; prefix: string }): string[] {
  return params.env.kvs
    .keys()
    .filter((key) => key.startsWith(params.prefix))
    .sort();
}

/** Issue keys a JQL search finds, run against the emulator as the app (not counted as app traffic). */
export function jqlKeys(params: { env: SandboxEnv; jql: string }): string[] {
  const response = params.env.jira.handle({
    method: 'GET',
    path: `/rest/api/3/search/jql?jql=${encodeURIComponent(params.jql)}&fields=key&maxResults=100`,
    principal: { kind: 'app' },
  });
  if (response.status !== 200) throw new Error(`JQL "${params.jql}" answered ${response.status}: ${JSON.stringify(response.body)}`);
  const issues = asObject(response.body).issues;
  if (!Array.isArray(issues)) throw new Error('search answered without issues');
  return issues.map((issue) => {
    const key = asObject(issue).key;
    if (typeof key !== 'string') throw new Error('issue without key');
    return key;
  });
}

/** What the issue panel shows `as` (default Ana) for an issue; fails the test on an error envelope. */
export async function readinessOf(params: { env: Pick<SandboxEnv, 'invoke'>; key: string; as?: string; payload?: unknown }): Promise<IssueReadiness> {
  return dataOf(await call({ env: params.env, key: 'getReadiness', payload: params.payload, as: { accountId: params.as ?? 'ana', issueKey: params.key } }));
}

/** The readiness of an issue the Definition of Ready judges (not an excluded type); fails the test otherwise. */
export function judged(readiness: IssueReadiness): JudgedReadiness {
  if (readiness.status !== 'judged') throw new Error(`${readiness.issueKey} is excluded from the Definition of Ready`);
  return readiness;
}

/** The project's settings as the settings page loads them (as Ana, a DEMO admin). */
export async function currentSettings(env: Pick<SandboxEnv, 'invoke'>, projectKey = 'DEMO'): Promise<ProjectSettings> {
  return dataOf(await call({ env, key: 'getSettings', as: { accountId: 'ana', projectKey, moduleKey: SETTINGS_MODULE } })).settings;
}

/** Calls per "METHOD /template" since the last resetCounters(), 0 when absent. */
export function callCount(params: { env: SandboxEnv; template: string }): number {
  return params.env.sandbox.jiraCalls()[params.template] ?? 0;
}

export const ISSUE_GET = 'GET /rest/api/3/issue/{issueIdOrKey}';
export const PROPERTY_PUT = 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';
export const READINESS_PROPERTY = 'refinement-radar-readiness';
