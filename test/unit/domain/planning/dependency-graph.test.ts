import type { DependencyFlag, DependencyKind } from '../../../../src/contract/readiness';
import type { NormalizedIssue } from '../../../../src/domain/issue';
import { BACKLOG, dependencyFlags, type PlannedCandidate, stronglyConnectedComponents } from '../../../../src/domain/planning';
import { aLink, anIssue } from './planning-builders';

function planned(position: number, issue: Partial<NormalizedIssue> & { key: string }, plannedIn = BACKLOG): PlannedCandidate {
  return { issue: anIssue(issue), plannedIn, position };
}

function ofKind(flags: readonly DependencyFlag[] | undefined, kind: DependencyKind): DependencyFlag[] {
  return (flags ?? []).filter((f) => f.kind === kind);
}

describe('dependencyFlags: blocked and order', () => {
  it('flags a blocker ranked below the item it blocks', () => {
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-30', links: [aLink({ key: 'DEMO-31' })] }),
        planned(2, { key: 'DEMO-31' }),
      ],
    });
    expect(ofKind(flags.get('DEMO-30'), 'order')).toEqual([
      { type: 'dependency', kind: 'order', severity: 'high', message: 'blocked by DEMO-31, ranked below', related: ['DEMO-31'] },
    ]);
    expect(ofKind(flags.get('DEMO-30'), 'blocked').map((f) => f.message)).toEqual(['blocked by DEMO-31 (To Do)']);
    expect(flags.get('DEMO-31')).toEqual([]);
  });

  it('accepts a blocker ranked above', () => {
    const flags = dependencyFlags({
      candidates: [planned(1, { key: 'DEMO-31' }), planned(2, { key: 'DEMO-30', links: [aLink({ key: 'DEMO-31' })] })],
    });
    expect(ofKind(flags.get('DEMO-30'), 'order')).toEqual([]);
    expect(ofKind(flags.get('DEMO-30'), 'blocked')).toHaveLength(1);
  });

  it('reads "blocks" links from the blocker side', () => {
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-30' }),
        planned(2, { key: 'DEMO-31', links: [aLink({ key: 'DEMO-30', direction: 'blocks' })] }),
      ],
    });
    expect(ofKind(flags.get('DEMO-30'), 'order').map((f) => f.message)).toEqual(['blocked by DEMO-31, ranked below']);
    expect(flags.get('DEMO-31')).toEqual([]);
  });

  it('flags a blocker planned in a later sprint, or left in the backlog', () => {
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-10', links: [aLink({ key: 'DEMO-40' }), aLink({ key: 'DEMO-50' })] }, 'Sprint 13'),
        planned(2, { key: 'DEMO-40' }, 'Sprint 14'),
        planned(3, { key: 'DEMO-50' }, BACKLOG),
      ],
    });
    expect(ofKind(flags.get('DEMO-10'), 'order').map((f) => f.message)).toEqual([
      'blocked by DEMO-40, planned in Sprint 14 (later)',
      'blocked by DEMO-50, still in the backlog',
    ]);
  });

  it('flags an unresolved blocker outside the horizon, unless it is scheduled earlier', () => {
    const candidates = [planned(1, { key: 'DEMO-10', links: [aLink({ key: 'DEMO-99' })] })];
    expect(ofKind(dependencyFlags({ candidates }).get('DEMO-10'), 'order').map((f) => f.message)).toEqual([
      'blocked by DEMO-99, which is not planned in the next sprints',
    ]);
    expect(ofKind(dependencyFlags({ candidates, earlierWork: new Set(['DEMO-99']) }).get('DEMO-10'), 'order')).toEqual([]);
  });

  it('ignores resolved blockers, wherever they sit', () => {
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-10', links: [aLink({ key: 'DEMO-11' }), aLink({ key: 'DEMO-99', statusCategory: 'done', statusName: 'Done' })] }),
        planned(2, { key: 'DEMO-11', statusCategory: 'done', statusName: 'Done' }),
      ],
    });
    expect(flags.get('DEMO-10')).toEqual([]);
  });

  it('ignores links that are not dependencies', () => {
    const flags = dependencyFlags({ candidates: [planned(1, { key: 'DEMO-10', links: [aLink({ key: 'DEMO-99', direction: 'other' })] })] });
    expect(flags.get('DEMO-10')).toEqual([]);
  });

  it('flags a blocker in another project as cross-project, not as an order problem', () => {
    const flags = dependencyFlags({ candidates: [planned(1, { key: 'DEMO-10', links: [aLink({ key: 'OPS-4', statusName: 'In Progress' })] })] });
    expect(flags.get('DEMO-10')?.map((f) => [f.kind, f.message])).toEqual([
      ['blocked', 'blocked by OPS-4 (In Progress)'],
      ['cross-project', 'blocked by OPS-4 in project OPS (In Progress)'],
    ]);
  });

  it('does not judge resolved candidates', () => {
    const flags = dependencyFlags({
      candidates: [planned(1, { key: 'DEMO-10', statusCategory: 'done', links: [aLink({ key: 'DEMO-99' })] })],
    });
    expect(flags.get('DEMO-10')).toEqual([]);
  });
});

