import type { Agenda, AgendaItem } from '../../../../src/contract/agenda';
import { agendaToMarkdown } from '../../../../src/domain/planning';

function anItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    issueKey: 'DEMO-12',
    summary: 'Pay with Apple Pay',
    issueType: 'Story',
    rank: 1,
    score: 45,
    ready: false,
    estimate: 5,
    plannedIn: 'Sprint 14',
    flags: [],
    timeboxMinutes: 11,
    focus: ['agree the estimate: 3 vs 13 — Ana Lopez and Raj Patel explain', 'write acceptance criteria: no scenarios'],
    ...overrides,
  };
}

function anAgenda(overrides: Partial<Agenda> = {}): Agenda {
  return {
    projectKey: 'DEMO',
    boardId: 1,
    boardName: 'DEMO board',
    sessionMinutes: 60,
    totalMinutes: 19,
    items: [anItem(), anItem({ issueKey: 'DEMO-14', summary: 'Refunds *fast*\nand safe', estimate: null, plannedIn: 'Backlog', timeboxMinutes: 8, score: 20, focus: ['estimate it together: no estimate'] })],
    carryOver: [anItem({ issueKey: 'DEMO-30', summary: 'Gift cards', timeboxMinutes: 5 })],
    runway: { readyPoints: 14, velocity: 10, sprints: 1.4, targetSprints: 2, message: '1.4 sprints of ready work — keep at least 2' },
    horizon: { items: 40, points: 42, targetPoints: 40, stoppedBecause: 'points' },
    truncated: false,
    velocity: { value: 10, sprintsUsed: ['Sprint 11', 'Sprint 12', 'Sprint 13'] },
    estimationFieldName: 'Story Points',
    generatedAt: '2025-03-03T16:00:00.000Z',
    warnings: [],
    ...overrides,
  };
}

describe('agendaToMarkdown', () => {
  it('writes a list to share: title, date, items with timebox and focus, carry-over, runway', () => {
    expect(agendaToMarkdown(anAgenda())).toBe(
      [
        '# Refinement agenda — DEMO · DEMO board',
        '',
        '2025-03-03 · 60-minute session · 2 items · 19 minutes planned',
        '',
        '1. **DEMO-12** Pay with Apple Pay — 11 min',
        '   Sprint 14 · Story · score 45/100 · 5 points',
        '   - agree the estimate: 3 vs 13 — Ana Lopez and Raj Patel explain',
        '   - write acceptance criteria: no scenarios',
        '',
        '2. **DEMO-14** Refunds \\*fast\\* and safe — 8 min',
        '   Backlog · Story · score 20/100 · no estimate',
        '   - estimate it together: no estimate',
        '',
        '## Carry-over',
        '',
        '- **DEMO-30** Gift cards (5 min)',
        '',
        '## Runway',
        '',
        '1.4 sprints of ready work — keep at least 2',
        '',
      ].join('\n'),
    );
  });

  it('uses the meeting date when given, and lists warnings as notes', () => {
    const markdown = agendaToMarkdown(anAgenda({ warnings: ['Only the first 200 items were read.'] }), { date: '2025-03-04' });
    expect(markdown).toContain('2025-03-04 · 60-minute session');
    expect(markdown.endsWith('## Notes\n\n- Only the first 200 items were read.\n')).toBe(true);
  });

  it('says so when nothing needs refinement, and shortens a long carry-over', () => {
    const carryOver = Array.from({ length: 13 }, (_, i) => anItem({ issueKey: `DEMO-${i + 100}` }));
    const markdown = agendaToMarkdown(anAgenda({ items: [], totalMinutes: 0, carryOver, boardName: null }));
    expect(markdown).toContain('# Refinement agenda — DEMO\n');
    expect(markdown).toContain('0 items · 0 minutes planned\n\nNothing to refine');
    expect(markdown).toContain('- **DEMO-109** Pay with Apple Pay (11 min)\n- … and 3 more\n');
    expect(markdown).not.toContain('DEMO-110');
  });
});
