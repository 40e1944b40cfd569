/**
 * Tarjan's strongly-connected components, iterative: dependency chains in a real backlog can be
 * thousands of links long, and a recursive walk would overflow the stack.
 * Components come out in reverse topological order; members in discovery order.
 */
export function stronglyConnectedComponents({
  nodes,
  successors,
}: {
  nodes: Iterable<string>;
  successors: (node: string) => readonly string[];
}): string[][] {
  const index = new Map<string, number>();
  const lowlink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const visit = (node: string): void => {
    index.set(node, counter);
    lowlink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
  };

  for (const root of nodes) {
    if (index.has(root)) continue;
    visit(root);
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (!frame) break;
      const out = successors(frame.node);
      const target = out[frame.next];
      if (target !== undefined) {
        frame.next += 1;
        if (!index.has(target)) {
          visit(target);
          frames.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowlink.set(frame.node, Math.min(low(lowlink, frame.node), low(index, target)));
        }
        continue;
      }
      frames.pop();
      if (low(lowlink, frame.node) === low(index, frame.node)) components.push(popComponent({ stack, onStack, until: frame.node }));
      const parent = frames[frames.length - 1];
      if (parent) lowlink.set(parent.node, Math.min(low(lowlink, parent.node), low(lowlink, frame.node)));
    }
  }
  return components;
}

function low(map: ReadonlyMap<string, number>, node: string): number {
  return map.get(node) ?? Number.POSITIVE_INFINITY;
}

function popComponent({ stack, onStack, until }: { stack: string[]; onStack: Set<string>; until: string }): string[] {
  const component: string[] = [];
  for (;;) {
    const member = stack.pop();
    if (member === undefined) break;
    onStack.delete(member);
    component.push(member);
    if (member === until) break;
  }
  return component.reverse();
}
