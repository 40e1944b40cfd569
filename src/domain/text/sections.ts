import type { TextDoc } from '../issue';

/** A heading and the lines under it, up to the next heading. */
export interface TextSection {
  heading: string;
  lines: string[];
}

const PUNCTUATION = /[^\p{L}\p{N}\s]+/gu;
const SPACES = /\s+/g;

/** Lowercases and strips punctuation so "Acceptance Criteria:" matches "acceptance criteria". */
export function normalizeHeading(text: string): string {
  return text.toLowerCase().replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

/** True when the heading is one of `names`, or starts with one ("Acceptance criteria (draft)"). */
export function headingMatches({ heading, names }: { heading: string; names: readonly string[] }): boolean {
  const normalized = normalizeHeading(heading);
  if (normalized.length === 0) return false;
  return names.some((name) => {
    const wanted = normalizeHeading(name);
    return wanted.length > 0 && (normalized === wanted || normalized.startsWith(`${wanted} `));
  });
}

/**
 * Splits `plain` into sections at the doc's headings. Lines that are exactly one of `names`
 * (a bare "Acceptance criteria" line with no markup) also start a section, because
 * plain-text descriptions often use such lines as headings.
 * Lines before the first heading form a section with heading "".
 */
export function sectionsByHeading({ doc, names = [] }: { doc: TextDoc; names?: readonly string[] }): TextSection[] {
  const wantedNames = new Set(names.map(normalizeHeading));
  const sections: TextSection[] = [{ heading: '', lines: [] }];
  let next = 0;
  for (const line of doc.plain.split('\n')) {
    const expected = doc.headings[next];
    const normalized = normalizeHeading(line);
    if (expected !== undefined && normalizeHeading(expected) === normalized) {
      next += 1;
      sections.push({ heading: expected, lines: [] });
      continue;
    }
    if (wantedNames.size > 0 && wantedNames.has(normalized)) {
      sections.push({ heading: line.replace(/:$/, ''), lines: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (current && line.length > 0) current.lines.push(line);
  }
  return sections.filter((section, index) => index > 0 || section.lines.length > 0);
}

/** Sections whose heading matches one of `names`. */
export function findSections({ doc, names }: { doc: TextDoc; names: readonly string[] }): TextSection[] {
  return sectionsByHeading({ doc, names }).filter((section) => headingMatches({ heading: section.heading, names }));
}
