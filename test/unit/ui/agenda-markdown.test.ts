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
    expect(md).toContain('dependency (blocked): Blocked by DEMO-12 — DEMO-12');
    expect(md).toMatch(/## Carry-over\n\n- \*\*DEMO-8\*\* Export orders — 6 min/);
    expect(md).toContain('1.4 sprints of ready work; keep at least 2 (28 ready points, velocity 20).');
  });

  it('says so when there is nothing to refine or carry over, and names the project without a board', () => {
    const md = agendaMarkdown(anAgenda({ items: [], carryOver: [], boardName: null, runway: { readyPoints: 0, velocity: null, sprints: null, targetSprints: 2, message: 'Velocity unknown' } }));
    expect(md).toContain('# Refinement agenda — DEMO');
    expect(md).toContain('_Nothing needs refining in the horizon._');
    expect(md).toContain('_None._');
    expect(md).toContain('velocity unknown');
  });

  it('keeps hostile summaries as text', () => {
    const md = agendaMarkdown(anAgenda({ items: [anAgendaItem({ summary: '<script>alert(1)</script> [x](javascript:alert(2)) *bold*' })] }));
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](javascript');
    expect(md).toContain('\\<script\\>');
  });
});

describe('escapeMarkdown', () => {
  it('collapses newlines so an item stays on one line', () => {
    expect(escapeMarkdown('a\n\nb')).toBe('a b');
  });
});
