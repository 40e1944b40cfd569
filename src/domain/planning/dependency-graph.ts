import type { DependencyFlag } from '../../contract/readiness';
import type { LinkedIssue, StatusCategory } from '../issue';
import { formatCycle, shortestCycleThrough } from './cycle-path';
import { BACKLOG, type PlannedCandidate } from './planned-candidate';
import { stronglyConnectedComponents } from './strongly-connected-components';

/** What the graph knows about one issue, a candidate or an issue a candidate links to. */
export interface DependencyNode {
  key: string;
  projectKey: string;
  statusName: string;
  statusCategory: StatusCategory;
  unresolved: boolean;
}

export interface DependencyGraph {
  nodes: ReadonlyMap<string, DependencyNode>;
  /** blocked key → keys of every issue that blocks it (resolved or not). */
  blockersOf: ReadonlyMap<string, readonly string[]>;
  /** blocker → blocked, only while both ends are unresolved: the edges a live cycle is made of. */
  openEdges: ReadonlyMap<string, readonly string[]>;
}

const NONE: readonly string[] = [];

/**
 * Graph of "blocks" relations among the candidates and the issues they link to.
 * Jira lists a link on both issues, so each relation is recorded once whichever side reported it.
 */
export function buildDependencyGraph({ candidates }: { candidates: readonly PlannedCandidate[] }): DependencyGraph {
  const nodes = new Map<string, DependencyNode>();
  for (const { issue } of candidates) nodes.set(issue.key, toNode(issue));
  const blockers = new Map<string, Set<string>>();
  const addBlock = (blocker: string, blocked: string): void => {
    const set = blockers.get(blocked) ?? new Set<string>();
    set.add(blocker);
    blockers.set(blocked, set);
  };
  for (const { issue } of candidates) {
    for (const link of issue.links) {
      if (link.direction === 'other') continue;
      if (!nodes.has(link.key)) nodes.set(link.key, toNode(link));
      if (link.direction === 'blocked-by') addBlock(link.key, issue.key);
      else addBlock(issue.key, link.key);
    }
  }
  const blockersOf = new Map<string, string[]>();
  const openEdges = new Map<string, string[]>();
  for (const [blocked, set] of blockers) {
    blockersOf.set(blocked, [...set]);
    for (const blocker of set) {
      if (!nodes.get(blocker)?.unresolved || !nodes.get(blocked)?.unresolved) continue;
      const out = openEdges.get(blocker) ?? [];
      out.push(blocked);
      openEdges.set(blocker, out);
    }
  }
  return { nodes, blockersOf, openEdges };
}

function toNode(issue: Pick<LinkedIssue, 'key' | 'projectKey' | 'statusName' | 'statusCategory'>): DependencyNode {
  const { key, projectKey, statusName, statusCategory } = issue;
  return { key, projectKey, statusName, statusCategory, unresolved: statusCategory !== 'done' };
}

export interface DependencyCycle {
  /** A closed loop, first key repeated at the end: ["DEMO-20", "DEMO-21", "DEMO-20"]. */
  path: string[];
  /** Every issue of the tangle (the loop may not pass through all of them). */
  members: string[];
}

/**
 * Live dependency cycles: components of more than one issue, and issues that block themselves.
 * Each path starts at the member ranked highest (`order`), so the same loop always reads the same way.
 */
export function findCycles({ graph, order }: { graph: DependencyGraph; order: (key: string) => number }): DependencyCycle[] {
  const successors = (node: string): readonly string[] => graph.openEdges.get(node) ?? NONE;
  const cycles: DependencyCycle[] = [];
  for (const component of stronglyConnectedComponents({ nodes: graph.openEdges.keys(), successors })) {
    const only = component[0];
    if (component.length === 1 && (only === undefined || !successors(only).includes(only))) continue;
    const start = [...component].sort((a, b) => order(a) - order(b) || a.localeCompare(b))[0];
    if (start === undefined) continue;
    const path = shortestCycleThrough({ start, members: new Set(component), successors });
    if (!path) continue;
    const onPath = new Set(path);
    cycles.push({ path, members: [...path.slice(0, -1), ...component.filter((key) => !onPath.has(key))] });
  }
  return cycles;
}

