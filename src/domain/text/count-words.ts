const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_ASCII_SPACE = /\s/;

/**
 * Character classes for the word scanner. Letters and digits make words; apostrophes, hyphens
 * and underscores inside a word keep it whole ("don't", "e-mail"); a space separates; other
 * whitespace (tabs, newlines, no-break and Unicode spaces) needs collapsing.
 */
const OTHER = 0;
const WORD = 1;
const JOINER = 2;
const SPACE = 3;
const IRREGULAR_SPACE = 4;
const UNKNOWN = 255;

/**
 * The class of every UTF-16 code unit, filled in on first sight: ASCII up front, the rest with
 * the Unicode regexes once per distinct character instead of once per occurrence.
 */
const CLASS_OF = new Uint8Array(65_536).fill(UNKNOWN);
for (let code = 0; code < 128; code += 1) CLASS_OF[code] = OTHER;
for (let code = 48; code <= 57; code += 1) CLASS_OF[code] = WORD;
for (let code = 65; code <= 90; code += 1) CLASS_OF[code] = WORD;
for (let code = 97; code <= 122; code += 1) CLASS_OF[code] = WORD;
for (let code = 9; code <= 13; code += 1) CLASS_OF[code] = IRREGULAR_SPACE;
CLASS_OF[39] = JOINER;
CLASS_OF[45] = JOINER;
CLASS_OF[95] = JOINER;
CLASS_OF[32] = SPACE;

function classifyNonAscii(code: number): number {
  const char = String.fromCharCode(code);
  let kind = OTHER;
  if (NON_ASCII_WORD_CHAR.test(char)) kind = WORD;
  else if (code === 0x2019) kind = JOINER;
  else if (code === 160 || (code > 0x1fff && NON_ASCII_SPACE.test(char))) kind = IRREGULAR_SPACE;
  CLASS_OF[code] = kind;
  return kind;
}

/**
 * The scanner is a small state machine, driven by tables so the per-character work has no
 * branches to mispredict. States: outside a word, inside one, just after a joiner inside one
 * (the word goes on only if a letter or digit follows), and just after a space.
 */
const OUTSIDE = 0;
const IN_WORD = 1;
const AFTER_JOINER = 2;
const AFTER_SPACE = 3;
const STATES = 4;
const CLASSES = 8;

const NEXT_STATE = new Uint8Array(STATES * CLASSES);
const STARTS_WORD = new Uint8Array(STATES * CLASSES);
const IS_IRREGULAR = new Uint8Array(STATES * CLASSES);
for (let state = 0; state < STATES; state += 1) {
  const at = state * CLASSES;
  NEXT_STATE[at + OTHER] = OUTSIDE;
  NEXT_STATE[at + WORD] = IN_WORD;
  STARTS_WORD[at + WORD] = state === IN_WORD || state === AFTER_JOINER ? 0 : 1;
  NEXT_STATE[at + JOINER] = state === IN_WORD ? AFTER_JOINER : OUTSIDE;
  NEXT_STATE[at + SPACE] = AFTER_SPACE;
  IS_IRREGULAR[at + SPACE] = state === AFTER_SPACE ? 1 : 0;
  NEXT_STATE[at + IRREGULAR_SPACE] = OUTSIDE;
  IS_IRREGULAR[at + IRREGULAR_SPACE] = 1;
}

/**
 * Counts words (runs of letters or digits) in one linear pass without building strings:
 * this runs for every description of a backlog, so it avoids regex allocation.
 */
export function countWords(text: string): number {
  return scanWords(text) >>> 1;
}

/**
 * One pass that both counts words and notices whitespace that needs collapsing, so the text
 * collector reads each line once instead of twice. Returns `words * 2 + (irregular ? 1 : 0)`:
 * a packed number keeps this allocation-free on the hottest path of extraction.
 * "Irregular" means tabs, newlines, no-break or Unicode spaces, or two spaces in a row.
 */
export function scanWords(text: string): number {
  let state = OUTSIDE;
  let words = 0;
  let irregular = 0;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    let kind = CLASS_OF[code] ?? OTHER;
    if (kind === UNKNOWN) kind = classifyNonAscii(code);
    const at = state * CLASSES + kind;
    words += STARTS_WORD[at] ?? 0;
    irregular |= IS_IRREGULAR[at] ?? 0;
    state = NEXT_STATE[at] ?? OUTSIDE;
  }
  return words * 2 + irregular;
}
