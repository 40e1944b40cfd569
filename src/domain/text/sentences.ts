/**
 * Sentences as Intl.Segmenter's sentence granularity finds them (it knows "。" and "！", and
 * that "e.g. the" or "3.5" end nothing). ICU's own list of abbreviations is not available in
 * V8, so "e.g. Redis" would end a sentence after "e.g."; a sentence ending in one of the
 * abbreviations below is joined to the next one instead.
 */
const SENTENCE_SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Abbreviations that do not end a sentence, lowercased, each with its final full stop. Ones that
 * often do end one ("etc.", "no.") are left out: a missed split costs less than a wrong join.
 */
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'eg.', 'ie.', 'vs.', 'cf.', 'approx.', 'incl.', 'excl.', 'resp.', 'mr.', 'mrs.', 'ms.', 'dr.', 'z.b.', 'd.h.', 'bzw.', 'ca.', 'p.ex.']);

/** The last word, without an opening bracket or quote before it ("(e.g." is "e.g."). */
const TRAILING_SPACE = /\s$/;
/** Text that goes on a word, as in a URL or an identifier (ASCII only: a Chinese sentence starts right after "。"). */
const CONTINUES_WORD = /^[A-Za-z0-9_=&/%#-]/;
const LAST_WORD = /(?:^|[\s([{"'“‘])([^\s([{"'“‘]+)\s*$/;

function endsWithAbbreviation(sentence: string): boolean {
  const last = LAST_WORD.exec(sentence)?.[1];
  return last !== undefined && ABBREVIATIONS.has(last.toLowerCase());
}

/**
 * A sentence end with more text after it. Without one the text is a single sentence, and the
 * segmenter (an iterator and an object per segment) is not needed to say so.
 */
const INNER_END = /\p{Sentence_Terminal}[\p{Sentence_Terminal}"'”’)\]\s]*[^\p{Sentence_Terminal}"'”’)\]\s]/u;

/** Appends the sentences of `text` to `into`, trimmed, empty ones left out. */
export function pushSentences(text: string, into: string[]): void {
  if (!INNER_END.test(text)) {
    const sentence = text.trim();
    if (sentence.length > 0) into.push(sentence);
    return;
  }
  const sentences: string[] = [];
  for (const { segment } of SENTENCE_SEGMENTER.segment(text)) {
    const last = sentences.length - 1;
    const previous = sentences[last];
    // Joined to the one before: a sentence "ending" in an abbreviation, or a break with no space
    // after it inside a word ("Checkout?node-id=1" in a URL).
    if (previous !== undefined && (endsWithAbbreviation(previous) || (!TRAILING_SPACE.test(previous) && CONTINUES_WORD.test(segment)))) {
      sentences[last] = previous + segment;
    } else sentences.push(segment);
  }
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    if (trimmed.length > 0) into.push(trimmed);
  }
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  pushSentences(text, sentences);
  return sentences;
}
