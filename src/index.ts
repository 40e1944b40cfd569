/**
 * Entry points named in manifest.yml. Nothing else lives here.
 */
export { resolver } from './resolvers/resolver';
export { onIssueChanged, onIssueLinkChanged, onSprintChanged, rescoreDaily } from './triggers';
export { readinessBadgeStatus } from './triggers/badge-status';
export { onWork } from './triggers/work-queue';
