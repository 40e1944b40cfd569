import type { Divergence } from '../../contract/estimation';
import type { DependencyFlag, Flag, FlagSeverity } from '../../contract/readiness';

const SEVERITY_ORDER: Record<FlagSeverity, number> = { high: 0, medium: 1, low: 2 };

/** The flag an agenda item carries when its revealed votes diverge. */
export function divergenceFlag(divergence: Divergence): Flag | null {
  if (!divergence.diverges) return null;
  return { type: 'divergence', severity: 'high', message: divergence.summary, related: [] };
}

/**
 * One list of flags per item, without repeats. The dependency graph sees the whole horizon, so its
 * flags replace the readiness engine's dependency flags about the same blockers; the current votes
 * replace any divergence flag the readiness engine derived earlier. Most severe first, stable.
 */
export function mergeFlags({
  readiness,
  dependency = [],
  divergence,
}: {
  readiness: readonly Flag[];
  dependency?: readonly Flag[];
  divergence?: Divergence;
}): Flag[] {
  const fromVotes = divergence ? divergenceFlag(divergence) : null;
  const kept = readiness.filter((flag) => {
    if (flag.type === 'divergence' && divergence) return false;
    return !(flag.type === 'dependency' && coveredByGraph({ flag, graph: dependency }));
  });
  const all = [...kept, ...dependency, ...(fromVotes ? [fromVotes] : [])];
  const seen = new Set<string>();
  const unique = all.filter((flag) => {
    const key = `${flag.type}|${flag.type === 'dependency' ? flag.kind : ''}|${flag.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((flag, order) => ({ flag, order }))
    .sort((a, b) => SEVERITY_ORDER[a.flag.severity] - SEVERITY_ORDER[b.flag.severity] || a.order - b.order)
    .map(({ flag }) => flag);
}

function coveredByGraph({ flag, graph }: { flag: DependencyFlag; graph: readonly Flag[] }): boolean {
  if (flag.kind === 'hidden') return false;
  const covered = new Set(graph.filter((g) => g.type === 'dependency' && g.kind === flag.kind).flatMap((g) => g.related));
  return flag.related.length > 0 && flag.related.every((key) => covered.has(key));
}
