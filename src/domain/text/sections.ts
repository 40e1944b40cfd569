import type { TextDoc } from '../issue';
import { docLines, type DocLines, MAX_BARE_HEADING_CHARS } from './doc-lines';
import { normalizeHeading } from './normalize-heading';

export { normalizeHeading };

/** A heading and the lines under it, up to the next heading. */
export interface TextSection {
  heading: string;
  lines: string[];
}

const TRAILING_COLON = /:$/;

/** Heading names normalized once: as a set for bare-line lookups and as a list for prefixes. */
interface Wanted {
  names: readonly string[];
  set: ReadonlySet<string>;
  list: readonly string[];
  /** First character (code) of each non-empty normalized name. */
  initials: ReadonlySet<number>;
}

/** Settings hand the same name arrays to every evaluation, so their normalized form is kept. */
const WANTED = new WeakMap<readonly string[], Wanted>();

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

const NO_NAMES: Wanted = { names: [], set: new Set(), list: [], initials: new Set() };

function wantedOf(names: readonly string[]): Wanted {
  if (names.length === 0) return NO_NAMES;
  const cached = WANTED.get(names);
  if (cached !== undefined && sameNames(cached.names, names)) return cached;
  const list = names.map(normalizeHeading);
  const initials = new Set(list.filter((name) => name.length > 0).map((name) => name.charCodeAt(0)));
  const built = { names: names.slice(), set: new Set(list), list, initials };
  WANTED.set(names, built);
  return built;
}

function matchesAny(normalized: string, wanted: readonly string[]): boolean {
  if (normalized.length === 0) return false;
  return wanted.some((name) => name.length > 0 && (normalized === name || normalized.startsWith(`${name} `)));
}

/** True when the heading is one of `names`, or starts with one ("Acceptance criteria (draft)"). */
export function headingMatches({ heading, names }: { heading: string; names: readonly string[] }): boolean {
  return matchesAny(normalizeHeading(heading), wantedOf(names).list);
}

/**
 * False when a line's normalized form cannot be a wanted name, judged from its first letter or
 * digit alone, so most lines are never normalized. For ASCII that character, lowercased, starts
 * the normalized form (the punctuation and spaces before it are dropped), and a line with none
 * normalizes to "". A non-ASCII character first leaves it to the full normalization.
 */
function mayBeWanted({ line, wanted }: { line: string; wanted: Wanted }): boolean {
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if (code >= 128) return true;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return wanted.initials.has(code);
    if (code >= 65 && code <= 90) return wanted.initials.has(code + 32);
  }
  return wanted.set.has('');
}

/** Which sections to return: all of them, those whose heading matches, or the first match only. */
type Keep = 'all' | 'matching' | 'first';

/**
 * The one pass behind sectionsByHeading and findSections. A line starts a section when it is
 * the doc's next heading, or when it is a short line whose normalized text is a wanted name.
 * Sections that will not be returned are still started (they end the one before) but their
 * lines are not collected.
 */
function walkSections({ lines, wanted, keep }: { lines: DocLines; wanted: Wanted; keep: Keep }): TextSection[] {
  const sections: TextSection[] = [];
  const all = lines.lines;
  const headingAt = lines.headingAt;
  const bare = wanted.set.size > 0;
  let current: TextSection | null = keep === 'all' ? { heading: '', lines: [] } : null;
  if (current !== null) sections.push(current);
  for (let i = 0; i < all.length; i += 1) {
    const line = all[i] ?? '';
    let heading = headingAt[i];
    let matches = false;
    if (heading !== undefined) {
      if (keep !== 'all') matches = matchesAny(normalizeHeading(heading), wanted.list);
    } else if (bare && line.length <= MAX_BARE_HEADING_CHARS && mayBeWanted({ line, wanted })) {
      const key = lines.bareKey(i);
      if (key !== undefined && wanted.set.has(key)) {
        heading = line.replace(TRAILING_COLON, '');
        // normalizeHeading(heading) is `key`: dropping a trailing colon does not change it.
        matches = key.length > 0;
      }
    }
    if (heading === undefined) {
      if (current !== null && line.length > 0) current.lines.push(line);
      continue;
    }
    if (keep === 'first' && sections.length > 0) return sections;
    current = keep === 'all' || matches ? { heading, lines: [] } : null;
    if (current !== null) sections.push(current);
  }
  const first = sections[0];
  if (keep === 'all' && first !== undefined && first.lines.length === 0) sections.shift();
  return sections;
}

/**
 * Splits `plain` into sections at the doc's headings. Lines that are exactly one of `names`
 * (a bare "Acceptance criteria" line with no markup) also start a section, because
 * plain-text descriptions often use such lines as headings.
 * Lines before the first heading form a section with heading "" (omitted when empty).
 *
 * Heading lines are found by exact comparison: the extractor writes each heading as its own
 * line, either verbatim or followed by a colon ("Out of scope:"). One linear pass, over lines
 * split once per doc.
 */
export function sectionsByHeading({ doc, names = [] }: { doc: TextDoc; names?: readonly string[] }): TextSection[] {
  return walkSections({ lines: docLines(doc), wanted: wantedOf(names), keep: 'all' });
}

/** Sections whose heading matches one of `names`. */
export function findSections({ doc, names }: { doc: TextDoc; names: readonly string[] }): TextSection[] {
  return walkSections({ lines: docLines(doc), wanted: wantedOf(names), keep: 'matching' });
}

/**
 * The first section whose heading matches one of `names`: findSections(…)[0] without the rest,
 * read from the DocLines of a doc that the caller already split.
 */
export function firstSection({ lines, names }: { lines: DocLines; names: readonly string[] }): TextSection | undefined {
  return walkSections({ lines, wanted: wantedOf(names), keep: 'first' })[0];
}
