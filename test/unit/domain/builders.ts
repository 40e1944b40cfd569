/**
 * Test builders for the domain model. Every builder returns a complete, valid value
 * that callers override with only what their test is about.
 */
import type { LinkedIssue, NormalizedIssue, TextDoc } from '../../../src/domain/issue';
import { extractText } from '../../../src/domain/text';

/** An ADF document as built by fixtures. */
export interface AdfDoc {
  type: 'doc';
  version?: number;
  content: unknown[];
}

/**
 * A TextDoc. Pass a string (or an ADF object) to run it through the real extractor, or a
 * partial TextDoc to build one by hand: without `blocks`, each line of `plain` is a paragraph.
 */
export function aTextDoc(input: string | Partial<TextDoc> | AdfDoc = {}): TextDoc {
  if (typeof input === 'string') return extractText(input);
  if ('type' in input) return extractText(input);
  const doc: Partial<TextDoc> = input;
  const blocks = doc.blocks ?? (doc.plain ?? '').split('\n').filter((line) => line.length > 0).map((text) => ({ kind: 'paragraph' as const, text }));
  const plain = doc.plain ?? blocks.map((block) => block.text).join('\n');
  return {
    format: plain.length > 0 ? 'plain' : 'empty',
    blocks,
    plain,
    words: plain.split(/\s+/).filter((w) => w.length > 0).length,
    mediaCount: 0,
    urls: [],
    problems: [],
    ...doc,
  };
}

/** A linked issue; by default an unresolved blocker in the same project. */
export function aLink(overrides: Partial<LinkedIssue> = {}): LinkedIssue {
  return {
    direction: 'blocked-by',
    typeName: 'Blocks',
    phrase: 'is blocked by',
    key: 'DEMO-12',
    id: '10012',
    summary: 'Payment provider sandbox access',
    statusName: 'In Progress',
    statusCategory: 'indeterminate',
    projectKey: 'DEMO',
    issueKind: 'task',
    issueTypeName: 'Task',
    ...overrides,
  };
}

const READY_STORY_DESCRIPTION = [
  'As a returning shopper, I want my cart to be saved between visits, so that I do not lose the items I picked.',
  'Today the cart lives in the browser session only and is lost when the session expires.',
  'h2. Acceptance criteria',
  'Given a shopper with items in the cart, when they come back the next day, then the items are still there.',
  'Given a shopper whose saved item went out of stock, when they open the cart, then the item is marked unavailable.',
  'h2. Out of scope',
  'Sharing carts between accounts.',
  'Design: [cart mock-ups|https://www.figma.com/file/abc123/cart]',
].join('\n');

/** A normalized story that passes every automatic criterion of the default settings. */
export function anIssue(overrides: Partial<NormalizedIssue> = {}): NormalizedIssue {
  return {
    id: '10042',
    key: 'DEMO-42',
    projectKey: 'DEMO',
    projectId: '10000',
    summary: 'Save the shopping cart between visits',
    issueTypeName: 'Story',
    kind: 'story',
    statusName: 'To Do',
    statusCategory: 'new',
    description: extractText(READY_STORY_DESCRIPTION),
    acceptanceField: null,
    labels: [],
    estimate: 5,
    estimateProblem: null,
    attachmentCount: 0,
    links: [],
    hiddenLinkCount: 0,
    sprintIds: [],
    rank: '0|i0000f:',
    created: '2026-10-01T09:00:00.000+0000',
    updated: '2026-11-18T09:00:00.000+0000',
    flagged: false,
    ...overrides,
  };
}
