import type { IssueReadiness, ReadinessProperty } from '../contract';
import { toReadinessProperty } from '../domain/readiness';
import type { JiraGateway } from './ports';

function sameJudgement(a: ReadinessProperty, b: ReadinessProperty): boolean {
  return a.score === b.score && a.state === b.state && a.gaps.length === b.gaps.length && a.gaps.every((gap, i) => gap === b.gaps[i]);
}

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
  const next = toReadinessProperty(readiness);
  const current = known === undefined ? await appJira.getReadinessProperty(issueKey) : known;
  if (current && sameJudgement(current, next)) return false;
  await appJira.setReadinessProperty({ issueIdOrKey: issueKey, value: next });
  return true;
}
