import type { EstimationRound } from './estimation';
import type { IssueReadiness, ReadinessProperty } from './readiness';
import type { IssueQuestions } from './session';

/**
 * What the issue panel receives when it opens (`getReadiness`): the judgement, plus the estimation
 * round and the issue's questions computed from the same reads, so one invocation fills the panel.
 */
export type PanelReadiness = IssueReadiness & { round: EstimationRound; questions: IssueQuestions };

/**
 * The badge's cheap read (`getStoredReadiness`): the stored judgement only (the issue property the
 * panel and the triggers write; null when none is stored yet). One Jira GET, no evaluation.
 */
export interface StoredReadiness {
  issueKey: string;
  property: ReadinessProperty | null;
}
