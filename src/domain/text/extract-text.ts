import { readAdf } from './adf-text';
import { BlockBuilder } from './block-builder';
import { readLines } from './line-text';
import type { TextDoc } from './text-doc';

/** Values Jira and importers leave behind for "no description". */
const EMPTY_LITERALS = new Set(['null', 'undefined', 'none', 'n/a']);

/**
 * Signs that a string is Jira wiki markup rather than markdown-ish plain text.
 * One regex, compiled once: headings, code/noformat/quote/panel macros, [label|url] links,
 * !image! embeds, (/) (x) emoticons, tables with ||, [~mentions].
 */
const WIKI_SIGNS =
  /^h[1-6]\.\s|\{(?:code|noformat|quote|panel|color)(?::[^}]*)?\}|\[[^\]\n|]*\|[^\]\n]+\]|![^!\s|][^!|\n]*\.[a-z0-9]{2,5}(?:\|[^!\n]*)?!|\((?:\/|x)\)|^\|\||\[~[^\]\n]+\]|^bq\.\s/im;

function emptyTextDoc(problems: string[] = []): TextDoc {
  return { format: 'empty', blocks: [], plain: '', words: 0, mediaCount: 0, urls: [], problems };
}

/**
 * Reduces a Jira rich-text value to what the readiness criteria need, whatever its format:
 * an ADF document (API v3), a wiki-markup string (API v2, webhooks), or markdown-ish plain text.
 * The result holds the text as blocks (headings, list items, tasks, code lines, paragraphs,
 * table rows), read once here so no criterion has to split it again.
 * Never throws: anything unreadable becomes an empty doc with the reason in `problems`.
 */
export function extractText(raw: unknown): TextDoc {
  try {
    return extract(raw);
  } catch (error) {
    // A reader bug must not break scoring of a whole backlog; the doc says what happened.
    return emptyTextDoc([`text could not be read: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function extract(raw: unknown): TextDoc {
  if (raw === null || raw === undefined) return emptyTextDoc();
  if (typeof raw === 'string') return extractString(raw);
  if (typeof raw === 'object') {
    const out = new BlockBuilder();
    readAdf({ doc: raw, out });
    return out.result('adf');
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    return extractString(String(raw));
  }
  return emptyTextDoc([`unsupported text value (${typeof raw})`]);
}

function extractString(raw: string): TextDoc {
  const text = raw.trim();
  if (text.length === 0 || EMPTY_LITERALS.has(text.toLowerCase())) return emptyTextDoc();
  // Some importers store the ADF document as a JSON string.
  if (text.startsWith('{') && text.includes('"type"')) {
    const parsed = parseJson(text);
    if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) {
      const out = new BlockBuilder();
      readAdf({ doc: parsed, out });
      return out.result('adf');
    }
  }
  const out = new BlockBuilder();
  const wiki = WIKI_SIGNS.test(text);
  readLines({ text, syntax: wiki ? 'wiki' : 'markdown', out });
  return out.result(wiki ? 'wiki' : 'plain');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
