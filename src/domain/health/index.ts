export type { CloseEntry, CurrentIssue, HistorySprint, SprintCloseRecord, SprintFieldChange, SprintStartRecord, StartEntry } from './history-types';
export { addedWithin, sprintsAt } from './sprint-membership';
export { sprintHealth, type SprintHistoryInput } from './sprint-health';
export { healthFindings, readinessTotals } from './health-findings';
