import { type CriterionContext, type CriterionJudge } from '../criterion-context';
import { type TextFacts } from '../text-facts';
import { quote } from '../quote';

const UNKNOWN_MARKER =
  /\b(?:tbd|tbc|todo|unclear|to be (?:decided|determined|defined|confirmed|clarified)|needs? (?:investigation|research|clarification)|not sure|open questions?)\b/i;
const SPIKE_WORD = /\bspikes?\b/i;
const NEEDS_SPIKE_LABEL = 'needs-spike';
const MAX_QUOTES = 2;

export interface Unknowns {
  /** Signals that need a spike before the item can be built (label, unresolved linked spike). */
  blocking: string[];
  /** Open questions and markers in the text, quoted. */
  textual: string[];
}

/**
 * The questions and markers in the text, each quoted once. Kept per TextFacts object: the
 * criterion and the unknowns flag ask for them within one evaluation, and facts are made per
 * evaluation, so a cached answer is never reused for other text.
 */
const TEXTUAL = new WeakMap<TextFacts, readonly string[]>();

/** Either marker, found anywhere: one scan of the whole text instead of two per sentence. */
const ANY_MARKER = new RegExp(`${UNKNOWN_MARKER.source}|${SPIKE_WORD.source}`, 'gi');

/**
 * Where each marker match starts in `all`, in order. A match never spans two sentences (the
 * markers hold no newline and no . ! ?), so a sentence holds a marker exactly when a match
 * starts inside it.
 */
function markerStarts(all: string): number[] {
  const starts: number[] = [];
  ANY_MARKER.lastIndex = 0;
  for (let match = ANY_MARKER.exec(all); match !== null; match = ANY_MARKER.exec(all)) starts.push(match.index);
  return starts;
}

function textualUnknowns(facts: TextFacts): readonly string[] {
  const cached = TEXTUAL.get(facts);
  if (cached !== undefined) return cached;
  const textual: string[] = [];
  const { all } = facts;
  const starts = markerStarts(all);
  // Most ready items have no unknowns: without a marker or a "?" there is no sentence to look at.
  if (starts.length > 0 || all.includes('?')) {
    const seen = new Set<string>();
    let next = 0;
    let from = 0;
    for (const sentence of facts.sentences) {
      const trimmed = sentence.trim();
      // Sentences appear in `all` in order, separated only by whitespace, so this finds each one.
      const at = all.indexOf(sentence, from);
      let hasMarker: boolean;
      if (at < 0) {
        hasMarker = UNKNOWN_MARKER.test(trimmed) || SPIKE_WORD.test(trimmed);
      } else {
        from = at + sentence.length;
        while (next < starts.length && (starts[next] ?? 0) < at) next += 1;
        hasMarker = next < starts.length && (starts[next] ?? 0) < from;
      }
      if (!(trimmed.endsWith('?') || hasMarker) || seen.has(trimmed)) continue;
      seen.add(trimmed);
      textual.push(trimmed);
    }
  }
  TEXTUAL.set(facts, textual);
  return textual;
}

/** Collects every unknown the issue shows; shared by the criterion and the unknowns flag. */
export function findUnknowns({ issue, facts }: Pick<CriterionContext, 'issue' | 'facts'>): Unknowns {
  const blocking: string[] = [];
  if (issue.labels.some((label) => label.toLowerCase() === NEEDS_SPIKE_LABEL)) blocking.push(`label “${NEEDS_SPIKE_LABEL}”`);
  for (const link of issue.links) {
    if (link.issueKind === 'spike' && link.statusCategory !== 'done') blocking.push(`unresolved spike ${link.key} (${link.statusName})`);
  }
  return { blocking, textual: [...textualUnknowns(facts)] };
}

export const judgeUnknowns: CriterionJudge = (ctx) => {
  const { blocking, textual } = findUnknowns(ctx);
  const count = blocking.length + textual.length;
  if (count === 0) return { status: 'pass', detail: 'no open questions, TBDs or unresolved spikes' };
  const quoted = [...blocking, ...textual.map((s) => quote(s, 60))].slice(0, MAX_QUOTES);
  const more = count > MAX_QUOTES ? ` and ${count - MAX_QUOTES} more` : '';
  const detail = `${count === 1 ? '1 open unknown' : `${count} open unknowns`}: ${quoted.join('; ')}${more}`;
  const fix = 'Answer the open questions in the description, or create a time-boxed spike and link it';
  // One stray question is worth a look; a needed spike or several open points mean not ready.
  return { status: blocking.length > 0 || textual.length > 1 ? 'fail' : 'warn', detail, fix };
};
