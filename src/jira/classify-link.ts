/**
 * Which way a Jira issue link points, from the linked-from issue's side.
 * For an entry carrying `inwardIssue`, this issue reads the link with the type's inward phrase
 * ("PROJ-2 is blocked by PROJ-1"); for `outwardIssue`, with the outward phrase ("blocks").
 */
import type { LinkDirection } from '../domain/issue';

const BLOCKED_BY_PHRASES = [/\bis blocked by\b/, /\bdepends on\b/, /\bis dependent on\b/, /\brequires\b/, /\bneeds\b/, /\bwaits? (for|on)\b/];
const BLOCKS_PHRASES = [/^blocks\b/, /\bis blocking\b/, /\bis depended (on )?by\b/, /\bis required by\b/, /\bis needed by\b/, /\bis a dependency (of|for)\b/];
/** Type names whose inward side is, by Jira's convention, the blocked issue. */
const BLOCKING_TYPE_NAMES = /\b(block|blocks|blocker|blocking|depend|depends|dependency|dependent)\b/;

export function classifyLink(params: { typeName: string; phrase: string; side: 'inward' | 'outward' }): LinkDirection {
  const phrase = params.phrase.trim().toLowerCase();
  if (BLOCKED_BY_PHRASES.some((pattern) => pattern.test(phrase))) return 'blocked-by';
  if (BLOCKS_PHRASES.some((pattern) => pattern.test(phrase))) return 'blocks';
  if (BLOCKING_TYPE_NAMES.test(params.typeName.trim().toLowerCase())) {
    return params.side === 'inward' ? 'blocked-by' : 'blocks';
  }
  return 'other';
}
