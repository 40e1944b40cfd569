import { changelogItemSchema, issueEventSchema, issueLinkEventSchema, sprintEventSchema } from '../../../src/triggers/events';
import { aRawChangelogItem } from './changelog-builders';

/** An `avi:jira:updated:issue` payload as Forge delivers it: `fields` is a small subset. */
function anIssueUpdatedEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventType: 'avi:jira:updated:issue',
    selfGenerated: false,
    atlassianId: '5b10a2844c20165700ede21g',
    timestamp: '2026-11-20T10:00:00.000Z',
    issue: {
      id: '10042',
      key: 'DEMO-42',
      fields: {
        summary: 'Save the shopping cart between visits',
        issuetype: { id: '10001', name: 'Story' },
        project: { id: '10000', key: 'DEMO', name: 'Demo' },
        status: { name: 'To Do' },
      },
    },
    changelog: { id: '10225', items: [aRawChangelogItem()] },
    ...overrides,
  };
}

const GARBAGE: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'avi:jira:updated:issue'],
  ['a number', 42],
  ['an array', [{ eventType: 'avi:jira:updated:issue' }]],
  ['an empty object', {}],
];

describe('issueEventSchema', () => {
  it('parses an updated-issue payload and keeps the changelog items', () => {
    const parsed = issueEventSchema.parse(anIssueUpdatedEvent());
    expect(parsed.issue).toMatchObject({ id: '10042', key: 'DEMO-42', fields: { project: { id: '10000', key: 'DEMO' } } });
    expect(parsed.changelog?.items).toEqual([
      { field: 'description', fieldId: 'description', from: null, fromString: 'Short text', to: null, toString: 'Short text, now with more words' },
    ]);
  });

  it('turns numeric issue and project ids into strings', () => {
    const parsed = issueEventSchema.parse(
      anIssueUpdatedEvent({ issue: { id: 10042, key: 'DEMO-42', fields: { project: { id: 10000, key: 'DEMO' } } } }),
    );
    expect(parsed.issue.id).toBe('10042');
    expect(parsed.issue.fields?.project?.id).toBe('10000');
  });

  it('accepts a created-issue payload without changelog and without fields', () => {
    const result = issueEventSchema.safeParse({ eventType: 'avi:jira:created:issue', issue: { id: '10043', key: 'DEMO-43' } });
    expect(result.success).toBe(true);
    expect(result.data?.changelog).toBeUndefined();
    expect(result.data?.issue.fields).toBeUndefined();
  });

  it('defaults a changelog without items to no items', () => {
    const parsed = issueEventSchema.parse(anIssueUpdatedEvent({ changelog: { id: '10226' } }));
    expect(parsed.changelog?.items).toEqual([]);
  });

  it('reads selfGenerated so the handler can drop the app’s own events', () => {
    expect(issueEventSchema.parse(anIssueUpdatedEvent({ selfGenerated: true })).selfGenerated).toBe(true);
  });

  it.each([
    ['an issue event type it does not handle', { eventType: 'avi:jira:deleted:issue' }],
    ['an issue without key', { issue: { id: '10042' } }],
    ['an issue id of the wrong type', { issue: { id: { value: 1 }, key: 'DEMO-42' } }],
    ['changelog items that are not a list', { changelog: { items: 'description' } }],
  ])('rejects %s', (_name, overrides) => {
    expect(issueEventSchema.safeParse(anIssueUpdatedEvent(overrides)).success).toBe(false);
  });

  it.each(GARBAGE)('rejects %s without throwing', (_name, input) => {
    expect(() => issueEventSchema.safeParse(input)).not.toThrow();
    expect(issueEventSchema.safeParse(input).success).toBe(false);
  });
});

describe('changelogItemSchema', () => {
  it('keeps null from/to values, as Jira sends them for most fields', () => {
    const item = changelogItemSchema.parse(aRawChangelogItem({ fromString: null, toText: null }));
    expect(item).toMatchObject({ fromString: null, toString: null });
  });

  it('defaults a missing field name to an empty string', () => {
    const item = changelogItemSchema.parse({ fieldId: 'customfield_10020', from: null, fromString: null, to: '2', toString: 'Sprint 2' });
    expect(item.field).toBe('');
    expect(item.fieldId).toBe('customfield_10020');
  });

  // Regression: zod used to read the inherited Object.prototype.toString when the key was
  // absent, so an item without `toString` failed and the whole issue event was dropped.
  it('accepts an item without a toString key', () => {
    expect(changelogItemSchema.safeParse({ field: 'labels', fieldId: 'labels', fromString: 'backend' }).success).toBe(true);
  });
});

describe('issueLinkEventSchema', () => {
  it('turns numeric link and issue ids into strings', () => {
    const parsed = issueLinkEventSchema.parse({
      eventType: 'avi:jira:created:issuelink',
      issueLink: { id: 10500, sourceIssueId: 10012, destinationIssueId: '10042', issueLinkType: { name: 'Blocks' } },
    });
    expect(parsed.issueLink).toEqual({ id: '10500', sourceIssueId: '10012', destinationIssueId: '10042' });
  });

  it('accepts a link without its own id', () => {
    expect(issueLinkEventSchema.safeParse({ eventType: 'avi:jira:deleted:issuelink', issueLink: { sourceIssueId: '1', destinationIssueId: '2' } }).success).toBe(true);
  });

  it('rejects a link missing one end', () => {
    expect(issueLinkEventSchema.safeParse({ eventType: 'avi:jira:created:issuelink', issueLink: { sourceIssueId: '10012' } }).success).toBe(false);
  });

  it.each(GARBAGE)('rejects %s without throwing', (_name, input) => {
    expect(() => issueLinkEventSchema.safeParse(input)).not.toThrow();
    expect(issueLinkEventSchema.safeParse(input).success).toBe(false);
  });
});

describe('sprintEventSchema', () => {
  it('reads the string sprint id Forge sends as a number, keeping the rest of the sprint', () => {
    const parsed = sprintEventSchema.parse({
      eventType: 'avi:jira-software:started:sprint',
      sprint: { id: '37', name: 'DEMO Sprint 4', state: 'active', originBoardId: '1' },
    });
    expect(parsed.sprint.id).toBe(37);
    expect(parsed.sprint).toMatchObject({ name: 'DEMO Sprint 4', state: 'active' });
  });

  it('accepts a numeric sprint id', () => {
    expect(sprintEventSchema.parse({ eventType: 'avi:jira-software:created:sprint', sprint: { id: 38 } }).sprint.id).toBe(38);
  });

  it.each([
    ['a non-numeric id', 'abc'],
    ['a zero id', 0],
    ['a negative id', -3],
    ['a fractional id', '1.5'],
  ])('rejects %s', (_name, id) => {
    expect(sprintEventSchema.safeParse({ eventType: 'avi:jira-software:created:sprint', sprint: { id } }).success).toBe(false);
  });

  it('rejects a sprint event type it does not handle', () => {
    expect(sprintEventSchema.safeParse({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: 37 } }).success).toBe(false);
  });

  it.each(GARBAGE)('rejects %s without throwing', (_name, input) => {
    expect(() => sprintEventSchema.safeParse(input)).not.toThrow();
    expect(sprintEventSchema.safeParse(input).success).toBe(false);
  });
});
