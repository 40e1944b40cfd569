import { type BlockBuilder } from './block-builder';
import { markdownInline, wikiInline } from './inline-markup';

/** Reads Jira wiki markup or markdown-ish plain text, line by line, into blocks. */

const WIKI_HEADING = /^h([1-6])\.\s*(.*)$/i;
const WIKI_CODE_TAG = /\{(?:code|noformat)(?::[^}]*)?\}/gi;
const WIKI_QUOTE_TAG = /\{(?:quote|panel(?::[^}]*)?)\}/gi;
/** "* item", "** nested", "# numbered", "- dash", "• bullet". */
const WIKI_LIST = /^([*#•-]+)\s+/;
const WIKI_BQ = /^bq\.\s+/i;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const MD_FENCE = /^(?:```|~~~)/;
/** "- item", "* item", "+ item", "• item", "1. item", "1) item". */
const MD_LIST = /^(?:([-*+•])|(\d{1,3})[.)])\s+/;
const MD_RULE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
const CHECKBOX = /^(\(\/\)|\(x\)|\[ ?\]|\[x\])\s*(.*)$/i;
const TABLE_SPLIT = /\|\|?/;
const TABLE_DIVIDER = /^[\s:|-]+$/;
const NEWLINE = /\r\n?|\n/;
/** A whole line in bold: "*Acceptance criteria*" (wiki) or "**Acceptance criteria**" (markdown). */
const WIKI_BOLD_LINE = /^\*([^*]+)\*:?$/;
const MD_BOLD_LINE = /^(?:\*\*|__)(.+?)(?:\*\*|__):?$/;
const MAX_BOLD_HEADING_WORDS = 8;
const WORD_SPLIT = /\s+/;

type Syntax = 'wiki' | 'markdown';
type Inline = (args: { text: string; out: BlockBuilder }) => string;

/** True when a checkbox marker means done: (/) and [x] are done; (x) and [ ] are open. */
function isChecked(marker: string): boolean {
  return marker === '(/)' || marker.toLowerCase() === '[x]';
}

function boldHeading(line: string, syntax: Syntax): string | null {
  const bold = (syntax === 'wiki' ? WIKI_BOLD_LINE : MD_BOLD_LINE).exec(line)?.[1]?.trim();
  if (bold === undefined || bold.length === 0) return null;
  return bold.split(WORD_SPLIT).length <= MAX_BOLD_HEADING_WORDS ? bold : null;
}

export function readLines({ text, syntax, out }: { text: string; syntax: Syntax; out: BlockBuilder }): void {
  const inline = syntax === 'wiki' ? wikiInline : markdownInline;
  let inCode = false;
  for (const rawLine of text.split(NEWLINE)) {
    let line = rawLine.trim();
    if (syntax === 'wiki') {
      const tags = line.match(WIKI_CODE_TAG);
      if (tags) {
        line = line.replace(WIKI_CODE_TAG, ' ').trim();
        // Code before the toggle belongs to the old state; an odd count flips it.
        if (line.length > 0) {
          if (inCode) out.code(line);
          else readLine({ line, indent: 0, syntax, out, inline });
        }
        if (tags.length % 2 === 1) inCode = !inCode;
        continue;
      }
    } else if (MD_FENCE.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) out.code(line);
    else if (line.length > 0) readLine({ line, indent: rawLine.length - rawLine.trimStart().length, syntax, out, inline });
  }
}

function tableRow({ line, syntax, out, inline }: { line: string; syntax: Syntax; out: BlockBuilder; inline: Inline }): void {
  if (TABLE_DIVIDER.test(line)) return;
  const cells = line
    .split(TABLE_SPLIT)
    .map((cell) => inline({ text: cell, out }))
    .filter((cell) => cell.trim().length > 0);
  out.tableRow(cells, syntax === 'wiki' && line.startsWith('||'));
}

function readLine({ line, indent, syntax, out, inline }: { line: string; indent: number; syntax: Syntax; out: BlockBuilder; inline: Inline }): void {
  const heading = syntax === 'wiki' ? WIKI_HEADING.exec(line) : MD_HEADING.exec(line);
  if (heading) {
    const level = syntax === 'wiki' ? Number(heading[1]) : (heading[1] ?? '#').length;
    out.heading(inline({ text: heading[2] ?? '', out }), level);
    return;
  }
  if (line.startsWith('|')) {
    tableRow({ line, syntax, out, inline });
    return;
  }
  if (syntax === 'markdown' && MD_RULE.test(line)) return;
  let body = line;
  if (syntax === 'wiki') body = body.replace(WIKI_QUOTE_TAG, ' ').replace(WIKI_BQ, '').trim();
  let item: { level: number; ordered: boolean } | null = null;
  if (syntax === 'wiki') {
    const marker = WIKI_LIST.exec(body);
    if (marker) {
      const bullets = marker[1] ?? '*';
      item = { level: bullets.length, ordered: bullets.endsWith('#') };
      body = body.slice(marker[0].length);
    }
  } else {
    const marker = MD_LIST.exec(body);
    if (marker) {
      item = { level: 1 + Math.floor(indent / 2), ordered: marker[2] !== undefined };
      body = body.slice(marker[0].length);
    }
  }
  const box = CHECKBOX.exec(body);
  if (box) {
    out.task(inline({ text: box[2] ?? '', out }), { checked: isChecked(box[1] ?? ''), level: item?.level ?? 1 });
    return;
  }
  if (item) {
    out.listItem(inline({ text: body, out }), item);
    return;
  }
  const bold = boldHeading(body, syntax);
  if (bold !== null) {
    out.heading(inline({ text: bold, out }));
    return;
  }
  // Each source line is its own block: Jira renders single newlines as line breaks.
  out.paragraph(inline({ text: body, out }));
}
