/** A word is a run of letters or digits (apostrophes and hyphens inside a word keep it whole). */
const WORD = /[\p{L}\p{N}]+(?:['’\-_][\p{L}\p{N}]+)*/gu;

/** Counts words in `text` in one linear pass; punctuation and markup symbols are not words. */
export function countWords(text: string): number {
  if (text.length === 0) return 0;
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.exec(text) !== null) count += 1;
  return count;
}
