import type { Agenda, AgendaItem, Flag } from '../../../src/contract';

/**
 * Backslash-escapes Markdown punctuation in Jira text so a pasted summary stays text:
 * no accidental emphasis or links, and no raw HTML (`<script>`) in renderers that allow it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()<>#+!|~]/g, (ch) => `\\${ch}`);
}

function flagText(flag: Flag): string {
  const kind = flag.type === 'dependency' && flag.kind !== undefined ? ` (${flag.kind})` : '';
  const related = flag.related.length > 0 ? ` — ${flag.related.join(', ')}` : '';
  return `${flag.type}${kind}: ${escapeMarkdown(flag.message)}${related}`;
}

function points(estimate: number | null): string {
  return estimate === null ? 'no estimate' : `${estimate} pt`;
}

function itemLines(item: AgendaItem, index: number): string[] {
  const state = item.ready ? 'ready' : 'not ready';
  const head = `${index + 1}. **${item.issueKey}** ${escapeMarkdown(item.summary)} — ${item.timeboxMinutes} min`;
  const meta = `   - ${escapeMarkdown(item.issueType)} · score ${Math.round(item.score)} (${state}) · ${points(item.estimate)} · ${escapeMarkdown(item.plannedIn)}`;
  const focus = item.focus.map((f) => `   - [ ] ${escapeMarkdown(f)}`);
  const flags = item.flags.map((f) => `   - ⚑ ${flagText(f)}`);
  return [head, meta, ...focus, ...flags];
}

/** Why the horizon walk ended, completing "stopped because it …". */
export const STOP_REASON: Record<Agenda['horizon']['stoppedBecause'], string> = {
  points: 'reached the target points',
  'item-limit': 'reached the item limit',
  'end-of-backlog': 'reached the end of the backlog',
};

/** The agenda as Markdown, for pasting into Confluence, Slack or the meeting invite. */
export function agendaMarkdown(agenda: Agenda): string {
  const title = `# Refinement agenda — ${escapeMarkdown(agenda.boardName ?? agenda.projectKey)}`;
  const date = agenda.generatedAt.slice(0, 10);
  const lines: string[] = [
    title,
    '',
    `Date: ${date} · Session: ${agenda.sessionMinutes} min · Planned: ${agenda.totalMinutes} of ${agenda.sessionMinutes} min · ${agenda.items.length} items`,
    '',
    '## Items',
    '',
  ];
  if (agenda.items.length === 0) lines.push('_Nothing needs refining in the horizon._');
  agenda.items.forEach((item, i) => lines.push(...itemLines(item, i)));
  lines.push('', '## Carry-over', '');
  if (agenda.carryOver.length === 0) lines.push('_None._');
  for (const item of agenda.carryOver) lines.push(`- **${item.issueKey}** ${escapeMarkdown(item.summary)} — ${item.timeboxMinutes} min`);
  const r = agenda.runway;
  const velocity = r.velocity === null ? 'velocity unknown' : `velocity ${r.velocity}`;
  lines.push('', '## Runway', '', `${escapeMarkdown(r.message)} (${r.readyPoints} ready points, ${velocity}).`);
  const h = agenda.horizon;
  lines.push('', `Horizon: ${h.items} items, ${h.points} points${h.targetPoints === null ? '' : ` of ${h.targetPoints} targeted`}; stopped because it ${STOP_REASON[h.stoppedBecause]}.`);
  return `${lines.join('\n')}\n`;
}
