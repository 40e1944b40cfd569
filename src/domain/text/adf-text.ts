import { type TextCollector } from './text-collector';

/**
 * Reads an Atlassian Document Format tree into a TextCollector.
 * Real descriptions are often malformed (media inside a paragraph, text at the top level,
 * missing `content`, unknown node types, non-object garbage), so every shape is tolerated
 * and the oddities are recorded as problems instead of thrown.
 */

type Node = Record<string, unknown>;

/** Beyond these the rest of the tree is skipped: a runaway document must stay cheap to read. */
const MAX_DEPTH = 64;
const MAX_NODES = 20_000;
const MAX_BOLD_HEADING_WORDS = 8;

/** Nodes that start a new line of plain text. */
const BLOCK_TYPES = new Set([
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
  'blockCard',
  'embedCard',
  'multiBodiedExtension',
  'extensionFrame',
]);

const INLINE_TYPES = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'date',
  'status',
  'inlineCard',
  'mediaInline',
  'placeholder',
  'inlineExtension',
  'media',
  'caption',
]);

/** Containers whose children must be inline; a block inside them is malformed nesting. */
const INLINE_CONTAINERS = new Set(['paragraph', 'heading']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Shared, never written: most nodes have no attrs, and this spares an object per lookup. */
const NO_ATTRS: Node = Object.freeze({});

function attrsOf(node: Node): Node {
  return isNode(node.attrs) ? node.attrs : NO_ATTRS;
}

/**
 * One walk over one document. The recursive steps take positional arguments rather than one
 * object each: they run for every node of every description in a backlog, and an argument
 * object per call was a measurable share of extraction's garbage.
 */
class Walk {
  nodes = 0;
  truncated = false;

  constructor(readonly out: TextCollector) {}

  visitChildren(list: unknown, parentType: string, depth: number): void {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      this.out.problem(`"${parentType}" has content that is not an array`);
      return;
    }
    for (const child of list) this.visit(child, parentType, depth);
  }

  visit(node: unknown, parentType: string | null, depth: number): void {
    this.nodes += 1;
    if (this.nodes > MAX_NODES || depth > MAX_DEPTH) {
      this.truncated = true;
      return;
    }
    const { out } = this;
    if (typeof node === 'string') {
      // Seen in hand-built payloads: a bare string in a content array.
      out.problem('bare string where a node was expected');
      if (parentType === 'doc') out.line(node);
      else out.inline(node);
      return;
    }
    if (!isNode(node)) {
      out.problem(`non-object node (${node === null ? 'null' : typeof node})`);
      return;
    }
    const type = str(node.type);
    if (type === null) {
      out.problem('node without a type');
      out.endBlock();
      this.visitChildren(node.content, 'unknown', depth + 1);
      out.endBlock();
      return;
    }
    if (parentType !== null && BLOCK_TYPES.has(type) && INLINE_CONTAINERS.has(parentType)) {
      out.problem(`${type} nested inside ${parentType}`);
    }
    if (parentType === 'doc' && INLINE_TYPES.has(type) && type !== 'media') {
      out.problem(`${type} at the top level`);
    }
    const handler = HANDLERS[type];
    if (handler) {
      handler(this, node, depth);
      return;
    }
    if (!BLOCK_TYPES.has(type) && !INLINE_TYPES.has(type)) out.problem(`unknown node type "${type}"`);
    // Unknown or unhandled node: keep its text; unknown nodes count as blocks so text stays on its own line.
    const block = !INLINE_TYPES.has(type);
    if (block) out.endBlock();
    const text = str(attrsOf(node).text);
    if (text !== null) out.inline(text);
    if (block) out.endBlock();
    this.visitChildren(node.content, type, depth + 1);
    if (block) out.endBlock();
  }
}

export function readAdf({ doc, out }: { doc: unknown; out: TextCollector }): void {
  const walk = new Walk(out);
  if (Array.isArray(doc)) {
    out.problem('document is a bare array of nodes');
    walk.visitChildren(doc, 'doc', 1);
  } else if (isNode(doc)) {
    if (doc.type !== 'doc') out.problem(`document root is "${str(doc.type) ?? typeof doc.type}", not "doc"`);
    walk.visit(doc, null, 0);
  }
  out.endBlock();
  if (walk.truncated) out.problem('document too large or too deep; the rest was skipped');
}

type Handler = (walk: Walk, node: Node, depth: number) => void;

function children(walk: Walk, node: Node, depth: number): void {
  walk.visitChildren(node.content, str(node.type) ?? 'unknown', depth + 1);
}

