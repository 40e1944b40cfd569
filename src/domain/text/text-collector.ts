import type { TextDoc } from '../issue';
import { countWords, scanWords } from './count-words';

/** Caps that keep a pathological description from costing more than a normal one. */
const MAX_URLS = 100;
const MAX_PROBLEMS = 10;
const MAX_TITLE_LINE_WORDS = 6;
const MAX_TITLE_LINE_CHARS = 60;
const TRAILING_COLON = /:$/;

/** A short line ending in a colon ("Acceptance criteria:") reads as a heading in every format. */
function titleLineHeading(line: string): string | null {
  if (line.length > MAX_TITLE_LINE_CHARS || !line.endsWith(':')) return null;
  const title = line.slice(0, -1).trim();
  if (title.length === 0 || title.includes(':')) return null;
  const words = countWords(title);
  return words > 0 && words <= MAX_TITLE_LINE_WORDS ? title : null;
}

export interface Mark {
  lines: number;
  headings: number;
}

/**
 * Accumulates the pieces of a document while a reader walks it, so every format
 * (ADF, wiki, plain) produces the same TextDoc with the same rules.
 * Inline text is buffered until the block ends; blocks become lines of `plain`.
 *
 * Words are counted line by line as lines are written (in the same pass that checks their
 * spacing), so `result` sums them instead of re-reading the joined text: lines are joined
 * with "\n", which never joins or splits a word, so the sum equals countWords(plain).
 */
export class TextCollector {
  private readonly lines: string[] = [];
  /** Word count of each entry of `lines`, kept in step with it. */
  private readonly lineWords: number[] = [];
  /** Inline text of the current block; concatenation beats collecting parts to join. */
  private block = '';
  private readonly headings: string[] = [];
  private readonly tasks: { text: string; checked: boolean }[] = [];
  private readonly urls = new Set<string>();
  private readonly problems = new Set<string>();
  private mediaCount = 0;
  /** Word count of the text last passed through `normalize`. */
  private lastWords = 0;

  /** Appends inline text to the current block. */
  inline(text: string): void {
    if (text.length > 0) this.block += text;
  }

  /** Ends the current block; its text becomes a line (a short "Title:" line is also a heading). */
  endBlock(): void {
    if (this.block.length === 0) return;
    const line = this.normalize(this.block);
    this.block = '';
    if (line.length === 0) return;
    const title = titleLineHeading(line);
    if (title !== null) this.headings.push(title);
    this.push(line);
  }

  /** Position to pass to `takeSince` to read back the text written from now on. */
  mark(): Mark {
    this.endBlock();
    return { lines: this.lines.length, headings: this.headings.length };
  }

  /**
   * The text written since `mark`, as one line, removed from the output (with any headings
   * it produced) so the caller can re-emit it as a heading, task or table row.
   */
  takeSince(mark: Mark): string {
    this.endBlock();
    const taken = this.lines.splice(mark.lines);
    this.lineWords.length = this.lines.length;
    this.headings.length = Math.min(this.headings.length, mark.headings);
    if (taken.length === 0) return '';
    return normalizeSpace(taken.length === 1 ? (taken[0] ?? '') : taken.join(' '));
  }

  /** Emits a line as-is (no heading detection), e.g. a table row or a code line. */
  line(text: string): void {
    this.endBlock();
    const line = this.normalize(text);
    if (line.length > 0) this.push(line);
  }

  heading(text: string): void {
    this.endBlock();
    let title = this.normalize(text);
    // Dropping a trailing colon changes no word count (a colon is neither a letter nor a joiner).
    if (title.endsWith(':')) title = title.replace(TRAILING_COLON, '').trim();
    if (title.length === 0) return;
    this.headings.push(title);
    this.push(title);
  }

  task(text: string, checked: boolean): void {
    this.endBlock();
    const item = this.normalize(text);
    if (item.length === 0) return;
    this.tasks.push({ text: item, checked });
    this.push(item);
  }

  media(count = 1): void {
    this.mediaCount += count;
  }

  url(href: string): void {
    const url = href.trim();
    if (url.length > 0 && this.urls.size < MAX_URLS) this.urls.add(url);
  }

  problem(message: string): void {
    if (this.problems.size < MAX_PROBLEMS) this.problems.add(message);
  }

  result(format: TextDoc['format']): TextDoc {
    this.endBlock();
    const plain = this.lines.join('\n');
    let words = 0;
    for (const count of this.lineWords) words += count;
    const doc: TextDoc = {
      format: plain.length === 0 && this.mediaCount === 0 && this.tasks.length === 0 ? 'empty' : format,
      plain,
      words,
      headings: this.headings,
      tasks: this.tasks,
      mediaCount: this.mediaCount,
      urls: [...this.urls],
      problems: [...this.problems],
    };
    return doc;
  }

  private push(line: string): void {
    this.lines.push(line);
    this.lineWords.push(this.lastWords);
  }

  /** normalizeSpace, counting the words in the same pass (into `lastWords`). */
  private normalize(text: string): string {
    const trimmed = text.trim();
    const scan = scanWords(trimmed);
    this.lastWords = scan >>> 1;
    return (scan & 1) === 1 ? trimmed.replace(SPACES, ' ') : trimmed;
  }
}

const SPACES = /\s+/g;

/** Collapses whitespace; most lines need nothing, so it checks before rebuilding the string. */
function normalizeSpace(text: string): string {
  const trimmed = text.trim();
  return (scanWords(trimmed) & 1) === 1 ? trimmed.replace(SPACES, ' ') : trimmed;
}
