import { createJiraGateway } from './jira/gateway';
import { createStores } from './store';
import type { UseCaseDeps } from './usecases/deps';

/**
 * Ports for one resolver invocation: reads as the calling user, the app's own writes as the app.
 * Built per call so no tenant data outlives an invocation.
 */
export function userDeps(): UseCaseDeps {
  return {
    jira: createJiraGateway({ as: 'user' }),
    appJira: createJiraGateway({ as: 'app' }),
    stores: createStores(),
    clock: { now: () => new Date() },
  };
}

/** Ports for triggers and scheduled jobs: there is no user, so everything runs as the app. */
export function appDeps(): UseCaseDeps {
  const app = createJiraGateway({ as: 'app' });
  return { jira: app, appJira: app, stores: createStores(), clock: { now: () => new Date() } };
}
