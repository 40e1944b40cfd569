import { countWords, scanText } from './count-words';
import type { TextBlock, TextDoc } from './text-doc';

/** Caps that keep a pathological description from costing more than a normal one. */
const MAX_URLS = 100;
const MAX_PROBLEMS = 10;
const MAX_TITLE_LINE_WORDS = 6;
const MAX_TITLE_LINE_CHARS = 60;

const SPACES = /\s+/g;

/** Trims and collapses whitespace to single spaces. */
export function normalizeSpace(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** A short line ending in a colon ("Acceptance criteria:") reads as a heading in every format. */
function titleLine(text: string): string | null {
  if (text.length > MAX_TITLE_LINE_CHARS || !text.endsWith(':')) return null;
  const title = text.slice(0, -1).trim();
  if (title.length === 0 || title.includes(':')) return null;
  const words = countWords(title);
  return words > 0 && words <= MAX_TITLE_LINE_WORDS ? title : null;
}

/**
 * Every block gets every field, unused ones undefined: one object shape for all kinds keeps the
 * readers' property reads monomorphic (measured: a tenth of readiness time with mixed shapes).
 */
function block(kind: TextBlock['kind'], text: string, fields: Partial<Omit<TextBlock, 'kind' | 'text'>> = {}): TextBlock {
  return {
    kind,
    text,
    level: fields.level,
    checked: fields.checked,
    ordered: fields.ordered,
    cells: fields.cells,
    header: fields.header,
  };
}

/** Where inline readers report what they meet besides text. */
export interface InlineSink {
  media(count?: number): void;
  url(href: string): void;
}

/**
 * Collects the blocks of one document while a reader walks it, so every format (ADF, wiki,
 * plain) produces the same TextDoc by the same rules. Each method takes the block's raw text;
 * blocks whose text is empty once whitespace is collapsed are dropped.
 */
export class BlockBuilder implements InlineSink {
  private readonly blocks: TextBlock[] = [];
  private readonly urls = new Set<string>();
  private readonly problems = new Set<string>();
  private mediaCount = 0;
  private words = 0;

  /**
   * The block's text with its whitespace collapsed, its words added to the document's count:
   * one pass over each block does both.
   */
  private clean(raw: string): string {
    // Trimmed first: the scan then reads one flat string instead of the pieces the readers joined.
    const trimmed = raw.trim();
    const scan = scanText(trimmed);
    const text = scan.irregularSpace ? normalizeSpace(trimmed) : trimmed;
    if (text.length > 0) this.words += scan.words;
    return text;
  }

  /** A line of prose; a short "Title:" line becomes an implied heading. */
  paragraph(raw: string): void {
    const text = this.clean(raw);
    if (text.length === 0) return;
    const title = titleLine(text);
    this.blocks.push(title === null ? block('paragraph', text) : block('heading', title));
  }

  /** A heading; `level` is absent for implied ones (a bold-only paragraph). A trailing colon is dropped. */
  heading(raw: string, level?: number): void {
    let text = this.clean(raw);
    if (text.endsWith(':')) text = text.slice(0, -1).trimEnd();
    if (text.length === 0) return;
    this.blocks.push(block('heading', text, { level }));
  }

  listItem(raw: string, { level, ordered }: { level: number; ordered: boolean }): void {
    const text = this.clean(raw);
    if (text.length > 0) this.blocks.push(block('list-item', text, { level, ordered }));
  }

  task(raw: string, { checked, level }: { checked: boolean; level: number }): void {
    const text = this.clean(raw);
    if (text.length > 0) this.blocks.push(block('task', text, { checked, level }));
  }

  /** One line of a code block. */
  code(raw: string): void {
    const text = this.clean(raw);
    if (text.length > 0) this.blocks.push(block('code', text));
  }

  tableRow(rawCells: readonly string[], header: boolean): void {
    const cells = rawCells.map((cell) => this.clean(cell)).filter((cell) => cell.length > 0);
    if (cells.length > 0) this.blocks.push(block('table-row', cells.join(' | '), { cells, header }));
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

  /** The text of the blocks written so far; their media, links and problems are added to `into`. */
  drainInto(into: BlockBuilder): string[] {
    into.media(this.mediaCount);
    for (const url of this.urls) into.url(url);
    for (const problem of this.problems) into.problem(problem);
    return this.blocks.map((block) => block.text);
  }

  result(format: TextDoc['format']): TextDoc {
    const plain = this.blocks.map((block) => block.text).join('\n');
    return {
      format: this.blocks.length === 0 && this.mediaCount === 0 ? 'empty' : format,
      blocks: this.blocks,
      plain,
      words: this.words,
      mediaCount: this.mediaCount,
      urls: [...this.urls],
      problems: [...this.problems],
    };
  }
}
