import type { TextDoc } from '../issue';
import { countWords } from './count-words';

/** Caps that keep a pathological description from costing more than a normal one. */
const MAX_URLS = 100;
const MAX_PROBLEMS = 10;
const MAX_TITLE_LINE_WORDS = 6;
const MAX_TITLE_LINE_CHARS = 60;

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
 */
export class TextCollector {
  private readonly lines: string[] = [];
  private parts: string[] = [];
  private readonly headings: string[] = [];
  private readonly tasks: { text: string; checked: boolean }[] = [];
  private readonly urls = new Set<string>();
  private readonly problems = new Set<string>();
  private mediaCount = 0;

  /** Appends inline text to the current block. */
  inline(text: string): void {
    if (text.length > 0) this.parts.push(text);
  }

  /** Ends the current block; its text becomes a line (a short "Title:" line is also a heading). */
  endBlock(): void {
    if (this.parts.length === 0) return;
    const line = normalizeSpace(this.parts.join(''));
    this.parts = [];
    if (line.length === 0) return;
    const title = titleLineHeading(line);
    if (title !== null) this.headings.push(title);
    this.lines.push(line);
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
    this.headings.length = Math.min(this.headings.length, mark.headings);
    return normalizeSpace(taken.join(' '));
  }

  /** Emits a line as-is (no heading detection), e.g. a table row or a code line. */
  line(text: string): void {
    this.endBlock();
    const line = normalizeSpace(text);
    if (line.length > 0) this.lines.push(line);
  }

  heading(text: string): void {
    this.endBlock();
    const title = normalizeSpace(text).replace(/:$/, '').trim();
    if (title.length === 0) return;
    this.headings.push(title);
    this.lines.push(title);
  }

  task(text: string, checked: boolean): void {
    this.endBlock();
    const item = normalizeSpace(text);
    if (item.length === 0) return;
    this.tasks.push({ text: item, checked });
    this.lines.push(item);
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
    return {
      format: plain.length === 0 && this.mediaCount === 0 && this.tasks.length === 0 ? 'empty' : format,
      plain,
      words: countWords(plain),
      headings: this.headings,
      tasks: this.tasks,
      mediaCount: this.mediaCount,
      urls: [...this.urls],
      problems: [...this.problems],
    };
  }
}

const SPACES = /\s+/g;

/** True when the text holds whitespace other than single spaces (tabs, newlines, runs). */
function hasIrregularSpace(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else {
      if ((code >= 9 && code <= 13) || code === 160 || (code > 0x1fff && /\s/.test(String.fromCharCode(code)))) return true;
      previousSpace = false;
    }
  }
  return false;
}

/** Collapses whitespace; most lines need nothing, so it checks before rebuilding the string. */
export function normalizeSpace(text: string): string {
  const trimmed = text.trim();
  return hasIrregularSpace(trimmed) ? trimmed.replace(SPACES, ' ') : trimmed;
}
