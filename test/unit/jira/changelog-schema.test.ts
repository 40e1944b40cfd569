import { parseSprintList } from '../../../src/jira/read-changelogs';
import { bulkChangelogResponseSchema } from '../../../src/jira/schemas/changelog';

/** A getBulkChangelogs page with one sprint-field change item. */
const page = (item: Record<string, unknown>) => ({
  issueChangeLogs: [{ issueId: '10001', changeHistories: [{ id: '1', created: '2026-01-05T10:00:00.000+0000', items: [{ field: 'Sprint', fieldId: 'customfield_10020', fieldtype: 'custom', ...item }] }] }],
});

describe('bulkChangelogResponseSchema', () => {
  it.each([
    ['null', { from: '12', fromString: 'Sprint 12', to: null, toString: null }],
    ['""', { from: '12', fromString: 'Sprint 12', to: '', toString: '' }],
    ['left out', { from: '12', fromString: 'Sprint 12' }],
  ])('reads an emptied side sent as %s as no sprint', (_label, item) => {
    const parsed = bulkChangelogResponseSchema.parse(page(item));
    const change = parsed.issueChangeLogs[0]?.changeHistories[0]?.items[0];
    expect(parseSprintList(change?.from)).toEqual([12]);
    expect(parseSprintList(change?.to)).toEqual([]);
  });

  it('reads the spec example\'s epoch-seconds `created` as an ISO date-time', () => {
    const parsed = bulkChangelogResponseSchema.parse({ issueChangeLogs: [{ issueId: '10100', changeHistories: [{ id: '10001', created: 1492070429, items: [] }] }] });
    expect(parsed.issueChangeLogs[0]?.changeHistories[0]?.created).toBe('2017-04-13T08:00:29.000Z');
  });

  it('rejects a side that is not a string', () => {
    expect(() => bulkChangelogResponseSchema.parse(page({ to: 12 }))).toThrow();
  });
});
