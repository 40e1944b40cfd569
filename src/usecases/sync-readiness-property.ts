import type { IssueReadiness, ReadinessProperty } from '../contract';
import { readinessPropertyChange } from './plan-sprint-flag';
import type { JiraGateway } from './ports';

/**
 * Keeps the indexed entity property (JQL: readinessScore, readinessState, readinessGap) in step
 * with the latest judgement, writing only when it changed so Jira's rate limits are spared.
 * Returns whether a write happened.
 */
export async function syncReadinessProperty({
  appJira,
  issueKey,
  readiness,
  known,
}: {
  appJira: JiraGateway;
  issueKey: string;
  readiness: IssueReadiness;
  /** The stored property when the caller already read it with the issue (null: none stored); read otherwise. */
  known?: ReadinessProperty | null | undefined;
}): Promise<boolean> {
  if (readiness.excluded) return false;
  const current = known === undefined ? await appJira.getReadinessProperty(issueKey) : known;
  const next = readinessPropertyChange(readiness, current);
  if (!next) return false;
  await appJira.setReadinessProperty({ issueIdOrKey: issueKey, value: next });
  return true;
}
