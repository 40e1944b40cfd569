import { splitSentences } from '../text';

const UNKNOWN_MARKER =
  /\b(?:tbd|tbc|todo|unclear|to be (?:decided|determined|defined|confirmed|clarified)|needs? (?:investigation|research|clarification)|not sure|open questions?|spikes?)\b/i;

function isUnknown(sentence: string): boolean {
  return sentence.endsWith('?') || UNKNOWN_MARKER.test(sentence);
}

/**
 * The sentences that ask a question or hold an unknown marker ("TBD", "needs research", "spike"),
 * each given once, in order. `all` is the lines joined; only the lines holding a "?" or a marker
 * are split into sentences.
 */
export function unknownSentences({ all, lines }: { all: string; lines: readonly string[] }): string[] {
  // One look at the whole text rules out the common case of no question and no marker.
  if (!all.includes('?') && !UNKNOWN_MARKER.test(all)) return [];
  const found = new Set<string>();
  for (const line of lines) {
    if (!line.includes('?') && !UNKNOWN_MARKER.test(line)) continue;
    for (const sentence of splitSentences(line)) if (isUnknown(sentence)) found.add(sentence);
  }
  return [...found];
}
