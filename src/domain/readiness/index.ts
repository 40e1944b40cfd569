export { evaluateReadiness, type ReadinessInput } from './evaluate-readiness';
export { toReadinessProperty } from './readiness-views';
export { weightedScore, sortCriteria } from './score';
export { issueFlags } from './issue-flags';
export { judgeManualItem, type ChecklistEntry } from './manual-item';
export { textFacts, type TextFacts } from './text-facts';
export { type CriterionContext, type CriterionJudge, type Judgement, type EstimationSummary } from './criterion-context';
export * from './criteria';
