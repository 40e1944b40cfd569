import type { IssueReadiness, ReadinessProperty } from '../../contract';

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
