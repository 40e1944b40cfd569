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
/** A summary longer than this reads as a paragraph, not a title. */
const MAX_SUMMARY_WORDS = 25;

/** Placeholders are short; longer lines are skipped before any regex work. */
const MAX_PLACEHOLDER_CHARS = 40;

function isPlaceholder(line: string): boolean {
  if (line.length > MAX_PLACEHOLDER_CHARS) return false;
  const bare = line.toLowerCase().replace(NON_WORD, ' ').trim();
  return bare.length === 0 || PLACEHOLDERS.has(bare) || LOREM.test(bare);
}

function summaryProblem({ summary, minWords }: { summary: string; minWords: number }): string | null {
  const words = summary.split(/\s+/).filter((w) => w.length > 0).length;
  if (words < minWords) return `summary ${quote(summary)} is vague (${plural(words, 'word')})`;
  if (words > MAX_SUMMARY_WORDS) return `summary reads as a paragraph (${words} words)`;
  return null;
}

export const judgeDescription: CriterionJudge = ({ issue, settings }) => {
  const doc = issue.description;
  const min = settings.text.minDescriptionWords;
  const summaryNote = summaryProblem({ summary: issue.summary, minWords: settings.text.minSummaryWords });
  const fix = `Describe the problem, who has it and the outcome you want (at least ${min} words)`;
  if (doc.format === 'empty' || doc.words === 0) {
    return { status: 'fail', detail: doc.mediaCount > 0 ? 'only images, no text' : 'no description', fix };
  }
  const lines = doc.plain.split('\n');
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
