import { markdownInline, wikiInline } from './inline-markup';
import { type TextCollector } from './text-collector';

/** Reads Jira wiki markup or markdown-ish plain text, line by line, into a TextCollector. */

const WIKI_HEADING = /^h([1-6])\.\s*(.*)$/i;
const WIKI_CODE_TAG = /\{(?:code|noformat)(?::[^}]*)?\}/gi;
const WIKI_QUOTE_TAG = /\{(?:quote|panel(?::[^}]*)?)\}/gi;
const WIKI_LIST = /^[*#-]+\s+/;
const WIKI_BQ = /^bq\.\s+/i;
const MD_HEADING = /^#{1,6}\s+(.*?)\s*#*$/;
const MD_FENCE = /^(?:```|~~~)/;
const MD_LIST = /^(?:[-*+]|\d{1,3}[.)])\s+/;
const MD_RULE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
const CHECKBOX = /^(\(\/\)|\(x\)|\[ ?\]|\[x\])\s*(.*)$/i;
const TABLE_LINE = /^\|/;
const TABLE_SPLIT = /\|\|?/;
const TABLE_DIVIDER = /^[\s:|-]+$/;
const NEWLINE = /\r\n?|\n/;

type Syntax = 'wiki' | 'markdown';

/** True when a checkbox marker means done: (/) and [x] are done; (x) and [ ] are open. */
function isChecked(marker: string): boolean {
  return marker === '(/)' || marker.toLowerCase() === '[x]';
}

function tableRow(line: string): string | null {
  if (!TABLE_LINE.test(line)) return null;
  const cells = line
    .split(TABLE_SPLIT)
    .map((cell) => cell.trim())
    .filter((cell) => cell.length > 0);
  if (cells.length === 0 || TABLE_DIVIDER.test(line)) return '';
  return cells.join(' | ');
}

export function readLines({ text, syntax, out }: { text: string; syntax: Syntax; out: TextCollector }): void {
  const inline = syntax === 'wiki' ? wikiInline : markdownInline;
  let inCode = false;
  for (const rawLine of text.split(NEWLINE)) {
    let line = rawLine.trim();
    if (syntax === 'wiki') {
      const tags = line.match(WIKI_CODE_TAG);
      if (tags) {
        line = line.replace(WIKI_CODE_TAG, ' ').trim();
        // Code before the toggle belongs to the old state; an odd count flips it.
        if (line.length > 0) out.line(line);
        if (tags.length % 2 === 1) inCode = !inCode;
        continue;
      }
    } else if (MD_FENCE.test(line)) {
      out.endBlock();
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.line(line);
      continue;
    }
    if (line.length === 0) {
      out.endBlock();
      continue;
    }
    readLine({ line, syntax, out, inline });
  }
  out.endBlock();
}

function readLine({
  line,
  syntax,
  out,
  inline,
}: {
  line: string;
  syntax: Syntax;
  out: TextCollector;
  inline: (args: { text: string; out: TextCollector }) => string;
}): void {
  const heading = syntax === 'wiki' ? WIKI_HEADING.exec(line)?.[2] : MD_HEADING.exec(line)?.[1];
  if (heading !== undefined) {
    out.heading(inline({ text: heading, out }));
    return;
  }
  const row = tableRow(line);
  if (row !== null) {
    if (row.length > 0) out.line(inline({ text: row, out }));
    return;
  }
  if (syntax === 'markdown' && MD_RULE.test(line)) {
    out.endBlock();
    return;
  }
  let body = line;
  if (syntax === 'wiki') body = body.replace(WIKI_QUOTE_TAG, ' ').replace(WIKI_BQ, '').trim();
  const listed = (syntax === 'wiki' ? WIKI_LIST : MD_LIST).exec(body);
  if (listed) body = body.slice(listed[0].length);
  const box = CHECKBOX.exec(body);
  if (box) {
    out.task(inline({ text: box[2] ?? '', out }), isChecked(box[1] ?? ''));
    return;
  }
  // Each source line is its own block: Jira renders single newlines as line breaks.
  out.inline(inline({ text: body, out }));
  out.endBlock();
}
