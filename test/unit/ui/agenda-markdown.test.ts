import { agendaMarkdown, escapeMarkdown } from '../../../static/refinement-agenda/src/agenda-markdown';
import { anAgenda, anAgendaItem } from './builders';

describe('agendaMarkdown', () => {
  it('has the title, date, timebox, items with focus and flags, carry-over and runway', () => {
    const md = agendaMarkdown(
      anAgenda({
        items: [
          anAgendaItem({
            issueKey: 'DEMO-1',
            summary: 'Remember the last zone',
            timeboxMinutes: 12,
            focus: ['Write acceptance criteria'],
            flags: [{ type: 'dependency', kind: 'blocked', severity: 'high', message: 'Blocked by DEMO-12', related: ['DEMO-12'] }],
          }),
        ],
        carryOver: [anAgendaItem({ issueKey: 'DEMO-8', summary: 'Export orders', timeboxMinutes: 6 })],
      }),
    );
    expect(md).toContain('# Refinement agenda — DEMO board');
    expect(md).toContain('Date: 2026-11-21');
    expect(md).toContain('Planned: 55 of 60 min');
    expect(md).toContain('1. **DEMO-1** Remember the last zone — 12 min');
    expect(md).toContain('   - [ ] Write acceptance criteria');
    expect(md).toContain('   - ⚑ Blocked\n');
    expect(md).toMatch(/## Carry-over\n\n- \*\*DEMO-8\*\* Export orders — 6 min/);
    expect(md).toContain('1.4 sprints of ready work; keep at least 2 (28 points ready; the team finishes about 20 points a sprint).');
    expect(md).toContain('The agenda looks at the next 2 sprints of work (18 items, 41 points; the team finishes about 20 points a sprint).');
  });

  it('says so when there is nothing to refine or carry over, and names the project without a board', () => {
    const md = agendaMarkdown(anAgenda({ items: [], carryOver: [], boardName: null, runway: { items: [], readyPoints: 0, velocity: null, sprints: null, targetSprints: 2, message: 'Velocity unknown' } }));
    expect(md).toContain('# Refinement agenda — DEMO');
    expect(md).toContain('_Nothing needs refining in the next sprints._');
    expect(md).toContain('_None._');
    expect(md).toContain('velocity unknown');
  });

  it('keeps hostile summaries as text', () => {
    const md = agendaMarkdown(anAgenda({ items: [anAgendaItem({ summary: '<script>alert(1)</script> [x](javascript:alert(2)) *bold*' })] }));
    expect(md).not.toContain('<script>');
    // Both brackets escaped: no link can form, and the text reads as written.
    expect(md).toContain('\\[x\\](javascript:alert(2))');
    expect(md).toContain('‹script›alert(1)‹/script›');
    expect(md).toContain('\\*bold\\*');
  });

  it('reads cleanly where it is pasted: no escapes where Markdown starts nothing, no internal codes', () => {
    const md = agendaMarkdown(
      anAgenda({
        items: [
          anAgendaItem({
            summary: 'Pay by card (Germany) #2 — 100% + fees! snake_case ok',
            beyondHorizon: true,
            plannedIn: 'Backlog',
            flags: [
              { type: 'no-acceptance-criteria', severity: 'medium', message: 'No acceptance criteria', related: [] },
              { type: 'dependency', kind: 'order', severity: 'high', message: 'blocked by DEMO-31, ranked below', related: ['DEMO-31'] },
            ],
          }),
        ],
      }),
    );
    expect(md).toContain('Pay by card (Germany) #2 — 100% + fees! snake_case ok');
    expect(md).not.toMatch(/\\[()#!+.]/);
    expect(md).toContain('   - ⚑ No acceptance criteria · Rank order\n');
    expect(md).toContain('Backlog, beyond the next sprints');
    for (const code of ['no-acceptance-criteria', 'dependency (', 'order)', 'stoppedBecause', 'end-of-backlog']) expect(md).not.toContain(code);
  });
});

describe('escapeMarkdown', () => {
  it('collapses newlines so an item stays on one line', () => {
    expect(escapeMarkdown('a\n\nb')).toBe('a b');
  });
});
