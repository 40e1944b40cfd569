const UNKNOWN_MARKER =
  /\b(?:tbd|tbc|todo|unclear|to be (?:decided|determined|defined|confirmed|clarified)|needs? (?:investigation|research|clarification)|not sure|open questions?)\b/i;
const SPIKE_WORD = /\bspikes?\b/i;

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

/**
 * The sentences that ask a question or hold an unknown marker ("TBD", "needs research", "spike"),
 * each trimmed and given once, in order. `all` is the sentences' text as one string.
 */
export function unknownSentences({ all, sentences }: { all: string; sentences: readonly string[] }): string[] {
  const textual: string[] = [];
  const starts = markerStarts(all);
  // Most ready items have no unknowns: without a marker or a "?" there is no sentence to look at.
  if (starts.length > 0 || all.includes('?')) {
    const seen = new Set<string>();
    let next = 0;
    let from = 0;
    for (const sentence of sentences) {
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
  return textual;
}
