import type { RefinementSession, SessionItem } from '../../contract/session';

/** What an item shows to someone Jira does not let see its issue: nothing about the issue. */
export const HIDDEN_ITEM_SUMMARY = 'An issue you cannot see';

/**
 * The session as one person may see it. The session is stored once per project, but its items
 * are issues with their own permissions (issue security, browse): an item the person cannot see
 * keeps its place (indexes stay valid for the facilitator's actions) and its timing, but loses its
 * key, summary, focus lines, decisions and confidence answers.
 */
export function redactSession({ session, canSee }: { session: RefinementSession; canSee: (issueKey: string) => boolean }): RefinementSession {
  const items = session.items.map((item, index): SessionItem =>
    canSee(item.issueKey)
      ? item
      : { ...item, issueKey: `hidden-${index + 1}`, summary: HIDDEN_ITEM_SUMMARY, focus: [], decisions: [], confidence: [], hidden: true },
  );
  return { ...session, items, writeBack: session.writeBack.filter((entry) => canSee(entry.issueKey)) };
}
