import { type CriterionJudge } from '../criterion-context';
import { plural, quote } from '../quote';

/** Whole-line texts people leave instead of a description. */
const PLACEHOLDERS = new Set([
  'tbd',
  'tba',
  'tbc',
  'todo',
  'to do',
  'wip',
  'n a',
  'na',
  'null',
  'none',
  'placeholder',
  'to be defined',
  'to be decided',
  'to be determined',
  'description',
  'details to follow',
  'more to come',
  'xxx',
  'lorem ipsum',
  'same as title',
  'see title',
  'see summary',
]);
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const LOREM = /^lorem ipsum\b/i;
const SPACE = /\s/;
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;
/** A summary longer than this reads as a paragraph, not a title. */
const MAX_SUMMARY_WORDS = 25;

/** Placeholders are short; longer lines are skipped before any regex work. */
const MAX_PLACEHOLDER_CHARS = 40;

/** The most letters and digits a placeholder holds ("details to follow": 15). */
const MAX_PLACEHOLDER_ALNUM = Math.max(...[...PLACEHOLDERS].map((text) => text.replace(/[^a-z0-9]/g, '').length));
const LOWER_L = 108;

/**
 * For an ASCII line: true when isPlaceholder's regex work can be skipped because the line cannot
 * be one. Its bare form keeps every letter and digit, so with more than MAX_PLACEHOLDER_ALNUM of
 * them it is too long for the set, and only "lorem ipsum…" (first letter l) is left to check.
 * Non-ASCII lines are never ruled out here.
 */
function cannotBePlaceholder(line: string): boolean {
  let alnum = 0;
  let first = 0;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code >= 128) return false;
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if ((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)) {
      if (alnum === 0) first = lower;
      alnum += 1;
    }
  }
  return alnum > MAX_PLACEHOLDER_ALNUM && first !== LOWER_L;
}

function isPlaceholder(line: string): boolean {
  if (line.length > MAX_PLACEHOLDER_CHARS || cannotBePlaceholder(line)) return false;
  // In ASCII, letters and digits are a-z0-9 once lowercased: a cheaper regex, the same result.
  const lower = line.toLowerCase();
  const bare = (NON_ASCII.test(lower) ? lower.replace(NON_WORD, ' ') : lower.replace(ASCII_NON_WORD, ' ')).trim();
  return bare.length === 0 || PLACEHOLDERS.has(bare) || LOREM.test(bare);
}

/** Whitespace-separated tokens, counted without building the array `split(/\s+/)` would. */
function countTokens(text: string): number {
  let count = 0;
  let inToken = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(String.fromCharCode(code));
    if (space) inToken = false;
    else if (!inToken) {
      count += 1;
      inToken = true;
    }
  }
  return count;
}

function summaryProblem({ summary, minWords }: { summary: string; minWords: number }): string | null {
  const words = countTokens(summary);
  if (words < minWords) return `summary ${quote(summary)} is vague (${plural(words, 'word')})`;
  if (words > MAX_SUMMARY_WORDS) return `summary reads as a paragraph (${words} words)`;
  return null;
}

export const judgeDescription: CriterionJudge = ({ issue, settings, facts }) => {
  const doc = issue.description;
  const min = settings.text.minDescriptionWords;
  const summaryNote = summaryProblem({ summary: issue.summary, minWords: settings.text.minSummaryWords });
  const fix = `Describe the problem, who has it and the outcome you want (at least ${min} words)`;
  if (doc.format === 'empty' || doc.words === 0) {
    return { status: 'fail', detail: doc.mediaCount > 0 ? 'only images, no text' : 'no description', fix };
  }
  const { lines } = facts.description;
  const placeholder = lines.find(isPlaceholder);
  if (placeholder !== undefined && lines.every(isPlaceholder)) {
    return { status: 'fail', detail: `${plural(doc.words, 'word')}; reads as a placeholder: ${quote(placeholder)}`, fix };
  }
  if (doc.words < min) {
    return { status: 'fail', detail: `${plural(doc.words, 'word')} — fewer than ${min}`, fix };
  }
  if (placeholder !== undefined) {
    return {
      status: 'warn',
      detail: `${plural(doc.words, 'word')}; reads as a placeholder: ${quote(placeholder)}`,
      fix: `Replace ${quote(placeholder)} with the actual content`,
    };
  }
  if (summaryNote !== null) {
    return { status: 'warn', detail: `${plural(doc.words, 'word')}; ${summaryNote}`, fix: 'Give it a short, specific summary (a title, not a paragraph)' };
  }
  const sections = doc.headings.length > 0 ? ` under ${plural(doc.headings.length, 'heading')}` : '';
  return { status: 'pass', detail: `${plural(doc.words, 'word')}${sections}` };
};
