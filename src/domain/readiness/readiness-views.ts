import type { IssueReadiness, ReadinessBadge, ReadinessProperty } from '../../contract';

/** The issue entity property that JQL searches (`readinessScore`, `readinessState`, `readinessGap`). */
export function toReadinessProperty(readiness: IssueReadiness): ReadinessProperty {
  return {
    score: readiness.score,
    state: readiness.ready ? 'ready' : 'not-ready',
    gaps: readiness.criteria.filter((criterion) => criterion.status === 'fail').map((criterion) => criterion.id),
    evaluatedAt: readiness.evaluatedAt,
    v: 1,
  };
}

/** "Ready · 86", "Not ready · 42", "Not scored · Epic". */
export function readinessBadge(readiness: IssueReadiness): ReadinessBadge {
  const label = readiness.excluded
    ? `Not scored · ${readiness.issueType}`
    : `${readiness.ready ? 'Ready' : 'Not ready'} · ${readiness.score}`;
  return { label, score: readiness.score, ready: readiness.ready, excluded: readiness.excluded };
}
