import type { TextDoc } from '../issue';
import { normalizeHeading } from './normalize-heading';
import { pushSentences } from './sentences';

/** Bare heading lines ("Acceptance criteria") are short; longer lines are prose and skipped cheaply. */
export const MAX_BARE_HEADING_CHARS = 48;

/**
 * What several readers of one TextDoc derive from `plain` — its lines, which of them are the
 * doc's headings, their sentences — worked out once instead of once per reader. Every part is
 * computed on first use. Build one per evaluation (readiness keeps it in its TextFacts) and
 * hand it to every reader; it reads the doc's `plain` and `headings` as they are then.
 */
export class DocLines {
  /** `plain.split('\n')`, empty lines included. Shared: never mutate. */
  readonly lines: readonly string[];
  private headingAtCache: (string | undefined)[] | null = null;
  private keys: (string | undefined)[] | null = null;
  private nonEmptyCache: readonly string[] | null = null;
  private sentencesCache: string[] | null = null;

  constructor(
    readonly plain: string,
    readonly headings: readonly string[],
    lines: readonly string[],
  ) {
    this.lines = lines;
  }

  /**
   * For each line, the doc heading it is, or undefined. Headings are matched in order, each to
   * the first later line equal to it or to it plus ":" (the extractor writes a heading as its
   * own line, verbatim or followed by a colon).
   */
  get headingAt(): readonly (string | undefined)[] {
    if (this.headingAtCache !== null) return this.headingAtCache;
    const at: (string | undefined)[] = new Array<string | undefined>(this.lines.length);
    let next = 0;
    for (let i = 0; i < this.lines.length && next < this.headings.length; i += 1) {
      const line = this.lines[i] ?? '';
      const expected = this.headings[next] ?? '';
      if (line === expected || (line.length === expected.length + 1 && line.startsWith(expected) && line.endsWith(':'))) {
        at[i] = expected;
        next += 1;
      }
    }
    this.headingAtCache = at;
    return at;
  }

  /** normalizeHeading of line `index` when it is short enough to be a bare heading, else undefined. */
  bareKey(index: number): string | undefined {
    const line = this.lines[index] ?? '';
    if (line.length > MAX_BARE_HEADING_CHARS) return undefined;
    this.keys ??= new Array<string | undefined>(this.lines.length);
    let key = this.keys[index];
    if (key === undefined) {
      key = normalizeHeading(line);
      this.keys[index] = key;
    }
    return key;
  }

  /** The non-empty lines. Shared: never mutate. */
  get nonEmpty(): readonly string[] {
    if (this.nonEmptyCache !== null) return this.nonEmptyCache;
    let all = true;
    for (const line of this.lines) if (line.length === 0) all = false;
    this.nonEmptyCache = all ? this.lines : this.lines.filter((line) => line.length > 0);
    return this.nonEmptyCache;
  }

  /** The non-empty lines joined by "\n" (that is `plain` itself when no line is empty). */
  get joined(): string {
    const lines = this.nonEmpty;
    return lines === this.lines ? this.plain : lines.join('\n');
  }

  /** The non-empty lines split into sentences. Shared: never mutate. */
  get sentences(): readonly string[] {
    if (this.sentencesCache !== null) return this.sentencesCache;
    const sentences: string[] = [];
    for (const line of this.nonEmpty) pushSentences(line, sentences);
    this.sentencesCache = sentences;
    return sentences;
  }
}

/**
 * The DocLines of a doc as it is now. Nothing is remembered between calls on purpose: Forge
 * may reuse a runtime across invocations, and no issue text may outlive the one that read it.
 */
export function docLines(doc: TextDoc): DocLines {
  return new DocLines(doc.plain, doc.headings, doc.plain.split('\n'));
}
