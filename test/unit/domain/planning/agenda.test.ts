import type { Divergence } from '../../../../src/contract/estimation';
import type { Flag } from '../../../../src/contract/readiness';
import { dependencyFlags, planAgenda, type AgendaCandidate, type PlanAgendaParams } from '../../../../src/domain/planning';
import { aCandidate, aCriterion, aFlag, aLink, agendaSettings } from './planning-builders';

const noEstimate = aFlag({ type: 'no-estimate', message: 'no estimate' });
const noAc = aFlag({ type: 'no-acceptance-criteria', severity: 'high', message: 'no scenarios' });
const unknowns = aFlag({ type: 'unknowns', message: '“Which payment providers?”' });
const tooBig = aFlag({ type: 'too-big', message: '21 points is above the limit of 8' });

const diverging: Divergence = {
  steps: 3,
  ratio: 13 / 3,
  high: ['Raj Patel'],
  low: ['Ana Lopez'],
  highValue: '13',
  lowValue: '3',
  diverges: true,
  summary: '3 vs 13 — Ana Lopez and Raj Patel explain',
};

function plan(candidates: AgendaCandidate[], overrides: Partial<PlanAgendaParams> = {}) {
  return planAgenda({
    candidates,
    dependencyFlags: new Map(),
    divergence: new Map(),
    settings: agendaSettings(),
    velocity: 20,
    ...overrides,
  });
}

/** n not-ready candidates with `gaps` flags each (0 gaps → a 5-minute timebox with the default settings). */
function notReady(n: number, flags: Flag[] = []): AgendaCandidate[] {
  return Array.from({ length: n }, (_, i) => aCandidate({ position: i + 1, readiness: { flags } }));
}

describe('planAgenda: choosing items', () => {
  it('takes the highest-ranked not-ready items and skips ready, excluded and resolved ones', () => {
    const agenda = plan([
      aCandidate({ position: 4 }),
      aCandidate({ position: 1, readiness: { ready: true } }),
      aCandidate({ position: 2, excluded: true }),
      aCandidate({ position: 3, issue: { statusCategory: 'done' } }),
      aCandidate({ position: 5, plannedIn: 'Sprint 14' }),
    ]);
    expect(agenda.items.map((i) => [i.issueKey, i.rank])).toEqual([
      ['DEMO-4', 4],
      ['DEMO-5', 5],
    ]);
    expect(agenda.items[1]?.plannedIn).toBe('Sprint 14');
    expect(agenda.carryOver).toEqual([]);
  });

  it('stops at maxItems and carries the rest over in rank order', () => {
    const agenda = plan(notReady(8), { settings: agendaSettings({ maxItems: 5, sessionMinutes: 120 }) });
    expect(agenda.items).toHaveLength(5);
    expect(agenda.carryOver.map((i) => i.issueKey)).toEqual(['DEMO-6', 'DEMO-7', 'DEMO-8']);
  });

  it('fits items into the session and carries over what does not fit', () => {
    // 4 gaps → 5 + 4 × 3 = 17, capped at 15 minutes each: four fit into 60, the fifth does not.
    const agenda = plan(notReady(6, [noEstimate, noAc, unknowns, tooBig]), { settings: agendaSettings({ minItems: 1 }) });
    expect(agenda.items.map((i) => i.timeboxMinutes)).toEqual([15, 15, 15, 15]);
    expect(agenda.totalMinutes).toBe(60);
    expect(agenda.carryOver.map((i) => i.issueKey)).toEqual(['DEMO-5', 'DEMO-6']);
    expect(agenda.warnings).toEqual([]);
  });

  it('follows a shorter session given for this meeting', () => {
    const agenda = plan(notReady(6, [noEstimate]), { sessionMinutes: 20, settings: agendaSettings({ minItems: 1 }) });
    expect(agenda.sessionMinutes).toBe(20);
    expect(agenda.items).toHaveLength(2);
    expect(agenda.totalMinutes).toBe(16);
  });

  it('never lets a lower-ranked small item jump ahead of one that does not fit', () => {
    const candidates = [
      aCandidate({ position: 1, readiness: { flags: [noEstimate, noAc, unknowns] } }),
      aCandidate({ position: 2, readiness: { flags: [noEstimate, noAc, unknowns] } }),
      aCandidate({ position: 3 }),
    ];
    const agenda = plan(candidates, { sessionMinutes: 20, settings: agendaSettings({ minItems: 1 }) });
    expect(agenda.items.map((i) => i.issueKey)).toEqual(['DEMO-1']);
    expect(agenda.carryOver.map((i) => i.issueKey)).toEqual(['DEMO-2', 'DEMO-3']);
  });

  it('never overruns the session: the minimum gives way, the rest carries over, and a message says so', () => {
    const agenda = plan(notReady(5, [noEstimate, noAc, unknowns, tooBig]), { sessionMinutes: 30 });
    expect(agenda.items).toHaveLength(2);
    expect(agenda.totalMinutes).toBe(30);
    expect(agenda.carryOver).toHaveLength(3);
    expect(agenda.warnings).toEqual(['Only 2 items fit in the 30-minute session, fewer than the usual 4; the rest carries over to the next session.']);
  });

  it('never gives one item more than the whole session', () => {
    const agenda = plan(notReady(2, [noEstimate, noAc]), { sessionMinutes: 10, settings: agendaSettings({ maxMinutesPerItem: 30, minItems: 1 }) });
    expect(agenda.items.map((i) => i.timeboxMinutes)).toEqual([10]);
    expect(agenda.totalMinutes).toBe(10);
  });

  it('fills the session with items from beyond the horizon, marked, and never carries them over', () => {
    const candidates = [
      aCandidate({ position: 1, readiness: { ready: true } }),
      aCandidate({ position: 2 }),
      aCandidate({ position: 3, beyondHorizon: true, plannedIn: 'Backlog' }),
      aCandidate({ position: 4, beyondHorizon: true, readiness: { ready: true } }),
      aCandidate({ position: 5, beyondHorizon: true }),
      aCandidate({ position: 6, beyondHorizon: true }),
    ];
    const agenda = plan(candidates, { sessionMinutes: 15 });
    expect(agenda.items.map((i) => [i.issueKey, i.beyondHorizon])).toEqual([
      ['DEMO-2', false],
      ['DEMO-3', true],
      ['DEMO-5', true],
    ]);
    expect(agenda.carryOver).toEqual([]);
    expect(agenda.totalMinutes).toBeLessThanOrEqual(15);
    expect(agenda.warnings).toEqual([
      'Only 1 item in the next sprints needs refining, so the agenda goes on down the backlog: 2 items come from beyond the next sprints.',
      'Only 3 items fit in the 15-minute session, fewer than the usual 4.',
    ]);
    // The runway counts the horizon only.
    expect(agenda.runway.items.map((i) => i.issueKey)).toEqual(['DEMO-1']);
  });

  it('takes fewer than the minimum when fewer items need refinement', () => {
    const agenda = plan(notReady(2));
    expect(agenda.items).toHaveLength(2);
    expect(agenda.totalMinutes).toBe(10);
  });
});

