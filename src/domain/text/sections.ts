import type { TextDoc } from '../issue';

/** A heading and the lines under it, up to the next heading. */
export interface TextSection {
  heading: string;
  lines: string[];
}

const PUNCTUATION = /[^\p{L}\p{N}\s]+/gu;
const SPACES = /\s+/g;
/** Bare heading lines ("Acceptance criteria") are short; longer lines are prose and skipped cheaply. */
const MAX_BARE_HEADING_CHARS = 48;

/** Lowercases and strips punctuation so "Acceptance Criteria:" matches "acceptance criteria". */
export function normalizeHeading(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

function matchesAny(normalized: string, wanted: readonly string[]): boolean {
  if (normalized.length === 0) return false;
  return wanted.some((name) => name.length > 0 && (normalized === name || normalized.startsWith(`${name} `)));
}

/** True when the heading is one of `names`, or starts with one ("Acceptance criteria (draft)"). */
export function headingMatches({ heading, names }: { heading: string; names: readonly string[] }): boolean {
  return matchesAny(normalizeHeading(heading), names.map(normalizeHeading));
}

/**
 * Splits `plain` into sections at the doc's headings. Lines that are exactly one of `names`
 * (a bare "Acceptance criteria" line with no markup) also start a section, because
 * plain-text descriptions often use such lines as headings.
 * Lines before the first heading form a section with heading "" (omitted when empty).
 *
 * Heading lines are found by exact comparison: the extractor writes each heading as its own
 * line, either verbatim or followed by a colon ("Out of scope:"). One linear pass.
 */
export function sectionsByHeading({ doc, names = [] }: { doc: TextDoc; names?: readonly string[] }): TextSection[] {
  const wanted = new Set(names.map(normalizeHeading));
  let current: TextSection = { heading: '', lines: [] };
  const sections: TextSection[] = [current];
  let next = 0;
  for (const line of doc.plain.split('\n')) {
    const expected = doc.headings[next];
    if (expected !== undefined && (line === expected || (line.length === expected.length + 1 && line.startsWith(expected) && line.endsWith(':')))) {
      next += 1;
      current = { heading: expected, lines: [] };
      sections.push(current);
      continue;
    }
    if (wanted.size > 0 && line.length <= MAX_BARE_HEADING_CHARS && wanted.has(normalizeHeading(line))) {
      current = { heading: line.replace(/:$/, ''), lines: [] };
      sections.push(current);
      continue;
    }
    if (line.length > 0) current.lines.push(line);
  }
  return sections.filter((section, index) => index > 0 || section.lines.length > 0);
}

/** Sections whose heading matches one of `names`. */
export function findSections({ doc, names }: { doc: TextDoc; names: readonly string[] }): TextSection[] {
  const wanted = names.map(normalizeHeading);
  return sectionsByHeading({ doc, names }).filter((section) => matchesAny(normalizeHeading(section.heading), wanted));
}
