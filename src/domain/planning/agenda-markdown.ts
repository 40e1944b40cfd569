import type { Agenda, AgendaItem } from '../../contract/agenda';
import { countOf } from './number-format';

/** Carry-over lines shown before "… and N more": the list is shared, not archived. */
const MAX_CARRY_OVER = 10;

/**
 * The agenda as Markdown for "copy agenda", to share a day before the session: title, date,
 * each item with its timebox and focus, then carry-over, runway and notes.
 * `date` (YYYY-MM-DD) defaults to the day the agenda was generated.
 */
export function agendaToMarkdown(agenda: Agenda, options: { date?: string } = {}): string {
  const date = options.date ?? agenda.generatedAt.slice(0, 10);
  const where = agenda.boardName ? `${agenda.projectKey} · ${text(agenda.boardName)}` : agenda.projectKey;
  const lines = [
    `# Refinement agenda — ${where}`,
    '',
    `${date} · ${agenda.sessionMinutes}-minute session · ${countOf({ value: agenda.items.length, one: 'item', many: 'items' })} · ${agenda.totalMinutes} minutes planned`,
    '',
  ];
  if (agenda.items.length === 0) lines.push('Nothing to refine: every item in the horizon is ready.', '');
  agenda.items.forEach((item, index) => lines.push(...itemLines({ item, number: index + 1 }), ''));
  if (agenda.carryOver.length > 0) {
    lines.push('## Carry-over', '');
    for (const item of agenda.carryOver.slice(0, MAX_CARRY_OVER)) lines.push(`- ${headline(item)} (${item.timeboxMinutes} min)`);
    const rest = agenda.carryOver.length - MAX_CARRY_OVER;
    if (rest > 0) lines.push(`- … and ${rest} more`);
    lines.push('');
  }
  lines.push('## Runway', '', agenda.runway.message, '');
  if (agenda.warnings.length > 0) {
    lines.push('## Notes', '');
    for (const warning of agenda.warnings) lines.push(`- ${text(warning)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function itemLines({ item, number }: { item: AgendaItem; number: number }): string[] {
  const estimate = item.estimate === null ? 'no estimate' : countOf({ value: item.estimate, one: 'point', many: 'points' });
  return [
    `${number}. ${headline(item)} — ${item.timeboxMinutes} min`,
    `   ${text(item.plannedIn)} · ${item.issueType} · score ${item.score}/100 · ${estimate}`,
    ...item.focus.map((line) => `   - ${text(line)}`),
  ];
}

function headline(item: AgendaItem): string {
  return `**${item.issueKey}** ${text(item.summary)}`;
}

/** One line of plain text: no line breaks, and Markdown's own characters shown as typed. */
function text(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>#])/g, '\\$1');
}
