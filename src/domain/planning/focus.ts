import type { Criterion, DependencyKind, Flag, FlagType } from '../../contract/readiness';

/** Focus lines kept per item: more than this is no longer a focus. */
export const MAX_FOCUS = 6;

type FocusTopic = Exclude<FlagType, 'dependency'> | `dependency:${DependencyKind}`;

/** Most important first: what blocks a good estimate and a safe order leads. */
const TOPICS: readonly { topic: FocusTopic; verb: string; strip?: string }[] = [
  { topic: 'divergence', verb: 'agree the estimate' },
  { topic: 'no-acceptance-criteria', verb: 'write acceptance criteria', strip: 'no acceptance criteria' },
  { topic: 'dependency:order', verb: 'fix the order' },
  { topic: 'dependency:cycle', verb: 'break the cycle', strip: 'dependency cycle:' },
  { topic: 'dependency:blocked', verb: 'unblock it' },
  { topic: 'dependency:cross-project', verb: 'coordinate with the other team' },
  { topic: 'too-big', verb: 'split it' },
  { topic: 'unknowns', verb: 'answer the open questions', strip: 'open unknown:' },
  { topic: 'no-estimate', verb: 'estimate it together', strip: 'no estimate' },
  { topic: 'dependency:hidden', verb: 'check the hidden links' },
  { topic: 'stale', verb: 'check it is still wanted' },
];

/** Criteria whose failure is already told by a flag, so they add no second focus line. */
const CRITERIA_WITH_FLAGS = new Set<string>(['acceptance-criteria', 'estimate', 'size', 'dependencies', 'unknowns', 'estimate-agreement']);

/**
 * What the meeting should do about an item, most important first: one line per flag
 * ("agree the estimate: 3 vs 13 — Ana and Raj explain"), then the fixes of failing criteria
 * no flag speaks for. An order flag already names its blocker, so that blocker's
 * "unblock it" line is left out.
 */
export function focusFor({ flags, criteria = [] }: { flags: readonly Flag[]; criteria?: readonly Criterion[] }): string[] {
  const ordered = new Set(flags.filter((f) => f.type === 'dependency' && f.kind === 'order').flatMap((f) => f.related));
  const lines: string[] = [];
  for (const { topic, verb, strip } of TOPICS) {
    for (const flag of flags) {
      if (topicOf(flag) !== topic) continue;
      if (flag.type === 'dependency' && flag.kind === 'blocked' && flag.related.length > 0 && flag.related.every((key) => ordered.has(key))) continue;
      lines.push(phrase({ verb, message: flag.message, strip }));
    }
  }
  for (const criterion of criteria) {
    // Manual items ("team has discussed it") are what the meeting itself settles: no focus line.
    if (criterion.status !== 'fail' || criterion.manual || CRITERIA_WITH_FLAGS.has(criterion.id)) continue;
    lines.push(sentenceCase(criterion.fix ?? `${criterion.label}: ${criterion.detail}`));
  }
  if (lines.length === 0) {
    const unconfirmed = criteria.filter((criterion) => criterion.manual && criterion.status === 'fail').map((criterion) => criterion.label);
    if (unconfirmed.length > 0) lines.push(`confirm together: ${unconfirmed.join('; ')}`);
  }
  return [...new Set(lines)].slice(0, MAX_FOCUS);
}

function topicOf(flag: Flag): FocusTopic {
  if (flag.type !== 'dependency') return flag.type;
  return `dependency:${flag.kind}`;
}

function phrase({ verb, message, strip }: { verb: string; message: string; strip: string | undefined }): string {
  const trimmed = message.trim();
  if (trimmed.toLowerCase().startsWith(verb)) return trimmed;
  const stripped = strip && trimmed.toLowerCase().startsWith(strip) ? trimmed.slice(strip.length).trim() : trimmed;
  // "21 points — above the limit of 8; split it" → the verb already says "split it".
  const detail = stripped.replace(new RegExp(`[;,]\\s*${verb}$`, 'i'), '').trim();
  if (!detail) return verb;
  return `${verb}: ${sentenceCase(detail)}`;
}

/** Focus lines read as one list of lower-case instructions; issue keys and quotes stay as they are. */
function sentenceCase(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
