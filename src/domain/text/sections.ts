import { inlineItems, startsWithItemMarker } from './inline-items';
import { normalizeHeading } from './normalize-heading';
import type { TextBlock } from './text-doc';

/** A part of a description opened by a heading or a label ("Acceptance criteria:"). */
export interface Section {
  /** The heading or label as written, without a trailing colon. */
  title: string;
  via: 'heading' | 'label';
  /** Text after the label in its own block ("* a * b" of "AC: * a * b"); empty for a heading. */
  inline: string;
  /** The blocks under it. */
  blocks: readonly TextBlock[];
}

/** True when the normalized heading is one of the normalized names, or starts with one ("acceptance criteria draft"). */
function matchesName(heading: string, wanted: readonly string[]): boolean {
  return heading.length > 0 && wanted.some((name) => heading === name || heading.startsWith(`${name} `));
}

/** True when the heading is one of `names`, or starts with one ("Acceptance criteria (draft)"). */
export function headingMatches({ heading, names }: { heading: string; names: readonly string[] }): boolean {
  return matchesName(normalizeHeading(heading), normalizedNames(names));
}

/** The names as findSection compares them: normalized, without duplicates or empty ones. */
export function normalizedNames(names: readonly string[]): string[] {
  const unique = new Set<string>();
  for (const name of new Set(names)) {
    const normalized = normalizeHeading(name);
    if (normalized.length > 0) unique.add(normalized);
  }
  return [...unique];
}

/**
 * The names as one pattern, longest first (so "acceptance criteria" wins over "acceptance"),
 * their words joined by any spacing or "/" ("A/C", "AC"). Normalized names hold only letters,
 * digits and single spaces, so nothing needs escaping. That no letter or digit comes right before
 * a name is checked by labelIn: as a lookbehind here it made the search a third slower.
 */
function namePattern(normalized: readonly string[]): RegExp | null {
  if (normalized.length === 0) return null;
  // One replaceAll over the joined names does what one per name would: the "|" between them holds no space.
  const alternatives = [...normalized].sort((a, b) => b.length - a.length).join('|').replaceAll(' ', '[\\s/_.-]*');
  return new RegExp(`(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when the character before `at` (a whole character, also outside the Basic Multilingual Plane) is a letter or digit. */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return LETTER_OR_DIGIT.test(pair ? text.slice(at - 2, at) : text.charAt(at - 1));
}

/** ":" or " - " right after a label, with the spaces around it. */
const SEPARATOR = /\s*(?::|-(?=\s))\s*/y;
/** A wiki heading marker ("h3.") left inside a line whose breaks were lost, right before `at`. */
const WIKI_HEADING_BEFORE = /\bh[1-6]\.\s*$/i;

/** The index of the last non-space character before `at`, or -1. */
function lastCharBefore(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) <= 32) i -= 1;
  return i;
}

/** True when a sentence, or a wiki heading marker, ends right before `at`. */
function clauseEndsBefore(text: string, at: number): boolean {
  const last = text.charAt(lastCharBefore(text, at));
  return last === '.' || last === '!' || last === '?';
}

/**
 * Where a label starts a section inside a block, and the text after it; null when the name
 * only appears in passing ("the acceptance criteria are unclear"). A label is the block's
 * whole text, or a name followed by ":" or " - " at the start of the block or of a sentence,
 * or one followed by a list ("AC: * a * b", "COS # a # b"), or one after a wiki heading marker.
 */
function labelIn(text: string, pattern: RegExp): { title: string; inline: string; bare: boolean } | null {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    if (wordCharBefore(text, start)) {
      // The end of a longer word ("mac" holds "ac"): search again from the next character.
      pattern.lastIndex = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    const end = start + match[0].length;
    const title = match[0];
    const atStart = lastCharBefore(text, start) < 0;
    if (atStart && text.slice(end).trim().length === 0) return { title, inline: '', bare: true };
    SEPARATOR.lastIndex = end;
    if (SEPARATOR.test(text)) {
      const rest = text.slice(SEPARATOR.lastIndex);
      if (atStart || clauseEndsBefore(text, start) || startsWithItemMarker(rest)) return { title, inline: rest, bare: false };
    }
    if (atStart && inlineItems(text.slice(end)).length > 1) return { title, inline: text.slice(end).trim(), bare: false };
    if (WIKI_HEADING_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return { title, inline: text.slice(end).trim(), bare: false };
  }
  return null;
}

const LIST_KINDS = new Set<TextBlock['kind']>(['list-item', 'task', 'table-row']);

/** The blocks under a section opened at block `index`: up to the next heading, or only the list right after an inline label. */
function under({ blocks, index, inline }: { blocks: readonly TextBlock[]; index: number; inline: string }): TextBlock[] {
  const found: TextBlock[] = [];
  for (let j = index + 1; j < blocks.length; j += 1) {
    const next = blocks[j];
    if (next === undefined || next.kind === 'heading') break;
    if (inline.length > 0 && !LIST_KINDS.has(next.kind)) break;
    found.push(next);
  }
  return found;
}

/**
 * The section whose heading is one of `names`, or else the first one a label opens. A
 * heading's section runs to the next heading; so does a label's alone on its line. A label
 * with text after it ("AC: * a") takes that text, and the list blocks that directly follow it.
 */
export function findSection({ blocks, names, normalized = false }: { blocks: readonly TextBlock[]; names: readonly string[]; normalized?: boolean }): Section | undefined {
  // Callers that already normalized the names (see normalizedNames) say so, to spare doing it twice.
  const wanted = normalized ? names : normalizedNames(names);
  const headingAt = blocks.findIndex((block) => block.kind === 'heading' && matchesName(normalizeHeading(block.text), wanted));
  const heading = blocks[headingAt];
  if (heading !== undefined) return { title: heading.text, via: 'heading', inline: '', blocks: under({ blocks, index: headingAt, inline: '' }) };
  const pattern = namePattern(wanted);
  if (pattern === null) return undefined;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block === undefined || block.kind === 'heading' || block.kind === 'code') continue;
    const label = labelIn(block.text, pattern);
    if (label === null) continue;
    // A line that is nothing but the name acts as a heading, as plain-text descriptions use it.
    return { title: label.title, inline: label.inline, via: label.bare ? 'heading' : 'label', blocks: under({ blocks, index, inline: label.inline }) };
  }
  return undefined;
}
