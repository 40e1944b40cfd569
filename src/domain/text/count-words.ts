const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII_SPACE = /\s/;

/** ASCII class table: 1 = letter or digit, 2 = joiner (' - _), 0 = anything else. Built once. */
const ASCII_CLASS = new Uint8Array(128);
for (let code = 48; code <= 57; code += 1) ASCII_CLASS[code] = 1;
for (let code = 65; code <= 90; code += 1) ASCII_CLASS[code] = 1;
for (let code = 97; code <= 122; code += 1) ASCII_CLASS[code] = 1;
ASCII_CLASS[39] = 2;
ASCII_CLASS[45] = 2;
ASCII_CLASS[95] = 2;

/** Letters and digits; non-ASCII characters are checked with a Unicode class. */
function isWordChar(code: number): boolean {
  if (code < 128) return ASCII_CLASS[code] === 1;
  return NON_ASCII_WORD_CHAR.test(String.fromCharCode(code));
}

/** Apostrophes, hyphens and underscores inside a word keep it whole ("don't", "e-mail"). */
function isJoiner(code: number): boolean {
  return code < 128 ? ASCII_CLASS[code] === 2 : code === 0x2019;
}

/**
 * Counts words (runs of letters or digits) in one linear pass without building strings:
 * this runs for every description of a backlog, so it avoids regex allocation.
 */
export function countWords(text: string): number {
  return scanWords(text) >>> 1;
}

/** Whitespace other than a single space between words: tabs, newlines, runs, no-break spaces. */
function isIrregularSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 160 || (code > 0x1fff && NON_ASCII_SPACE.test(String.fromCharCode(code)));
}

/**
 * One pass that both counts words and notices whitespace that needs collapsing, so the text
 * collector reads each line once instead of twice. Returns `words * 2 + (irregular ? 1 : 0)`:
 * a packed number keeps this allocation-free on the hottest path of extraction.
 * "Irregular" means tabs, newlines, no-break or Unicode spaces, or two spaces in a row.
 */
export function scanWords(text: string): number {
  let words = 0;
  let inWord = false;
  let irregular = 0;
  let previousSpace = false;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) irregular = 1;
      previousSpace = true;
      inWord = false;
      continue;
    }
    previousSpace = false;
    if (isWordChar(code)) {
      if (!inWord) words += 1;
      inWord = true;
    } else if (inWord && isJoiner(code) && i + 1 < length && isWordChar(text.charCodeAt(i + 1))) {
      // stays in the same word
    } else {
      inWord = false;
      if (irregular === 0 && code > 8 && isIrregularSpace(code)) irregular = 1;
    }
  }
  return words * 2 + irregular;
}