describe('dependencyFlags: cycles', () => {
  it('finds a 2-cycle and tells it from the highest-ranked member', () => {
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-20', links: [aLink({ key: 'DEMO-21', direction: 'blocks' })] }),
        planned(2, { key: 'DEMO-21', links: [aLink({ key: 'DEMO-20', direction: 'blocks' })] }),
      ],
    });
    const expected = 'dependency cycle: DEMO-20 → DEMO-21 → DEMO-20';
    expect(ofKind(flags.get('DEMO-20'), 'cycle').map((f) => f.message)).toEqual([expected]);
    expect(ofKind(flags.get('DEMO-21'), 'cycle')).toEqual([
      { type: 'dependency', kind: 'cycle', severity: 'high', message: expected, related: ['DEMO-20', 'DEMO-21'] },
    ]);
  });

  it('finds two separate cycles and keeps them apart', () => {
    const blocks = (key: string) => [aLink({ key, direction: 'blocks' })];
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-20', links: blocks('DEMO-21') }),
        planned(2, { key: 'DEMO-21', links: blocks('DEMO-22') }),
        planned(3, { key: 'DEMO-22', links: blocks('DEMO-20') }),
        planned(4, { key: 'DEMO-30', links: blocks('DEMO-31') }),
        planned(5, { key: 'DEMO-31', links: blocks('DEMO-30') }),
        planned(6, { key: 'DEMO-40', links: blocks('DEMO-20') }),
      ],
    });
    expect(ofKind(flags.get('DEMO-22'), 'cycle').map((f) => f.message)).toEqual(['dependency cycle: DEMO-20 → DEMO-21 → DEMO-22 → DEMO-20']);
    expect(ofKind(flags.get('DEMO-31'), 'cycle').map((f) => f.message)).toEqual(['dependency cycle: DEMO-30 → DEMO-31 → DEMO-30']);
    // DEMO-40 only feeds into the loop; it is not part of it.
    expect(ofKind(flags.get('DEMO-40'), 'cycle')).toEqual([]);
  });

  it('flags an issue that blocks itself', () => {
    const flags = dependencyFlags({ candidates: [planned(1, { key: 'DEMO-20', links: [aLink({ key: 'DEMO-20' })] })] });
    expect(flags.get('DEMO-20')?.map((f) => [f.kind, f.message])).toEqual([['cycle', 'dependency cycle: DEMO-20 → DEMO-20']]);
  });

  it('ignores a loop that runs through a resolved issue', () => {
    const flags = dependencyFlags({
      candidates: [
        planned(1, { key: 'DEMO-20', links: [aLink({ key: 'DEMO-21', direction: 'blocks', statusCategory: 'done' })] }),
        planned(2, { key: 'DEMO-21', statusCategory: 'done', links: [aLink({ key: 'DEMO-20', direction: 'blocks' })] }),
      ],
    });
    expect(ofKind(flags.get('DEMO-20'), 'cycle')).toEqual([]);
  });

  it('finds a loop through an issue outside the horizon', () => {
    const flags = dependencyFlags({
      candidates: [planned(1, { key: 'DEMO-20', links: [aLink({ key: 'DEMO-90' }), aLink({ key: 'DEMO-90', direction: 'blocks' })] })],
    });
    expect(ofKind(flags.get('DEMO-20'), 'cycle').map((f) => f.message)).toEqual(['dependency cycle: DEMO-20 → DEMO-90 → DEMO-20']);
  });

  it('walks a 10,000-issue chain without overflowing the stack', () => {
    const size = 10_000;
    const candidates = Array.from({ length: size }, (_, i) =>
      planned(i + 1, { key: `DEMO-${i + 1}`, links: i + 1 < size ? [aLink({ key: `DEMO-${i + 2}`, direction: 'blocks' })] : [] }),
    );
    const flags = dependencyFlags({ candidates });
    expect(flags.size).toBe(size);
    expect([...flags.values()].some((list) => list.some((f) => f.kind === 'cycle'))).toBe(false);

    // Closing the chain into one ring of 10,000 makes a single, shortened cycle message.
    const last = candidates[size - 1]!;
    last.issue.links = [aLink({ key: 'DEMO-1', direction: 'blocks' })];
    const ring = dependencyFlags({ candidates });
    const cycle = ofKind(ring.get('DEMO-5000'), 'cycle')[0];
    expect(cycle?.related).toHaveLength(size);
    expect(cycle?.message).toBe('dependency cycle: DEMO-1 → DEMO-2 → DEMO-3 → DEMO-4 → DEMO-5 → DEMO-6 → … → DEMO-10000 → DEMO-1 (10000 issues)');
  });
});

describe('stronglyConnectedComponents', () => {
  it('splits a graph into its components', () => {
    const edges: Record<string, string[]> = { a: ['b'], b: ['c', 'd'], c: ['a'], d: ['e'], e: ['d'], f: [] };
    const components = stronglyConnectedComponents({ nodes: Object.keys(edges), successors: (n) => edges[n] ?? [] });
    expect(components.map((c) => [...c].sort().join(''))).toEqual(['de', 'abc', 'f']);
  });
});
