/** Longest path shown in full; longer loops are shortened so a message stays readable. */
const MAX_SHOWN = 8;

/**
 * The shortest loop from `start` back to itself inside one strongly-connected component
 * (breadth-first, so what the team reads is the tightest knot, not a tour of the whole tangle).
 * Returns the path with `start` at both ends, or null when there is none.
 */
export function shortestCycleThrough({
  start,
  members,
  successors,
}: {
  start: string;
  members: ReadonlySet<string>;
  successors: (node: string) => readonly string[];
}): string[] | null {
  const parent = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head];
    if (node === undefined) break;
    for (const next of successors(node)) {
      if (next === start) return [...pathTo({ node, parent, start }), start];
      if (!members.has(next) || parent.has(next)) continue;
      parent.set(next, node);
      queue.push(next);
    }
  }
  return null;
}

function pathTo({ node, parent, start }: { node: string; parent: ReadonlyMap<string, string>; start: string }): string[] {
  const path = [node];
  let current = node;
  while (current !== start) {
    const previous = parent.get(current);
    if (previous === undefined) break;
    path.push(previous);
    current = previous;
  }
  return path.reverse();
}

/** "DEMO-20 → DEMO-21 → DEMO-20"; very long loops keep their head and tail. */
export function formatCycle(path: readonly string[]): string {
  if (path.length <= MAX_SHOWN + 1) return path.join(' → ');
  const head = path.slice(0, MAX_SHOWN - 2);
  const tail = path.slice(-2);
  return `${[...head, '…', ...tail].join(' → ')} (${path.length - 1} issues)`;
}
