import type { RefinementSession, SessionOutcome, SessionQuestion } from '../../contract/session';
import { carriedOverItems, discussedItems, itemSpentSeconds } from './session-transitions';

export const OUTCOME_LABELS: Record<SessionOutcome, string> = {
  ready: 'Ready',
  'needs-refinement': 'Needs more refinement',
  split: 'Split',
  spike: 'Spike needed',
  drop: 'Drop',
};

const minutes = (seconds: number): string => `${Math.round(seconds / 60)} min`;
/** Markdown special characters in Jira text would reformat the summary. */
const plain = (text: string): string => text.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\s+/g, ' ').trim();

/**
 * The session summary for Confluence or Slack: items with time spent against their timebox,
 * outcomes and decisions, open questions with owners, and what carries over.
 */
export function sessionSummaryMarkdown(params: { session: RefinementSession; questions: SessionQuestion[]; now: Date }): string {
  const { session, questions, now } = params;
  const end = session.endedAt ?? now.toISOString();
  const totalSeconds = Math.max(0, Math.round((Date.parse(end) - Date.parse(session.startedAt)) / 1000));
  const lines = [
    `## Refinement session ${session.number} — ${session.startedAt.slice(0, 10)}`,
    '',
    `Facilitator: ${plain(session.facilitator.displayName)} · ${minutes(totalSeconds)} of ${session.sessionMinutes} min · ${discussedItems(session).length} of ${session.items.length} items decided`,
    '',
    '| Item | Time / timebox | Outcome | Decisions |',
    '|---|---|---|---|',
  ];
  for (const item of session.items) {
    const outcome = item.outcome === null ? (item.visited ? 'Not decided' : 'Not reached') : OUTCOME_LABELS[item.outcome];
    const timebox = item.timeboxMinutes + item.extendedMinutes;
    lines.push(`| ${item.issueKey} ${plain(item.summary)} | ${minutes(itemSpentSeconds(item, now))} / ${timebox} min | ${outcome} | ${item.decisions.map(plain).join('; ') || '–'} |`);
  }
  const open = questions.filter((question) => question.answer === null);
  lines.push('', '### Open questions');
  if (open.length === 0) lines.push('', 'None.');
  for (const question of open) {
    const owner = question.owner ? ` — owner: ${plain(question.owner.displayName)}` : ' — no owner yet';
    lines.push(`- ${question.issueKey}: ${plain(question.text)}${owner}${question.due ? `, due ${question.due}` : ''}`);
  }
  const carried = carriedOverItems(session);
  lines.push('', '### Carried over to the next session', '');
  lines.push(carried.length === 0 ? 'Nothing.' : carried.map((item) => `- ${item.issueKey} ${plain(item.summary)}`).join('\n'));
  return `${lines.join('\n')}\n`;
}
