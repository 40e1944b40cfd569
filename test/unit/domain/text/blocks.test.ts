import { extractText, type TextBlock } from '../../../../src/domain/text';
import { BOLD_HEADING_AC, BUG_REPORT, MALFORMED, TABLE_AND_INLINE_NODES, TASK_LIST_AC, doc, h, p, text } from '../../../fixtures/text/adf';
import { MARKDOWN_STORY, PLAIN_WITH_TITLE_LINES, WIKI_STORY } from '../../../fixtures/text/strings';

/** The blocks without their text-only detail, for comparing structure. */
const shape = (blocks: readonly TextBlock[]) => blocks.map(({ kind, text: body, level, ordered, checked, header }) => ({ kind, text: body, level, ordered, checked, header }));
const kinds = (raw: unknown) => extractText(raw).blocks.map((block) => block.kind);

const listItem = (value: string, ...nested: unknown[]) => ({ type: 'listItem', content: [p(text(value)), ...nested] });

describe('extractText — blocks', () => {
  it('reads ADF headings with their level, and a bold-only paragraph as a heading without one', () => {
    expect(extractText(doc(h(3, 'Context'), p(text('Body')))).blocks).toEqual([
      { kind: 'heading', text: 'Context', level: 3 },
      { kind: 'paragraph', text: 'Body' },
    ]);
    expect(extractText(BOLD_HEADING_AC).blocks[1]).toEqual({ kind: 'heading', text: 'Acceptance Criteria' });
  });

  it('reads nested ADF lists with their depth and numbering', () => {
    const nested = { type: 'bulletList', content: [listItem('inner')] };
    const raw = doc({ type: 'orderedList', content: [listItem('first', nested), listItem('second')] });
    expect(shape(extractText(raw).blocks)).toEqual([
      { kind: 'list-item', text: 'first', level: 1, ordered: true, checked: undefined, header: undefined },
      { kind: 'list-item', text: 'inner', level: 2, ordered: false, checked: undefined, header: undefined },
      { kind: 'list-item', text: 'second', level: 1, ordered: true, checked: undefined, header: undefined },
    ]);
  });

  it('reads ADF task items as tasks with their state', () => {
    expect(extractText(TASK_LIST_AC).blocks.filter((block) => block.kind === 'task').map((block) => block.checked)).toEqual([false, false, true]);
  });

  it('reads an ADF table as rows of cells, the header row marked', () => {
    const rows = extractText(TABLE_AND_INLINE_NODES).blocks.filter((block) => block.kind === 'table-row');
    expect(rows).toEqual([
      { kind: 'table-row', text: 'Field | Rule', cells: ['Field', 'Rule'], header: true },
      { kind: 'table-row', text: 'email | required', cells: ['email', 'required'], header: false },
    ]);
  });

  it('reads each line of an ADF code block as a code block', () => {
    const raw = doc({ type: 'codeBlock', attrs: { language: 'gherkin' }, content: [text('Given a\nThen b')] });
    expect(extractText(raw).blocks).toEqual([
      { kind: 'code', text: 'Given a' },
      { kind: 'code', text: 'Then b' },
    ]);
  });

  it('makes each line of a paragraph with hard breaks a paragraph of its own', () => {
    const raw = doc(p(text('Acceptance criteria:'), { type: 'hardBreak' }, text('* one'), { type: 'hardBreak' }, text('* two')));
    expect(extractText(raw).blocks).toEqual([
      { kind: 'heading', text: 'Acceptance criteria' },
      { kind: 'paragraph', text: '* one' },
      { kind: 'paragraph', text: '* two' },
    ]);
  });

  it('reads the list of a bug report as numbered items', () => {
    expect(kinds(BUG_REPORT)).toEqual(['heading', 'list-item', 'list-item', 'list-item', 'heading', 'paragraph', 'heading', 'paragraph']);
  });

  it('still reads malformed ADF as paragraphs', () => {
    expect(kinds(MALFORMED).every((kind) => kind === 'paragraph')).toBe(true);
  });

  it('reads wiki lists, nested lists, checkboxes, tables and headings', () => {
    const raw = ['h2. Acceptance criteria', '* one', '** one a', '# first', '* (/) done', '||Given||Then||', '|a cart|a receipt|', '{code}', 'Given x', '{code}'].join('\n');
    expect(shape(extractText(raw).blocks)).toEqual([
      { kind: 'heading', text: 'Acceptance criteria', level: 2, ordered: undefined, checked: undefined, header: undefined },
      { kind: 'list-item', text: 'one', level: 1, ordered: false, checked: undefined, header: undefined },
      { kind: 'list-item', text: 'one a', level: 2, ordered: false, checked: undefined, header: undefined },
      { kind: 'list-item', text: 'first', level: 1, ordered: true, checked: undefined, header: undefined },
      { kind: 'task', text: 'done', level: 1, ordered: undefined, checked: true, header: undefined },
      { kind: 'table-row', text: 'Given | Then', level: undefined, ordered: undefined, checked: undefined, header: true },
      { kind: 'table-row', text: 'a cart | a receipt', level: undefined, ordered: undefined, checked: undefined, header: false },
      { kind: 'code', text: 'Given x', level: undefined, ordered: undefined, checked: undefined, header: undefined },
    ]);
    expect(kinds(WIKI_STORY)).toContain('table-row');
  });

  it('reads markdown bullets, numbers, "•" bullets, nesting by indentation and a bold line as a heading', () => {
    const raw = ['**Acceptance criteria**', '- one', '  - one a', '1. first', '2) second', '• dot'].join('\n');
    expect(shape(extractText(raw).blocks).map(({ kind, text: body, level, ordered }) => [kind, body, level, ordered])).toEqual([
      ['heading', 'Acceptance criteria', undefined, undefined],
      ['list-item', 'one', 1, false],
      ['list-item', 'one a', 2, false],
      ['list-item', 'first', 1, true],
      ['list-item', 'second', 1, true],
      ['list-item', 'dot', 1, false],
    ]);
    expect(kinds(MARKDOWN_STORY)).toEqual(['heading', 'paragraph', 'heading', 'task', 'task', 'paragraph', 'code']);
  });

  it('turns a short "Title:" line into a heading, and keeps the text of every block on one line', () => {
    const doc2 = extractText(PLAIN_WITH_TITLE_LINES);
    expect(doc2.blocks.find((block) => block.kind === 'heading')).toEqual({ kind: 'heading', text: 'Out of scope' });
    expect(doc2.plain).toBe(doc2.blocks.map((block) => block.text).join('\n'));
  });
});
