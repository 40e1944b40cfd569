import { splitSentences } from '../text';

const UNKNOWN_MARKER =
  /\b(?:tbd|tbc|todo|unclear|to be (?:decided|determined|defined|confirmed|clarified)|needs? (?:investigation|research|clarification)|not sure|open questions?|spikes?)\b/i;

/** A question mark or an unknown marker: what makes a line worth splitting into sentences. */
const UNKNOWN_HINT = new RegExp(`\\?|${UNKNOWN_MARKER.source}`, 'gi');

function isUnknown(sentence: string): boolean {
  return sentence.endsWith('?') || UNKNOWN_MARKER.test(sentence);
}

/**
 * The sentences that ask a question or hold an unknown marker ("TBD", "needs research", "spike"),
 * each given once, in order. `all` is the text's lines joined by "\n". One search runs over it;
 * only the lines it stops in are split into sentences, and it goes on after each such line.
 */
export function unknownSentences({ all }: { all: string }): string[] {
  const found = new Set<string>();
  UNKNOWN_HINT.lastIndex = 0;
  for (let hint = UNKNOWN_HINT.exec(all); hint !== null; hint = UNKNOWN_HINT.exec(all)) {
    const start = all.lastIndexOf('\n', hint.index) + 1;
    const newline = all.indexOf('\n', hint.index);
    const end = newline < 0 ? all.length : newline;
    for (const sentence of splitSentences(all.slice(start, end))) if (isUnknown(sentence)) found.add(sentence);
    UNKNOWN_HINT.lastIndex = end + 1;
  }
  return [...found];
}
