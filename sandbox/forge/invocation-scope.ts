/**
 * The Forge invocation a piece of app code runs in. Kept in AsyncLocalStorage so that
 * concurrent invocations by different users each make asUser() calls as themselves.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface InvocationScope {
  kind: 'resolver' | 'trigger' | 'scheduled' | 'function';
  invocationId: string;
  moduleKey: string;
  /** The user the invocation runs for; undefined in triggers and scheduled jobs. */
  accountId: string | undefined;
  /** The frame's issue and project (resolver invocations): the default Forge Realtime channel context. */
  issueKey?: string | undefined;
  projectKey?: string | undefined;
}

const storage = new AsyncLocalStorage<InvocationScope>();

export const currentScope = (): InvocationScope | undefined => storage.getStore();

export function runInScope<T>(scope: Omit<InvocationScope, 'invocationId'>, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...scope, invocationId: randomUUID() }, fn);
}
