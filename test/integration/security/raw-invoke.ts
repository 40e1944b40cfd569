/**
 * Calls the app's resolver the way Forge does, but with a payload exactly as given (no JSON
 * clean-up by the sandbox), so tests can send own `__proto__` keys, `undefined`, or drop the
 * principal to act as an anonymous visitor.
 */
import { resolverRequest } from '../../../sandbox/forge/forge-context';
import { runInScope } from '../../../sandbox/forge/invocation-scope';
import type { SandboxEnv } from '../../support/sandbox-env';

export interface RawCall {
  functionKey: string;
  payload: unknown;
  /** Alias or accountId; null sends no principal (anonymous). */
  as: string | null;
  issueKey?: string;
  projectKey?: string;
  moduleKey?: string;
}

export async function rawInvoke(env: SandboxEnv, call: RawCall): Promise<unknown> {
  const module = env.sandbox.moduleFor(call);
  const accountId = call.as === null ? env.sandbox.accountId('ana') : env.sandbox.accountId(call.as);
  const { request, invocation } = resolverRequest({
    site: env.jira.site,
    appId: env.sandbox.manifest.appId,
    frame: { moduleKey: module.key, moduleType: module.type, accountId, issueKey: call.issueKey, projectKey: call.projectKey },
    functionKey: call.functionKey,
    payload: null,
  });
  const app = await env.sandbox.app();
  const handler: unknown = Reflect.get(app, env.sandbox.manifest.resolverExport);
  if (typeof handler !== 'function') throw new Error('no resolver export');
  const call_ = { ...(request.call as object), payload: call.payload };
  const context = { ...(request.context as object), ...(call.as === null ? { accountId: undefined } : {}) };
  // Forge's resolver takes the caller from the runtime principal; an anonymous visitor has none.
  const runtime = call.as === null ? { installContext: invocation.installContext } : invocation;
  return runInScope({ kind: 'resolver', moduleKey: module.key, accountId: call.as === null ? undefined : accountId }, async (): Promise<unknown> => {
    const result: unknown = await Reflect.apply(handler, undefined, [{ call: call_, context }, runtime]);
    // Forge serialises resolver results to JSON on the way to the browser.
    return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
  });
}