describe('planAgenda: flags, timebox and focus', () => {
  it('adds minutes per serious gap, counting a blocker once however many flags show it', () => {
    const candidates = [
      aCandidate({ position: 1, issue: { links: [aLink({ key: 'DEMO-2' })] }, readiness: { flags: [noEstimate] } }),
      aCandidate({ position: 2 }),
    ];
    const agenda = plan(candidates, { dependencyFlags: dependencyFlags({ candidates }) });
    const first = agenda.items[0];
    expect(first?.flags.filter((f) => f.type === 'dependency').map((f) => f.kind)).toEqual(['order', 'blocked']);
    // base 5 + no estimate 3 + dependency 3
    expect(first?.timeboxMinutes).toBe(11);
  });

  it('merges readiness, dependency and divergence flags without repeats', () => {
    const blocked = aFlag({ type: 'dependency', kind: 'blocked', message: 'blocked by DEMO-31 (In Progress)', related: ['DEMO-31'] });
    const staleDivergence = aFlag({ type: 'divergence', message: '2 vs 5' });
    const candidate = aCandidate({ position: 1, issue: { key: 'DEMO-30' }, readiness: { flags: [blocked, staleDivergence, noAc] } });
    const graphBlocked = { ...blocked, message: 'blocked by DEMO-31 (In Review)' };
    const agenda = plan([candidate], {
      dependencyFlags: new Map([['DEMO-30', [graphBlocked, graphBlocked]]]),
      divergence: new Map([['DEMO-30', diverging]]),
    });
    expect(agenda.items[0]?.flags.map((f) => f.message)).toEqual([
      'no scenarios',
      '3 vs 13 — Ana Lopez and Raj Patel explain',
      'blocked by DEMO-31 (In Review)',
    ]);
  });

  it('says what to do, most important first', () => {
    const cycle = aFlag({ type: 'dependency', kind: 'cycle', severity: 'high', message: 'dependency cycle: DEMO-20 → DEMO-21 → DEMO-20', related: ['DEMO-20', 'DEMO-21'] });
    const order = aFlag({ type: 'dependency', kind: 'order', severity: 'high', message: 'blocked by DEMO-31, ranked below', related: ['DEMO-31'] });
    const blocked = aFlag({ type: 'dependency', kind: 'blocked', message: 'blocked by DEMO-31 (To Do)', related: ['DEMO-31'] });
    const candidate = aCandidate({
      position: 1,
      issue: { key: 'DEMO-20' },
      readiness: {
        flags: [noEstimate, unknowns, tooBig, noAc],
        criteria: [
          aCriterion({ id: 'scope-bounds', fix: 'add an "Out of scope" section' }),
          aCriterion({ id: 'acceptance-criteria', fix: 'write Given/When/Then scenarios' }),
          aCriterion({ id: 'description', status: 'pass' }),
        ],
      },
    });
    const agenda = plan([candidate], {
      dependencyFlags: new Map([['DEMO-20', [blocked, order, cycle]]]),
      divergence: new Map([['DEMO-20', diverging]]),
      settings: agendaSettings({ maxMinutesPerItem: 60 }),
    });
    const item = agenda.items[0];
    expect(item?.focus).toEqual([
      'agree the estimate: 3 vs 13 — Ana Lopez and Raj Patel explain',
      'write acceptance criteria: no scenarios',
      'fix the order: blocked by DEMO-31, ranked below',
      'break the cycle: DEMO-20 → DEMO-21 → DEMO-20',
      'split it: 21 points is above the limit of 8',
      'answer the open questions: “Which payment providers?”',
    ]);
    // divergence, no AC, dependency, cycle, too big, unknowns, no estimate = 7 gaps
    expect(item?.timeboxMinutes).toBe(5 + 7 * 3);
  });

  it('adds the fixes of failing criteria that no flag speaks for', () => {
    const candidate = aCandidate({
      position: 1,
      readiness: { flags: [noEstimate], criteria: [aCriterion({ id: 'description', label: 'Clear description', detail: '3 words' })] },
    });
    expect(plan([candidate]).items[0]?.focus).toEqual(['estimate it together', 'clear description: 3 words']);
  });

  it('ignores votes that agree', () => {
    const candidate = aCandidate({ position: 1, issue: { key: 'DEMO-1' } });
    const agreeing: Divergence = { ...diverging, steps: 1, diverges: false, summary: '3 vs 5 — close enough to agree' };
    const item = plan([candidate], { divergence: new Map([['DEMO-1', agreeing]]) }).items[0];
    expect(item?.flags).toEqual([]);
    expect(item?.timeboxMinutes).toBe(5);
  });
});

