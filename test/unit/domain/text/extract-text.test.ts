import { extractText, type TextDoc } from '../../../../src/domain/text';
import {
  BOLD_HEADING_AC,
  BUG_REPORT,
  MALFORMED,
  MEDIA_IN_PARAGRAPH,
  READY_STORY,
  REALISTIC_300_WORDS,
  SHORT_ADF,
  TABLE_AND_INLINE_NODES,
  TASK_LIST_AC,
  doc,
  p,
  text,
} from '../../../fixtures/text/adf';
import { HUGE_DESCRIPTION, MARKDOWN_STORY, PLAIN_WITH_TITLE_LINES, WIKI_STORY } from '../../../fixtures/text/strings';

const headings = (doc: TextDoc) => doc.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
const tasks = (doc: TextDoc) => doc.blocks.filter((block) => block.kind === 'task').map(({ text, checked }) => ({ text, checked }));

describe('extractText — empty values', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty string', ''],
    ['whitespace', '  \n\t '],
    ['the literal NULL', 'NULL'],
    ['an empty doc', { type: 'doc', version: 1, content: [] }],
    ['a doc with an empty paragraph', doc(p())],
  ])('reads %s as an empty doc', (_name, raw) => {
    const result = extractText(raw);
    expect(result.format).toBe('empty');
    expect(result.words).toBe(0);
    expect(result.plain).toBe('');
  });

  it('never throws on values that are not text, and says why', () => {
    expect(extractText(Symbol('x')).problems).toEqual(['unsupported text value (symbol)']);
    expect(extractText(() => 1).format).toBe('empty');
    expect(extractText(12).plain).toBe('12');
  });
});

describe('extractText — ADF', () => {
  it('reads a short document', () => {
    expect(extractText(SHORT_ADF)).toMatchObject({ format: 'adf', plain: 'Main order flow broken', words: 4, problems: [] });
  });

  it('counts media wrongly nested in a paragraph and records the malformed nesting', () => {
    const result = extractText(MEDIA_IN_PARAGRAPH);
    expect(result.mediaCount).toBe(1);
    expect(result.urls).toEqual(['https://example.atlassian.net/secure/attachment/10001/test.jpg']);
    expect(result.problems).toContain('mediaSingle nested inside paragraph');
    expect(result.plain).toBe('Track and resolve bugs related to the user interface.');
  });

  it('reads headings, mentions, link marks and inline cards', () => {
    const result = extractText(READY_STORY);
    expect(headings(result)).toEqual(['Acceptance criteria', 'Out of scope']);
    expect(result.plain).toContain('Raised by @Ana Lopez after the checkout review.');
    expect(result.urls).toEqual(['https://www.figma.com/file/abc123/cart', 'https://miro.com/app/board/uXjVO123=/']);
    expect(result.problems).toEqual([]);
  });

  it('reads task lists with their state', () => {
    expect(tasks(extractText(TASK_LIST_AC))).toEqual([
      { text: 'Export includes name, email and last login', checked: false },
      { text: 'Export of 10,000 users finishes in under a minute', checked: false },
      { text: 'Deactivated users are marked', checked: true },
    ]);
  });

  it('treats a short bold-only paragraph as a heading', () => {
    expect(headings(extractText(BOLD_HEADING_AC))).toEqual(['Acceptance Criteria']);
  });

  it('keeps list items as separate lines and counts media outside paragraphs', () => {
    const result = extractText(BUG_REPORT);
    expect(result.plain.split('\n')).toEqual([
      'Steps to reproduce',
      'Open the cart with two items',
      'Apply code TEN',
      'Remove one item',
      'Expected',
      'The discount is recalculated for the remaining item.',
      'Actual',
      'The discount stays at the old amount and the total goes negative.',
    ]);
    expect(result.mediaCount).toBe(1);
    expect(result.problems).toEqual([]);
  });

  it('reads table rows as one line each, and status, date and blockquote text', () => {
    const lines = extractText(TABLE_AND_INLINE_NODES).plain.split('\n');
    expect(lines).toEqual(['Field | Rule', 'email | required', 'IN REVIEW since 2025-11-20', 'Quoted customer feedback here.']);
  });

  it('survives malformed ADF, keeps the readable text and records each problem', () => {
    const result = extractText(MALFORMED);
    expect(result.format).toBe('adf');
    expect(result.plain.split('\n')).toEqual([
      'Top-level text node.',
      'a bare string',
      'child of a node without a type',
      'widget text',
      'inside the widget',
      'Still readable?',
    ]);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'text at the top level',
        '"paragraph" has content that is not an array',
        'non-object node (null)',
        'non-object node (number)',
        'bare string where a node was expected',
        'node without a type',
        'unknown node type "fancyWidget"',
      ]),
    );
  });

  it('reads a root that is not a doc, and a JSON string holding ADF', () => {
    expect(extractText({ type: 'paragraph', content: [text('orphan paragraph')] })).toMatchObject({
      plain: 'orphan paragraph',
      problems: ['document root is "paragraph", not "doc"'],
    });
    expect(extractText(JSON.stringify(SHORT_ADF))).toMatchObject({ format: 'adf', plain: 'Main order flow broken' });
  });

  it('stops at an absurd nesting depth instead of overflowing the stack', () => {
    let node: unknown = text('deep');
    for (let i = 0; i < 5000; i += 1) node = { type: 'blockquote', content: [node] };
    const result = extractText(doc(node));
    expect(result.problems).toContain('document too large or too deep; the rest was skipped');
  });

  it('counts the words of a realistic description', () => {
    const result = extractText(REALISTIC_300_WORDS);
    expect(result.words).toBeGreaterThan(250);
    expect(headings(result)).toEqual(['Context', 'Acceptance criteria', 'Out of scope']);
  });
});