/** Reads a subtree and returns its text as one line, without leaving it in the output. */
function captured(walk: Walk, node: Node, depth: number): string {
  const mark = walk.out.mark();
  children(walk, node, depth);
  return walk.out.takeSince(mark);
}

function block(walk: Walk, node: Node, depth: number): void {
  walk.out.endBlock();
  children(walk, node, depth);
  walk.out.endBlock();
}

const SPACES = /\s+/;

/** A paragraph whose only text is bold and short ("**Acceptance criteria**") acts as a heading. */
function isBoldOnly(node: Node): boolean {
  const content = node.content;
  if (!Array.isArray(content) || content.length === 0) return false;
  let text = '';
  for (const child of content) {
    if (!isNode(child) || child.type !== 'text') return false;
    const marks = child.marks;
    const value = str(child.text) ?? '';
    if (value.trim().length === 0) continue;
    if (!Array.isArray(marks) || !marks.some((m) => isNode(m) && m.type === 'strong')) return false;
    text += value;
  }
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.split(SPACES).length <= MAX_BOLD_HEADING_WORDS;
}

function addMarks(out: TextCollector, node: Node): void {
  const marks = node.marks;
  if (!Array.isArray(marks)) return;
  for (const mark of marks) {
    if (isNode(mark) && mark.type === 'link') {
      const href = str(attrsOf(mark).href);
      if (href !== null) out.url(href);
    }
  }
}

const HANDLERS: Record<string, Handler | undefined> = {
  doc: block,
  paragraph: (walk, node, depth) => {
    if (isBoldOnly(node)) {
      walk.out.heading(captured(walk, node, depth));
      return;
    }
    block(walk, node, depth);
  },
  heading: (walk, node, depth) => walk.out.heading(captured(walk, node, depth)),
  text: (walk, node) => {
    const text = str(node.text);
    if (text !== null) walk.out.inline(text);
    addMarks(walk.out, node);
  },
  hardBreak: (walk) => walk.out.endBlock(),
  mention: (walk, node) => {
    const attrs = attrsOf(node);
    walk.out.inline(str(attrs.text) ?? `@${str(attrs.id) ?? 'someone'}`);
  },
  emoji: (walk, node) => walk.out.inline(str(attrsOf(node).text) ?? str(attrsOf(node).shortName) ?? ''),
  status: (walk, node) => walk.out.inline(str(attrsOf(node).text) ?? ''),
  date: (walk, node) => {
    const timestamp = Number(str(attrsOf(node).timestamp) ?? attrsOf(node).timestamp);
    if (Number.isFinite(timestamp)) walk.out.inline(new Date(timestamp).toISOString().slice(0, 10));
  },
  inlineCard: (walk, node) => {
    const url = str(attrsOf(node).url);
    if (url !== null) {
      walk.out.url(url);
      walk.out.inline(url);
    }
  },
  blockCard: (walk, node) => {
    const url = str(attrsOf(node).url);
    if (url !== null) walk.out.url(url);
  },
  embedCard: (walk, node) => {
    const url = str(attrsOf(node).url);
    if (url !== null) walk.out.url(url);
  },
  media: (walk, node) => {
    walk.out.media();
    const url = str(attrsOf(node).url);
    if (url !== null) walk.out.url(url);
  },
  mediaInline: (walk) => walk.out.media(),
  // mediaSingle/mediaGroup are wrappers: their media children are counted, not the wrapper.
  mediaSingle: children,
  mediaGroup: children,
  caption: block,
  taskItem: (walk, node, depth) => {
    const state = str(attrsOf(node).state);
    walk.out.task(captured(walk, node, depth), state === 'DONE');
  },
  decisionItem: (walk, node, depth) => walk.out.line(captured(walk, node, depth)),
  tableRow: (walk, node, depth) => {
    const content = Array.isArray(node.content) ? node.content : [];
    const cells: string[] = [];
    for (const cell of content) {
      if (!isNode(cell)) continue;
      const text = captured(walk, cell, depth + 1);
      if (text.length > 0) cells.push(text);
    }
    walk.out.line(cells.join(' | '));
  },
  codeBlock: (walk, node) => {
    walk.out.endBlock();
    const content = Array.isArray(node.content) ? node.content : [];
    for (const child of content) {
      const text = isNode(child) ? str(child.text) : null;
      if (text === null) continue;
      for (const codeLine of text.split('\n')) walk.out.line(codeLine);
    }
  },
  rule: (walk) => walk.out.endBlock(),
};
