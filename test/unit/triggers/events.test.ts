import { changelogItemSchema, issueEventSchema, issueLinkEventSchema, sprintEventSchema } from '../../../src/triggers/events';
import { aRawChangelogItem } from './changelog-builders';

/**
 * The payloads below are written by hand from the Forge events reference (snapshot of 2026-08-22,
 * forge-docs/mirror/events-reference/), not from the sandbox. For the Jira issue and issue-link
 * events the snapshot has the payload tables (no example), for the sprint events it has an example.
 * Common fields of Jira events ("Common fields in Jira event payloads"): `timestamp`, a string of
 * epoch milliseconds.
 */

/** An `avi:jira:updated:issue` payload as Forge delivers it: `fields` is a small subset. */
function anIssueUpdatedEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventType: 'avi:jira:updated:issue',
    selfGenerated: false,
    atlassianId: '5b10a2844c20165700ede21g',
    timestamp: '1763632800000',
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

  // events-reference/jira, "Issue created": eventType, selfGenerated, issue, atlassianId?, associatedUsers?, clonedFrom?.
  it('parses the documented issue-created payload', () => {
    const parsed = issueEventSchema.parse({
      eventType: 'avi:jira:created:issue',
      selfGenerated: false,
      timestamp: '1763632800000',
      atlassianId: '5b10a2844c20165700ede21g',
      issue: {
        id: '10043',
        key: 'DEMO-43',
        fields: {
          summary: 'Gift message at checkout',
          issuetype: { id: '10001', name: 'Story', subtask: false },
          project: { id: '10000', key: 'DEMO', name: 'Demo' },
          status: { id: '10000', name: 'To Do' },
          creator: { accountId: '5b10a2844c20165700ede21g' },
          reporter: { accountId: '5b10a2844c20165700ede21g' },
          assignee: null,
          created: '2026-11-20T10:00:00.000+0000',
          updated: '2026-11-20T10:00:00.000+0000',
        },
      },
      associatedUsers: [{ accountId: '5b10a2844c20165700ede21g' }],
      clonedFrom: { id: '10042', key: 'DEMO-42' },
    });
    expect(parsed).toMatchObject({ eventType: 'avi:jira:created:issue', selfGenerated: false, issue: { id: '10043', key: 'DEMO-43', fields: { project: { id: '10000', key: 'DEMO' } } } });
    expect(parsed.changelog).toBeUndefined();
  });

  // events-reference/jira, "Issue updated": adds jiraEventTypeName?, changelog, associatedStatuses?.
  it('parses the documented issue-updated payload with its optional keys', () => {
    const parsed = issueEventSchema.parse(
      anIssueUpdatedEvent({
        jiraEventTypeName: 'issue_generic',
        associatedUsers: [{ accountId: '5b10a2844c20165700ede21g' }],
        associatedStatuses: [{ id: '3', name: 'In Progress' }, { id: '10000', name: 'To Do' }],
      }),
    );
    expect(parsed.eventType).toBe('avi:jira:updated:issue');
    expect(parsed.changelog?.items).toHaveLength(1);
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

  it.each(GARBAGE)('rejects %s with a parse error naming what is wrong', (_name, input) => {
    const result = issueEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.length).toBeGreaterThan(0);
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

/** The ids both issue-link examples below use. */
const LINK = { id: '10500', sourceIssueId: '10012', destinationIssueId: '10042', sourceProjectId: '10000', destinationProjectId: '10000' };

describe('issueLinkEventSchema', () => {
  // events-reference/jira, "Issue link events": one flat payload for created and deleted, every id a string.
  const documented = (eventType: string): Record<string, unknown> => ({
    eventType,
    selfGenerated: false,
    timestamp: '1763632800000',
    id: '10500',
    sourceIssueId: '10012',
    destinationIssueId: '10042',
    sourceProjectId: '10000',
    destinationProjectId: '10000',
    issueLinkType: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  });

  it.each(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink'])('parses the documented flat %s payload', (eventType) => {
    expect(issueLinkEventSchema.parse(documented(eventType))).toEqual({ eventType, selfGenerated: false, ...LINK });
  });

  it('still parses the older nested `issueLink` shape with numeric ids, into the same flat shape', () => {
    const parsed = issueLinkEventSchema.parse({
      eventType: 'avi:jira:created:issuelink',
      selfGenerated: false,
      issueLink: { id: 10500, sourceIssueId: 10012, destinationIssueId: 10042, sourceProjectId: 10000, destinationProjectId: 10000, issueLinkType: { id: 10000, name: 'Blocks' } },
    });
    expect(parsed).toEqual({ eventType: 'avi:jira:created:issuelink', selfGenerated: false, ...LINK });
  });

  it('reads the flat ids when a payload carries both shapes', () => {
    const parsed = issueLinkEventSchema.parse({ ...documented('avi:jira:created:issuelink'), issueLink: { sourceIssueId: '1', destinationIssueId: '2' } });
    expect(parsed).toMatchObject({ sourceIssueId: '10012', destinationIssueId: '10042' });
  });

  it('accepts a link without its own id or project ids', () => {
    expect(issueLinkEventSchema.parse({ eventType: 'avi:jira:deleted:issuelink', sourceIssueId: '1', destinationIssueId: '2' })).toEqual({
      eventType: 'avi:jira:deleted:issuelink',
      sourceIssueId: '1',
      destinationIssueId: '2',
    });
  });

  it('reads selfGenerated so the handler can drop the app’s own links', () => {
    expect(issueLinkEventSchema.parse({ ...documented('avi:jira:created:issuelink'), selfGenerated: true }).selfGenerated).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a flat link missing one end', { eventType: 'avi:jira:created:issuelink', sourceIssueId: '10012' }],
    ['a nested link missing one end', { eventType: 'avi:jira:created:issuelink', issueLink: { sourceIssueId: '10012' } }],
    ['an empty issue id', { eventType: 'avi:jira:created:issuelink', sourceIssueId: '', destinationIssueId: '10042' }],
    ['an issue id of the wrong type', { eventType: 'avi:jira:created:issuelink', sourceIssueId: true, destinationIssueId: '10042' }],
    ['an `issueLink` that is not an object', { eventType: 'avi:jira:created:issuelink', issueLink: '10012->10042' }],
    ['a link event type it does not handle', { ...LINK, eventType: 'avi:jira:updated:issuelink' }],
    ['a link without event type', { ...LINK }],
  ])('rejects %s', (_name, input) => {
    expect(issueLinkEventSchema.safeParse(input).success).toBe(false);
  });

  it.each(GARBAGE)('rejects %s with a parse error naming what is wrong', (_name, input) => {
    const result = issueLinkEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.length).toBeGreaterThan(0);
  });
});

describe('sprintEventSchema', () => {
  // events-reference/jira-software, "Sprint events": the same payload for every sprint event; the
  // page's example (a sprint update) with ids as strings and Jira-style dates.
  const documented = (eventType: string, sprint: Record<string, unknown> = {}): Record<string, unknown> => ({
    eventType,
    sprint: {
      id: '6',
      originBoardId: '12',
      name: 'EX1 Sprint 1',
      goal: 'The new goal',
      state: 'active',
      createDate: '2024-09-24T10:59:20.334+0200',
      startDate: '2024-10-05T00:00:00.000+0200',
      endDate: '2024-10-12T00:00:00.000+0200',
      ...sprint,
    },
    atlassianId: '5c37e3bdb393bf4ce95658d5',
  });

  it.each([
    ['avi:jira-software:created:sprint', { state: 'future' }],
    ['avi:jira-software:started:sprint', { state: 'active' }],
    ['avi:jira-software:closed:sprint', { state: 'closed', completeDate: '2024-10-12T09:00:00.000+0200' }],
  ])('parses the documented %s payload, reading the string sprint id as a number', (eventType, sprint) => {
    const parsed = sprintEventSchema.parse(documented(eventType, sprint));
    expect(parsed.eventType).toBe(eventType);
    expect(parsed.sprint.id).toBe(6);
    expect(parsed.sprint).toMatchObject({ name: 'EX1 Sprint 1', originBoardId: '12', ...sprint });
  });

  it('accepts a sprint with only the required keys (id, name, state)', () => {
    expect(sprintEventSchema.parse({ eventType: 'avi:jira-software:created:sprint', sprint: { id: '7', name: 'EX1 Sprint 2', state: 'future' } }).sprint.id).toBe(7);
  });

  it('accepts a numeric sprint id', () => {
    expect(sprintEventSchema.parse({ eventType: 'avi:jira-software:created:sprint', sprint: { id: 38 } }).sprint.id).toBe(38);
  });

  it('reads selfGenerated when present, although the sprint table does not list it', () => {
    expect(sprintEventSchema.parse({ ...documented('avi:jira-software:started:sprint'), selfGenerated: true }).selfGenerated).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a non-numeric id', 'abc'],
    ['an empty id', ''],
    ['a zero id', 0],
    ['a negative id', -3],
    ['a fractional id', '1.5'],
    ['a boolean id', true],
    ['a null id', null],
  ])('rejects %s', (_name, id) => {
    expect(sprintEventSchema.safeParse(documented('avi:jira-software:started:sprint', { id })).success).toBe(false);
  });

  it.each(['avi:jira-software:updated:sprint', 'avi:jira-software:deleted:sprint', 'avi:jira:started:sprint'])('rejects the event type %s it does not handle', (eventType) => {
    expect(sprintEventSchema.safeParse(documented(eventType)).success).toBe(false);
  });

  it('rejects a payload without a sprint', () => {
    expect(sprintEventSchema.safeParse({ eventType: 'avi:jira-software:started:sprint', atlassianId: '5c37e3bdb393bf4ce95658d5' }).success).toBe(false);
  });

  it.each(GARBAGE)('rejects %s with a parse error naming what is wrong', (_name, input) => {
    const result = sprintEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.length).toBeGreaterThan(0);
  });
});
