import { createInvocationCache } from './jira/invocation-cache';
import { createJiraGateway } from './jira/gateway';
import { createStores } from './store';
import type { UseCaseDeps } from './usecases/deps';

const clock = { now: () => new Date() };

/**
 * Ports for one resolver invocation: reads as the calling user, the app's own writes as the app.
 * Built per call (with one per-call cache) so no tenant data outlives an invocation.
 */
export function userDeps(): UseCaseDeps {
  const cache = createInvocationCache();
  return {
    jira: createJiraGateway({ as: 'user', cache }),
    appJira: createJiraGateway({ as: 'app', cache }),
    stores: createStores(),
    clock,
  };
}

/** Ports for triggers and scheduled jobs: there is no user, so everything runs as the app. */
export function appDeps(): UseCaseDeps {
  const app = createJiraGateway({ as: 'app', cache: createInvocationCache() });
  return { jira: app, appJira: app, stores: createStores(), clock };
}
