import type { Clock, JiraGateway, Stores } from './ports';

/**
 * Ports handed to every use case. `jira` acts as the caller (asUser in resolvers, asApp in
 * triggers); `appJira` is always asApp: a use case a person triggers uses it only for the app's
 * own writes after a user read, and trigger-only use cases (no user) use it for everything.
 */
export interface UseCaseDeps {
  jira: JiraGateway;
  appJira: JiraGateway;
  stores: Stores;
  clock: Clock;
}
