import { countWords } from '../../text';
import { type CriterionJudge } from '../criterion-context';
import { plural, quote } from '../quote';
import { defineCriterion, on } from './criterion-definition';

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
/** A summary longer than this reads as a paragraph, not a title. */
const MAX_SUMMARY_WORDS = 25;
/** Placeholders are short; a longer line is never one. */
const MAX_PLACEHOLDER_CHARS = 40;

/**
 * A whole line that is one of the placeholders, in any case, with any punctuation around and
 * between its words ("TBD.", "N/A", "Lorem ipsum dolor…"), or that holds no letter or digit.
 */
const PLACEHOLDER = new RegExp(
  `^[^\\p{L}\\p{N}]*(?:(?:${[...PLACEHOLDERS].map((text) => text.replaceAll(' ', '[^\\p{L}\\p{N}]+')).join('|')})[^\\p{L}\\p{N}]*$|lorem[^\\p{L}\\p{N}]+ipsum|$)`,
  'iu',
);

function isPlaceholder(line: string): boolean {
  return line.length <= MAX_PLACEHOLDER_CHARS && PLACEHOLDER.test(line);
}

function summaryProblem({ summary, minWords }: { summary: string; minWords: number }): { note: string; vague: boolean; words: number } | null {
  const words = countWords(summary);
  if (words < minWords) return { note: `summary ${quote(summary)} is vague (${plural(words, 'word')})`, vague: true, words };
  if (words > MAX_SUMMARY_WORDS) return { note: `summary reads as a paragraph (${words} words)`, vague: false, words };
  return null;
}

export const judgeDescription: CriterionJudge = ({ issue, settings }) => {
  const doc = issue.description;
  const min = settings.text.minDescriptionWords;
  const summaryNote = summaryProblem({ summary: issue.summary, minWords: settings.text.minSummaryWords });
  const fix = `Describe the problem, who has it and the outcome you want (at least ${min} words)`;
  const fixMessage = { code: 'description.fix.write', params: { min } } as const;
  const words = doc.words;
  if (doc.format === 'empty' || doc.words === 0) {
    const images = doc.mediaCount > 0;
    return { status: 'fail', detail: images ? 'only images, no text' : 'no description', fix, message: { code: 'description.empty', params: { images } }, fixMessage };
  }
  const lines = doc.blocks.map((block) => block.text);
  const placeholder = lines.find(isPlaceholder);
  if (placeholder !== undefined && lines.every(isPlaceholder)) {
    const message = { code: 'description.placeholder', params: { words, placeholder } } as const;
    return { status: 'fail', detail: `${plural(doc.words, 'word')}; reads as a placeholder: ${quote(placeholder)}`, fix, message, fixMessage };
  }
  if (doc.words < min) {
    return { status: 'fail', detail: `${plural(doc.words, 'word')} — fewer than ${min}`, fix, message: { code: 'description.short', params: { words, min } }, fixMessage };
  }
  if (placeholder !== undefined) {
    return {
      status: 'warn',
      detail: `${plural(doc.words, 'word')}; reads as a placeholder: ${quote(placeholder)}`,
      fix: `Replace ${quote(placeholder)} with the actual content`,
      message: { code: 'description.placeholder', params: { words, placeholder } },
      fixMessage: { code: 'description.fix.replace-placeholder', params: { placeholder } },
    };
  }
  if (summaryNote !== null) {
    return {
      status: 'warn',
      detail: `${plural(doc.words, 'word')}; ${summaryNote.note}`,
      fix: 'Give it a short, specific summary (a title, not a paragraph)',
      message: summaryNote.vague
        ? { code: 'description.vague-summary', params: { words, summary: issue.summary, summaryWords: summaryNote.words } }
        : { code: 'description.long-summary', params: { words, summaryWords: summaryNote.words } },
      fixMessage: { code: 'description.fix.summary', params: {} },
    };
  }
  const headings = doc.blocks.filter((block) => block.kind === 'heading').length;
  const sections = headings > 0 ? ` under ${plural(headings, 'heading')}` : '';
  return { status: 'pass', detail: `${plural(doc.words, 'word')}${sections}`, message: { code: 'description.ok', params: { words, headings } } };
};

export const description = defineCriterion({
  id: 'description',
  label: 'Clear description',
  gapLabel: 'Description too thin',
  hint: 'Has a description with enough words',
  defaults: { story: on(2) },
  judge: judgeDescription,
});