describe('planAgenda: runway', () => {
  it('counts ready points ahead in sprints of velocity', () => {
    const candidates = [
      aCandidate({ position: 1, issue: { estimate: 8 }, readiness: { ready: true } }),
      aCandidate({ position: 2, issue: { estimate: 5 }, readiness: { ready: true } }),
      aCandidate({ position: 3, issue: { estimate: 13 } }),
      aCandidate({ position: 4, issue: { estimate: 20 }, excluded: true }),
    ];
    expect(plan(candidates, { velocity: 10 }).runway).toEqual({
      items: [
        { issueKey: 'DEMO-1', summary: 'Summary of DEMO-1', issueType: 'Story', rank: 1, estimate: 8, plannedIn: 'Backlog' },
        { issueKey: 'DEMO-2', summary: 'Summary of DEMO-2', issueType: 'Story', rank: 2, estimate: 5, plannedIn: 'Backlog' },
      ],
      readyPoints: 13,
      velocity: 10,
      sprints: 1.3,
      targetSprints: 2,
      message: '1.3 sprints of ready work — keep at least 2',
    });
    expect(plan(candidates, { velocity: 5 }).runway.message).toBe('2.6 sprints of ready work — healthy');
  });

  it('cannot count sprints without a velocity', () => {
    const candidates = [aCandidate({ position: 1, issue: { estimate: 8 }, readiness: { ready: true } })];
    expect(plan(candidates, { velocity: null }).runway).toMatchObject({ readyPoints: 8, velocity: null, sprints: null });
    expect(plan(candidates, { velocity: null }).runway.message).toContain('8 points of ready work; velocity unknown');
  });

  it('warns when nothing is ready', () => {
    expect(plan(notReady(3), { velocity: 10 }).runway).toMatchObject({
      readyPoints: 0,
      sprints: 0,
      message: 'No ready work ahead — keep at least 2 sprints',
    });
  });
});

describe('planAgenda: cost', () => {
  it('plans 200 candidates with dependencies quickly', () => {
    const candidates = Array.from({ length: 200 }, (_, i) =>
      aCandidate({
        position: i + 1,
        issue: { links: [aLink({ key: `DEMO-${((i * 7) % 200) + 1}` }), aLink({ key: `DEMO-${i + 300}` })] },
        readiness: { flags: [noEstimate, noAc] },
      }),
    );
    const started = performance.now();
    const agenda = plan(candidates, { dependencyFlags: dependencyFlags({ candidates }) });
    const elapsed = performance.now() - started;
    expect(agenda.items.length + agenda.carryOver.length).toBe(200);
    // Generous bound for slow CI; a quadratic plan would take far longer per item.
    expect(elapsed / 200).toBeLessThan(1);
  });
});

describe('focus lines read as instructions', () => {
  it('leaves manual items to the meeting unless nothing else is left to do', async () => {
    const { focusFor } = await import('../../../../src/domain/planning/focus');
    const manual = { id: 'manual:team-discussed' as const, label: 'Team has discussed it', status: 'fail' as const, detail: 'Not ticked yet', fix: 'Confirm it with the team, then tick it in the Definition of Ready panel', manual: true, weight: 1, required: false };
    const tooBig = { type: 'too-big' as const, severity: 'medium' as const, message: '21 points — above the limit of 8; split it', related: [] };
    expect(focusFor({ flags: [tooBig], criteria: [manual] })).toEqual(['split it: 21 points — above the limit of 8']);
    expect(focusFor({ flags: [], criteria: [manual] })).toEqual(['confirm together: Team has discussed it']);
  });
});
