import type { JudgedReadiness, ReadinessProperty } from '../../contract';

/** The issue entity property that JQL searches (`readinessScore`, `readinessState`, `readinessGap`). */
export function toReadinessProperty(readiness: JudgedReadiness): ReadinessProperty {
  return {
    score: readiness.score,
    state: readiness.ready ? 'ready' : 'not-ready',
    // What is missing, whether it blocks (fail) or is only worth considering: `readinessGap = "…"`
    // finds a ready bug without acceptance criteria too, and `readinessState` tells the two apart.
    gaps: readiness.criteria.filter((criterion) => criterion.status === 'fail' || criterion.status === 'consider').map((criterion) => criterion.id),
    evaluatedAt: readiness.evaluatedAt,
    v: 1,
  };
}
