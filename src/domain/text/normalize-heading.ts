const PUNCTUATION = /[^\p{L}\p{N}\s]+/gu;
const SPACES = /\s+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_NON_ALNUM = /[^a-z0-9]+/g;

/**
 * Lowercases and strips punctuation so "Acceptance Criteria:" matches "acceptance criteria".
 * Most headings are ASCII, where letters and digits are a-z0-9 and everything else (spaces or
 * punctuation) becomes one separator: a single ASCII-only replace gives the same result as
 * the Unicode-aware rule, at a fraction of its cost.
 */
export function normalizeHeading(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_NON_ALNUM, ' ').trim();
  return text.toLowerCase().replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}
