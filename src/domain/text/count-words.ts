const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits; non-ASCII characters are checked with a Unicode class. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return NON_ASCII_WORD_CHAR.test(String.fromCharCode(code));
}

/** Apostrophes, hyphens and underscores inside a word keep it whole ("don't", "e-mail"). */
function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45 || code === 95;
}

/**
 * Counts words (runs of letters or digits) in one linear pass without building strings:
 * this runs for every description of a backlog, so it avoids regex allocation.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isWordChar(code)) {
      if (!inWord) count += 1;
      inWord = true;
    } else if (inWord && isJoiner(code) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) {
      // stays in the same word
    } else {
      inWord = false;
    }
  }
  return count;
}
