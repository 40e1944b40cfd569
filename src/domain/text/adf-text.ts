import { BlockBuilder } from './block-builder';

/**
 * Reads an Atlassian Document Format tree into blocks.
 * Real descriptions are often malformed (media inside a paragraph, text at the top level,
 * missing `content`, unknown node types, non-object garbage), so every shape is tolerated
 * and the oddities are recorded as problems instead of thrown.
 */

type Node = Record<string, unknown>;

/** Beyond these the rest of the tree is skipped: a runaway document must stay cheap to read. */
const MAX_DEPTH = 64;
const MAX_NODES = 20_000;
const MAX_BOLD_HEADING_WORDS = 8;

/** Block nodes of the ADF schema: known, so never reported as unknown. */
const BLOCK_TYPES = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'decisionList',
  'decisionItem',
  'codeBlock',
  'blockquote',
  'panel',
  'rule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'expand',
  'nestedExpand',
  'bodiedExtension',
  'extension',
  'layoutSection',
  'layoutColumn',
  'mediaSingle',
  'mediaGroup',
  'media',
  'caption',
  'blockCard',
  'embedCard',
  'multiBodiedExtension',
  'extensionFrame',
]);

const INLINE_TYPES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'date', 'status', 'inlineCard', 'mediaInline', 'placeholder', 'inlineExtension']);

const WORD_SPLIT = /\s+/;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Shared and frozen: most nodes have no attrs, and this spares an object per lookup. */
const NO_ATTRS: Node = Object.freeze({});

function attrsOf(node: Node): Node {
  return isNode(node.attrs) ? node.attrs : NO_ATTRS;
}

function headingLevel(node: Node): number {
  const level = attrsOf(node).level;
  return typeof level === 'number' && level >= 1 && level <= 6 ? Math.floor(level) : 1;
}

/** A paragraph whose only text is bold and short ("**Acceptance criteria**") acts as a heading. */
function isBoldOnly(node: Node): boolean {
  const content = node.content;
  if (!Array.isArray(content) || content.length === 0) return false;
  let text = '';
  for (const child of content) {
    if (!isNode(child) || child.type !== 'text') return false;
    const value = str(child.text) ?? '';
    if (value.trim().length === 0) continue;
    const marks = child.marks;
    if (!Array.isArray(marks) || !marks.some((mark) => isNode(mark) && mark.type === 'strong')) return false;
    text += value;
  }
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.split(WORD_SPLIT).length <= MAX_BOLD_HEADING_WORDS;
}

/** One walk over one document, writing blocks to `out`. */
class AdfReader {
  private nodes = 0;
  truncated = false;

  constructor(private out: BlockBuilder) {}

  /** Counts a node against the limits; false when it and the rest must be skipped. */
  private enter(depth: number): boolean {
    this.nodes += 1;
    if (this.nodes > MAX_NODES || depth > MAX_DEPTH) this.truncated = true;
    return !this.truncated;
  }

