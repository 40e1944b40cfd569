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

/**
 * Ports for one resolver invocation: reads as the calling user, the app's own writes as the app.
 * Built per call (with one per-call cache) so no tenant data outlives an invocation.
 */
export function userDeps(): UseCaseDeps {
  const cache = createInvocationCache();
  const retry = { deadline: Date.now() + RETRY_BUDGET_MS };
  return {
    jira: createJiraGateway({ as: 'user', cache, retry }),
    appJira: createJiraGateway({ as: 'app', cache, retry }),
    stores: createStores(),
    clock,
  };
}

/**
 * Ports for triggers and scheduled jobs: there is no user, so everything runs as the app.
 * A scheduled function with a longer timeout passes its own retry budget.
 */
export function appDeps({ retryBudgetMs = RETRY_BUDGET_MS }: { retryBudgetMs?: number } = {}): UseCaseDeps {
  const app = createJiraGateway({ as: 'app', cache: createInvocationCache(), retry: { deadline: Date.now() + retryBudgetMs } });
  return { jira: app, appJira: app, stores: createStores(), clock };
}