export interface DependencyFlagParams {
  /** The horizon, in walk order. */
  candidates: readonly PlannedCandidate[];
  /**
   * Keys known to be scheduled before the horizon (e.g. in the active sprint): a blocker there
   * is not an order problem even though it is not a candidate.
   */
  earlierWork?: ReadonlySet<string>;
}

/**
 * Dependency flags per candidate key (every candidate gets an entry, possibly empty):
 * `blocked` per unresolved blocker, `cross-project` when that blocker lives in another project,
 * `order` when it is ranked below, planned later or outside the horizon, `cycle` per live loop.
 * Resolved blockers raise nothing; resolved candidates are not judged.
 */
export function dependencyFlags({ candidates, earlierWork = new Set() }: DependencyFlagParams): Map<string, DependencyFlag[]> {
  const graph = buildDependencyGraph({ candidates });
  const byKey = new Map(candidates.map((c) => [c.issue.key, c]));
  const flags = new Map<string, DependencyFlag[]>(candidates.map((c) => [c.issue.key, []]));
  for (const candidate of candidates) {
    if (candidate.issue.statusCategory === 'done') continue;
    const own = flags.get(candidate.issue.key);
    for (const blockerKey of graph.blockersOf.get(candidate.issue.key) ?? NONE) {
      const blocker = graph.nodes.get(blockerKey);
      if (!blocker?.unresolved || blockerKey === candidate.issue.key) continue;
      own?.push(...blockerFlags({ candidate, blocker, planned: byKey.get(blockerKey), earlierWork }));
    }
  }
  const order = (key: string): number => byKey.get(key)?.position ?? Number.POSITIVE_INFINITY;
  for (const cycle of findCycles({ graph, order })) {
    const flag = cycleFlag(cycle);
    for (const key of cycle.members) {
      if (byKey.get(key)?.issue.statusCategory !== 'done') flags.get(key)?.push(flag);
    }
  }
  return flags;
}

function blockerFlags({
  candidate,
  blocker,
  planned,
  earlierWork,
}: {
  candidate: PlannedCandidate;
  blocker: DependencyNode;
  planned: PlannedCandidate | undefined;
  earlierWork: ReadonlySet<string>;
}): DependencyFlag[] {
  const related = [blocker.key];
  const crossProject = blocker.projectKey !== candidate.issue.projectKey;
  const flags: DependencyFlag[] = [
    { type: 'dependency', kind: 'blocked', severity: 'medium', message: `blocked by ${blocker.key} (${blocker.statusName})`, related },
  ];
  if (crossProject) {
    flags.push({
      type: 'dependency',
      kind: 'cross-project',
      severity: 'medium',
      message: `blocked by ${blocker.key} in project ${blocker.projectKey} (${blocker.statusName})`,
      related,
    });
  }
  const problem = orderProblem({ candidate, blocker, planned, crossProject, earlierWork });
  if (problem) flags.push({ type: 'dependency', kind: 'order', severity: 'high', message: `blocked by ${blocker.key}, ${problem}`, related });
  return flags;
}

/** Why the blocker would be done too late, or null when its place is fine. */
function orderProblem({
  candidate,
  blocker,
  planned,
  crossProject,
  earlierWork,
}: {
  candidate: PlannedCandidate;
  blocker: DependencyNode;
  planned: PlannedCandidate | undefined;
  crossProject: boolean;
  earlierWork: ReadonlySet<string>;
}): string | null {
  if (!planned) {
    // Another project's backlog is not ours to rank; the cross-project flag covers it.
    if (crossProject || earlierWork.has(blocker.key)) return null;
    return 'which is not planned in the next sprints';
  }
  if (planned.position <= candidate.position) return null;
  if (planned.plannedIn === candidate.plannedIn) return 'ranked below';
  if (planned.plannedIn === BACKLOG) return 'still in the backlog';
  return `planned in ${planned.plannedIn} (later)`;
}

function cycleFlag({ path, members }: DependencyCycle): DependencyFlag {
  const extra = members.length - (path.length - 1);
  const more = extra > 0 ? ` (and ${extra} more ${extra === 1 ? 'issue' : 'issues'} in the same knot)` : '';
  return {
    type: 'dependency',
    kind: 'cycle',
    severity: 'high',
    message: `dependency cycle: ${formatCycle(path)}${more}`,
    related: members,
  };
}
