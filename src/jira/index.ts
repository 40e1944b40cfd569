export { createJiraGateway, type JiraGatewayOptions } from './gateway';
export { createInvocationCache, type InvocationCache } from './invocation-cache';
export { createJiraClient, type JiraClient, type JiraClientOptions, type JiraPrincipal } from './request';
export { discoverFields, buildFieldPlan } from './fields';
export { normalizeIssue, issueFieldsFor, BASE_ISSUE_FIELDS } from './normalize-issue';
export { READINESS_PROPERTY_KEY } from './write-issue';
export * from './errors';
