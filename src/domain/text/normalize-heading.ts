/** Anything but letters and digits, spaces included: each run becomes one space. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lowercases and turns punctuation into spaces, so "Acceptance Criteria:" matches "acceptance criteria" and "A/C" is "a c". */
export function normalizeHeading(text: string): string {
  return text.toLowerCase().replace(NOT_WORD, ' ').trim();
}
