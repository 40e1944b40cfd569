import type { Agenda, AgendaItem, Flag } from '../../../src/contract';
import { flagLabel, formatPoints } from '../../shared/format';
import { horizonSentence } from './horizon-words';

/**
 * Keeps Jira text as text where it is pasted: escapes only the characters that would start
 * Markdown (emphasis, code, links), so a summary like "Pay (Germany) #2" stays exactly as written —
 * Slack shows backslashes literally, so every escape there is noise. An underscore inside a word
 * ("snake_case") starts nothing and stays too. Angle brackets become ‹ › : an escaped "\\<" reads
 * badly in Slack, and a bare "<role>" would vanish as an HTML tag in Confluence.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/[\\`*[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (ch) => `\\${ch}`);
}

/** The flags as plain names ("Rank order · Blocked"): the focus lines above already say what to do. */
function flagNames(flags: readonly Flag[]): string {
  return [...new Set(flags.map((flag) => flagLabel(flag)))].join(' · ');
}

function points(estimate: number | null): string {
  if (estimate === null) return 'no estimate';
  return `${formatPoints(estimate)} ${estimate === 1 ? 'point' : 'points'}`;
}

function itemLines(item: AgendaItem, index: number): string[] {
  const state = item.ready ? 'ready' : 'not ready';
  const where = item.beyondHorizon ? `${item.plannedIn}, beyond the next sprints` : item.plannedIn;
  const head = `${index + 1}. **${item.issueKey}** ${escapeMarkdown(item.summary)} — ${item.timeboxMinutes} min`;
  const meta = `   - ${escapeMarkdown(item.issueType)} · score ${Math.round(item.score)}, ${state} · ${points(item.estimate)} · ${escapeMarkdown(where)}`;
  const focus = item.focus.map((f) => `   - [ ] ${escapeMarkdown(f)}`);
  const flags = item.flags.length > 0 ? [`   - ⚑ ${flagNames(item.flags)}`] : [];
  return [head, meta, ...focus, ...flags];
}

/**
 * The agenda as Markdown, for pasting into Confluence, Slack or the meeting invite: plain words
 * only, no internal codes.
 */
export function agendaMarkdown(agenda: Agenda): string {
  const title = `# Refinement agenda — ${escapeMarkdown(agenda.boardName ?? agenda.projectKey)}`;
  const date = agenda.generatedAt.slice(0, 10);
  const count = `${agenda.items.length} ${agenda.items.length === 1 ? 'item' : 'items'}`;
  const lines: string[] = [title, '', `Date: ${date} · Session: ${agenda.sessionMinutes} min · Planned: ${agenda.totalMinutes} of ${agenda.sessionMinutes} min · ${count}`, '', '## Items', ''];
  if (agenda.items.length === 0) lines.push('_Nothing needs refining in the next sprints._');
  agenda.items.forEach((item, i) => lines.push(...itemLines(item, i)));
  lines.push('', '## Carry-over', '');
  if (agenda.carryOver.length === 0) lines.push('_None._');
  for (const item of agenda.carryOver) lines.push(`- **${item.issueKey}** ${escapeMarkdown(item.summary)} — ${item.timeboxMinutes} min`);
  const r = agenda.runway;
  const velocity = r.velocity === null ? 'velocity unknown' : `the team finishes about ${formatPoints(r.velocity)} points a sprint`;
  lines.push('', '## Ready work ahead', '', `${escapeMarkdown(r.message)} (${points(r.readyPoints)} ready; ${velocity}).`);
  lines.push('', horizonSentence(agenda));
  return `${lines.join('\n')}\n`;
}