describe('extractText — wiki markup', () => {
  const result = extractText(WIKI_STORY);

  it('is recognised as wiki', () => expect(result.format).toBe('wiki'));

  it('reads h1.–h6. headings but not inside {code}', () => {
    expect(headings(result)).toEqual(['Story', 'Acceptance Criteria', 'Out of scope']);
    expect(result.plain).toContain('h1. this is code, not a heading');
  });

  it('reads (/) (x) [ ] checkboxes, strips list markers and bold', () => {
    expect(tasks(result)).toEqual([
      { text: 'Archived sprints disappear from the board', checked: true },
      { text: 'Archived sprints stay searchable in JQL', checked: false },
      { text: 'Unarchive is possible for 30 days', checked: false },
    ]);
    expect(result.plain).toContain('As a project admin, I want to archive old sprints');
    expect(result.plain).toContain('\nDeleting sprints\n');
  });

  it('counts !image! embeds as media and [label|url] as urls', () => {
    expect(result.mediaCount).toBe(1);
    expect(result.urls).toEqual(['https://www.figma.com/file/xyz/flow']);
    expect(result.plain).toContain('Mock-up: and the flow');
  });

  it('reads tables and mentions', () => {
    expect(result.plain).toContain('Column | Meaning');
    expect(result.plain).toContain('Ping @5b10ac8d82e05b22cc7d4ef5 about it.');
  });
});

describe('extractText — markdown-ish plain text', () => {
  it('reads # headings, - [ ] checkboxes, **bold**, images and links', () => {
    const result = extractText(MARKDOWN_STORY);
    expect(result.format).toBe('plain');
    expect(headings(result)).toEqual(['Saved searches', 'Acceptance criteria']);
    expect(tasks(result)).toEqual([
      { text: 'A search can be saved with a name', checked: true },
      { text: 'Saved searches are shared with the team', checked: false },
    ]);
    expect(result.plain).toContain('As a support lead, I want');
    expect(result.mediaCount).toBe(1);
    expect(result.urls).toEqual(['https://example.com/sketch.png', 'https://example.com/spec']);
    expect(result.plain).toContain('# not a heading');
  });

  it('treats short "Title:" lines as headings', () => {
    expect(headings(extractText(PLAIN_WITH_TITLE_LINES))).toEqual(['Out of scope']);
  });

  it('handles a 20,000-character description in linear time', () => {
    const started = performance.now();
    const result = extractText(HUGE_DESCRIPTION);
    expect(result.plain.length).toBeGreaterThan(19_000);
    expect(result.words).toBeGreaterThan(3000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