  /** The children of a block container. Inline nodes met there are gathered into paragraphs. */
  blocks(list: unknown, parentType: string, depth: number, listLevel = 0): void {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      this.out.problem(`"${parentType}" has content that is not an array`);
      return;
    }
    let run: unknown[] = [];
    const flush = () => {
      if (run.length === 0) return;
      for (const line of this.inlineLines(run, parentType, depth)) this.out.paragraph(line);
      run = [];
    };
    for (const child of list) {
      if (typeof child === 'string') {
        this.out.problem('bare string where a node was expected');
        run.push(child);
        continue;
      }
      const type = isNode(child) ? str(child.type) : null;
      if (type !== null && INLINE_TYPES.has(type)) {
        if (parentType === 'doc') this.out.problem(`${type} at the top level`);
        run.push(child);
        continue;
      }
      flush();
      this.block(child, depth, listLevel);
    }
    flush();
  }

  block(node: unknown, depth: number, listLevel = 0): void {
    if (!this.enter(depth)) return;
    if (!isNode(node)) {
      this.out.problem(`non-object node (${node === null ? 'null' : typeof node})`);
      return;
    }
    const type = str(node.type);
    if (type === null) {
      this.out.problem('node without a type');
      this.blocks(node.content, 'unknown', depth + 1, listLevel);
      return;
    }
    const next = depth + 1;
    switch (type) {
      case 'paragraph':
        this.paragraph(node, next);
        return;
      case 'heading':
        this.out.heading(this.inlineLines(node.content, type, next).join(' '), headingLevel(node));
        return;
      case 'bulletList':
      case 'orderedList':
        this.list(node, type === 'orderedList', listLevel + 1, next);
        return;
      case 'listItem':
        this.listItem(node, false, listLevel + 1, next);
        return;
      case 'taskList':
        this.taskList(node, listLevel + 1, next);
        return;
      case 'taskItem':
        this.taskItem(node, listLevel + 1, next);
        return;
      case 'decisionItem':
        for (const line of this.inlineLines(node.content, type, next)) this.out.paragraph(line);
        return;
      case 'codeBlock':
        this.codeBlock(node);
        return;
      case 'tableRow':
        this.tableRow(node, next);
        return;
      case 'media':
        this.media(node);
        return;
      case 'mediaInline':
        this.out.media();
        return;
      case 'blockCard':
      case 'embedCard': {
        const url = str(attrsOf(node).url);
        if (url !== null) this.out.url(url);
        return;
      }
      case 'rule':
        return;
      default:
        break;
    }
    if (INLINE_TYPES.has(type)) {
      for (const line of this.inlineLines([node], type, depth)) this.out.paragraph(line);
      return;
    }
    // Containers (doc, table, blockquote, panel, expand, layouts, extensions…) and unknown nodes:
    // keep their text, each block on its own.
    if (!BLOCK_TYPES.has(type)) this.out.problem(`unknown node type "${type}"`);
    const text = str(attrsOf(node).text);
    if (text !== null) this.out.paragraph(text);
    this.blocks(node.content, type, next, listLevel);
  }

  private paragraph(node: Node, depth: number): void {
    if (isBoldOnly(node)) {
      this.out.heading(this.inlineLines(node.content, 'paragraph', depth).join(' '));
      return;
    }
    // A hard break is a line break: each line is a paragraph block, as Jira shows it.
    for (const line of this.inlineLines(node.content, 'paragraph', depth)) this.out.paragraph(line);
  }

  private list(node: Node, ordered: boolean, level: number, depth: number): void {
    const items = node.content;
    if (!Array.isArray(items)) {
      this.blocks(items, str(node.type) ?? 'list', depth, level - 1);
      return;
    }
    for (const item of items) {
      if (isNode(item) && item.type === 'listItem') {
        if (this.enter(depth)) this.listItem(item, ordered, level, depth + 1);
      } else this.block(item, depth, level - 1);
    }
  }

  /** The item's own text (its paragraphs, joined), then its nested lists and other blocks. */
  private listItem(node: Node, ordered: boolean, level: number, depth: number): void {
    const content = node.content;
    if (!Array.isArray(content)) {
      this.blocks(content, 'listItem', depth, level);
      return;
    }
    const text: string[] = [];
    const rest: unknown[] = [];
    for (const child of content) {
      const type = isNode(child) ? str(child.type) : null;
      if (rest.length === 0 && (type === 'paragraph' || type === 'heading') && isNode(child)) {
        if (this.enter(depth)) text.push(...this.inlineLines(child.content, type, depth + 1));
      } else if (rest.length === 0 && (typeof child === 'string' || (type !== null && INLINE_TYPES.has(type)))) {
        text.push(...this.inlineLines([child], 'listItem', depth));
      } else rest.push(child);
    }
    this.out.listItem(text.join(' '), { level, ordered });
    for (const child of rest) this.block(child, depth, level);
  }

  private taskList(node: Node, level: number, depth: number): void {
    const items = node.content;
    if (!Array.isArray(items)) {
      this.blocks(items, 'taskList', depth, level - 1);
      return;
    }
    for (const item of items) {
      const type = isNode(item) ? str(item.type) : null;
      if (type === 'taskItem' && isNode(item)) {
        if (this.enter(depth)) this.taskItem(item, level, depth + 1);
      } else if (type === 'taskList' && isNode(item)) {
        // The schema nests a sub-list as a sibling of the items it belongs under.
        if (this.enter(depth)) this.taskList(item, level + 1, depth + 1);
      } else this.block(item, depth, level - 1);
    }
  }

  private taskItem(node: Node, level: number, depth: number): void {
    const checked = str(attrsOf(node).state) === 'DONE';
    this.out.task(this.inlineLines(node.content, 'taskItem', depth).join(' '), { checked, level });
  }

  private codeBlock(node: Node): void {
    const content = Array.isArray(node.content) ? node.content : [];
    for (const child of content) {
      const text = isNode(child) ? str(child.text) : null;
      if (text !== null) for (const line of text.split('\n')) this.out.code(line);
    }
  }

  private tableRow(node: Node, depth: number): void {
    const content = Array.isArray(node.content) ? node.content : [];
    const cells: string[] = [];
    let header = content.length > 0;
    for (const cell of content) {
      if (!isNode(cell)) continue;
      if (cell.type !== 'tableHeader') header = false;
      cells.push(this.textOf(() => this.blocks(cell.content, str(cell.type) ?? 'tableCell', depth + 1)).join(' '));
    }
    this.out.tableRow(cells, header);
  }

  private media(node: Node): void {
    this.out.media();
    const url = str(attrsOf(node).url);
    if (url !== null) this.out.url(url);
  }

  /** What `read` writes, as text lines instead of blocks; its media, links and problems still count. */
  private textOf(read: () => void): string[] {
    const out = this.out;
    const scratch = new BlockBuilder();
    this.out = scratch;
    try {
      read();
    } finally {
      this.out = out;
    }
    return scratch.drainInto(out);
  }

  /** The text of inline content, one entry per line (a hard break starts a new one). */
  private inlineLines(list: unknown, parentType: string, depth: number): string[] {
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      this.out.problem(`"${parentType}" has content that is not an array`);
      return [];
    }
    const lines: string[] = [];
    let line = '';
    for (const child of list) {
      if (!this.enter(depth)) break;
      if (typeof child === 'string') {
        this.out.problem('bare string where a node was expected');
        line += child;
        continue;
      }
      if (!isNode(child)) {
        this.out.problem(`non-object node (${child === null ? 'null' : typeof child})`);
        continue;
      }
      const type = str(child.type);
      if (type === 'hardBreak') {
        lines.push(line);
        line = '';
        continue;
      }
      if (type !== null && INLINE_TYPES.has(type)) {
        line += this.inlineText(child, type);
        continue;
      }
      // A block where only inline content belongs: malformed nesting. Its text gets lines of its own.
      if (type !== null && BLOCK_TYPES.has(type)) this.out.problem(`${type} nested inside ${parentType}`);
      const texts = this.textOf(() => this.block(child, depth));
      if (texts.length > 0) {
        lines.push(line, ...texts);
        line = '';
      }
    }
    lines.push(line);
    return lines;
  }

  private inlineText(node: Node, type: string): string {
    const attrs = attrsOf(node);
    switch (type) {
      case 'text': {
        const marks = node.marks;
        if (Array.isArray(marks)) {
          for (const mark of marks) {
            const href = isNode(mark) && mark.type === 'link' ? str(attrsOf(mark).href) : null;
            if (href !== null) this.out.url(href);
          }
        }
        return str(node.text) ?? '';
      }
      case 'mention':
        return str(attrs.text) ?? `@${str(attrs.id) ?? 'someone'}`;
      case 'emoji':
        return str(attrs.text) ?? str(attrs.shortName) ?? '';
      case 'date': {
        const timestamp = Number(str(attrs.timestamp) ?? attrs.timestamp);
        return Number.isFinite(timestamp) ? new Date(timestamp).toISOString().slice(0, 10) : '';
      }
      case 'inlineCard': {
        const url = str(attrs.url);
        if (url === null) return '';
        this.out.url(url);
        return url;
      }
      case 'mediaInline':
        this.out.media();
        return '';
      default:
        // status, placeholder, inlineExtension: their visible text, when they carry one.
        return str(attrs.text) ?? '';
    }
  }
}

export function readAdf({ doc, out }: { doc: unknown; out: BlockBuilder }): void {
  const reader = new AdfReader(out);
  if (Array.isArray(doc)) {
    out.problem('document is a bare array of nodes');
    reader.blocks(doc, 'doc', 1);
  } else if (isNode(doc)) {
    if (doc.type !== 'doc') out.problem(`document root is "${str(doc.type) ?? typeof doc.type}", not "doc"`);
    reader.block(doc, 0);
  }
  if (reader.truncated) out.problem('document too large or too deep; the rest was skipped');
}
