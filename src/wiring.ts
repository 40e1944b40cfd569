import { createInvocationCache } from './jira/invocation-cache';
import { createJiraGateway } from './jira/gateway';
import { createStores } from './store';
import type { UseCaseDeps } from './usecases/deps';

const clock = { now: () => new Date() };

/**
 * Forge ends resolvers and product-event triggers at 25 s. Jira retries of one invocation all
 * end within this budget, so the invocation still has time to answer with a clear error.
 */
const RETRY_BUDGET_MS = 20_000;

/** The clock the Jira retries read and the sleep they wait with (epoch ms). */
export interface RetryTiming {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTiming: RetryTiming = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
// Not tenant data: only how time passes. Swapped by tests (test/support/sandbox-env.ts).
let retryTiming: RetryTiming = realTiming;

/**
 * Test seam: the sandbox tests run the real handlers with a virtual clock, so a Retry-After of
 * seconds costs no real time, while the invocation's retry budget still counts every wait.
 * `null` restores real time.
 */
export function useRetryTiming(timing: RetryTiming | null): void {
  retryTiming = timing ?? realTiming;
}

/** The clock and sleep in force (real, or the tests' virtual one): queued work measures its time limit on it. */
export function currentRetryTiming(): RetryTiming {
  return retryTiming;
}

/** Retry options shared by every Jira request of one invocation (one deadline, one clock). */
function retryOptions(budgetMs: number): { deadline: number; now: () => number; sleep: (ms: number) => Promise<void> } {
  const timing = retryTiming;
  return { deadline: timing.now() + budgetMs, now: () => timing.now(), sleep: (ms) => timing.sleep(ms) };
}

/**
 * Ports for one resolver invocation: reads as the calling user, the app's own writes as the app.
 * Built per call (with one per-call cache) so no tenant data outlives an invocation.
 */
export function userDeps(): UseCaseDeps {
  const cache = createInvocationCache();
  const retry = retryOptions(RETRY_BUDGET_MS);
  const stores = createStores();
  return {
    jira: createJiraGateway({ as: 'user', cache, fieldCache: stores.fieldCatalog, retry }),
    appJira: createJiraGateway({ as: 'app', cache, fieldCache: stores.fieldCatalog, retry }),
    stores,
    clock,
  };
}

/**
 * Ports for triggers and scheduled jobs: there is no user, so everything runs as the app.
 * A scheduled function with a longer timeout passes its own retry budget.
 */
export function appDeps({ retryBudgetMs = RETRY_BUDGET_MS }: { retryBudgetMs?: number } = {}): UseCaseDeps {
  const stores = createStores();
  const app = createJiraGateway({ as: 'app', cache: createInvocationCache(), fieldCache: stores.fieldCatalog, retry: retryOptions(retryBudgetMs) });
  return { jira: app, appJira: app, stores, clock };
}
