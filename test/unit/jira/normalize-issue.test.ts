import { issueFieldsFor, normalizeIssue } from '../../../src/jira/normalize-issue';
import { restIssueSchema } from '../../../src/jira/schemas/issue';
import { AC_FIELD, aLink, aPlan, aRestIssue, adfDoc, FLAGGED_FIELD, RANK_FIELD, SP_FIELD, SPRINT_FIELD } from './rest-builders';

function normalize(raw: unknown, plan = aPlan()) {
  return normalizeIssue({ issue: restIssueSchema.parse(raw), plan });
}

describe('normalizeIssue', () => {
  it('maps the standard fields and the plan fields of a well-formed issue', () => {
    const issue = normalize(
      aRestIssue({
        fields: {
          [SP_FIELD]: '8.0',
          [SPRINT_FIELD]: [{ id: 7, state: 'future', name: 'Sprint 7' }],
          [FLAGGED_FIELD]: [{ id: '10019', value: 'Impediment' }],
          attachment: [{ id: 1 }, { id: 2 }],
        },
      }),
    );

    expect(issue).toMatchObject({
      id: '10001',
      key: 'DEMO-1',
      projectKey: 'DEMO',
      projectId: '10000',
      issueTypeName: 'Story',
      kind: 'story',
      statusName: 'To Do',
      statusCategory: 'new',
      labels: ['checkout'],
      estimate: 8,
      estimateProblem: null,
      attachmentCount: 2,
      sprintIds: [7],
      rank: '0|i0001:',
      flagged: true,
      created: '2026-11-01T10:00:00.000+0000',
      acceptanceField: null,
    });
    expect(issue.description.format).toBe('adf');
    expect(issue.description.plain).toContain('Shoppers lose their carts');
  });

  it('keeps an unparseable estimate as the problem', () => {
    const issue = normalize(aRestIssue({ fields: { [SP_FIELD]: 'abc' } }));
    expect(issue.estimate).toBeNull();
    expect(issue.estimateProblem).toBe('abc');
  });

  it('reads the estimate from the planned field only', () => {
    const raw = aRestIssue({ fields: { [SP_FIELD]: 3, customfield_10016: 13 } });
    expect(normalize(raw, aPlan({ estimation: { id: 'customfield_10016', name: 'Story point estimate' } })).estimate).toBe(13);
    expect(normalize(raw, aPlan({ estimation: null })).estimate).toBeNull();
  });

  it('reads the acceptance-criteria field through text extraction', () => {
    const issue = normalize(
      aRestIssue({ fields: { [AC_FIELD]: adfDoc('Given a saved cart', 'When I return', 'Then I see it') } }),
      aPlan({ acceptanceCriteria: AC_FIELD }),
    );
    expect(issue.acceptanceField?.plain).toContain('Given a saved cart');
  });

  it('never throws on missing or wrongly typed fields, falling back to empty values', () => {
    const issue = normalize({
      id: 10002,
      key: 'OPS-7',
      fields: {
        summary: 42,
        issuetype: 'Story',
        status: null,
        labels: ['ok', 3, null],
        attachment: 'none',
        issuelinks: { not: 'an array' },
        description: 'NULL',
        [SP_FIELD]: { weird: true },
        [SPRINT_FIELD]: 'garbage',
        [FLAGGED_FIELD]: 'yes',
        [RANK_FIELD]: 7,
        created: null,
      },
    });

    expect(issue).toMatchObject({
      id: '10002',
      key: 'OPS-7',
      projectKey: 'OPS',
      projectId: '',
      summary: '',
      issueTypeName: '',
      kind: 'task',
      statusName: '',
      statusCategory: 'new',
      labels: ['ok'],
      attachmentCount: 0,
      links: [],
      hiddenLinkCount: 0,
      estimate: null,
      estimateProblem: '{"weird":true}',
      sprintIds: [],
      rank: null,
      flagged: false,
      created: null,
    });
  });

  it('normalizes an issue that has no fields at all', () => {
    const issue = normalize({ id: '1', key: 'X-1' });
    expect(issue.summary).toBe('');
    expect(issue.description.format).toBe('empty');
  });

  it('uses the subtask flag and hierarchy level for the kind', () => {
    expect(normalize(aRestIssue({ fields: { issuetype: { name: 'Technical task', subtask: true, hierarchyLevel: -1 } } })).kind).toBe('subtask');
    expect(normalize(aRestIssue({ fields: { issuetype: { name: 'Feature', subtask: false, hierarchyLevel: 1 } } })).kind).toBe('epic');
  });
});

describe('normalizeIssue links', () => {
  it('classifies direction from this issue\'s side and derives the project from the key', () => {
    const issue = normalize(
      aRestIssue({
        fields: {
          issuelinks: [
            aLink({ side: 'inward', key: 'API-12' }),
            aLink({ side: 'outward', key: 'DEMO-9', statusCategory: 'done' }),
            aLink({ side: 'inward', key: 'DEMO-3', type: { name: 'Dependent', inward: 'depends on', outward: 'is depended by' } }),
            aLink({ side: 'outward', key: 'DEMO-4', type: { name: 'Relates', inward: 'relates to', outward: 'relates to' } }),
          ],
        },
      }),
    );

    expect(issue.links.map((link) => [link.key, link.direction, link.phrase, link.projectKey])).toEqual([
      ['API-12', 'blocked-by', 'is blocked by', 'API'],
      ['DEMO-9', 'blocks', 'blocks', 'DEMO'],
      ['DEMO-3', 'blocked-by', 'depends on', 'DEMO'],
      ['DEMO-4', 'other', 'relates to', 'DEMO'],
    ]);
    expect(issue.links[0]).toMatchObject({
      typeName: 'Blocks',
      summary: 'Linked API-12',
      statusName: 'In Progress',
      statusCategory: 'indeterminate',
      issueKind: 'story',
      issueTypeName: 'Story',
    });
    expect(issue.links[1]!.statusCategory).toBe('done');
  });

  it('counts link entries without the other issue (deleted or hidden) and malformed entries as hidden', () => {
    const issue = normalize(
      aRestIssue({
        fields: {
          issuelinks: [
            { id: '1', type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' } },
            { id: '2', type: null, inwardIssue: { key: 'A-1' } },
            aLink({ side: 'inward', key: 'DEMO-2' }),
          ],
        },
      }),
    );
    expect(issue.hiddenLinkCount).toBe(2);
    expect(issue.links.map((link) => link.key)).toEqual(['DEMO-2']);
  });

  it('keeps a linked issue whose fields are missing, with neutral values', () => {
    const issue = normalize(
      aRestIssue({ fields: { issuelinks: [{ id: '5', type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }, inwardIssue: { id: '9', key: 'Z-9' } }] } }),
    );
    expect(issue.links[0]).toMatchObject({ key: 'Z-9', direction: 'blocked-by', statusCategory: 'new', issueKind: null, summary: '' });
  });
});

describe('issueFieldsFor', () => {
  it('asks for the base fields plus the plan fields, once each', () => {
    const fields = issueFieldsFor(aPlan({ acceptanceCriteria: AC_FIELD, rank: { id: SP_FIELD, name: 'dup' } }));
    expect(fields).toEqual([
      'summary',
      'issuetype',
      'status',
      'project',
      'description',
      'labels',
      'attachment',
      'issuelinks',
      'created',
      'updated',
      SP_FIELD,
      SPRINT_FIELD,
      FLAGGED_FIELD,
      AC_FIELD,
    ]);
  });
});
