import type { Clock, JiraGateway, Stores } from './ports';

/**
 * Ports handed to every use case. `jira` acts as the caller (asUser in resolvers, asApp in
 * triggers); `appJira` is asApp and only used for the app's own writes after a user read.
 */
export interface UseCaseDeps {
  jira: JiraGateway;
  appJira: JiraGateway;
  stores: Stores;
  clock: Clock;
}
