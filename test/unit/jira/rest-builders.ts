/**
 * Builders for Jira REST payloads in the shapes Jira Cloud sends (see the OpenAPI examples),
 * with the unusual field ids a real site may have.
 */
import type { FieldPlan } from '../../../src/usecases/ports';

export const SP_FIELD = 'customfield_20042';
export const SPRINT_FIELD = 'customfield_30007';
export const FLAGGED_FIELD = 'customfield_10999';
export const RANK_FIELD = 'customfield_41000';
export const AC_FIELD = 'customfield_55555';

export function aPlan(overrides: Partial<FieldPlan> = {}): FieldPlan {
  return {
    estimation: { id: SP_FIELD, name: 'Story Points' },
    sprint: { id: SPRINT_FIELD, name: 'Sprint' },
    flagged: { id: FLAGGED_FIELD, name: 'Flagged' },
    rank: { id: RANK_FIELD, name: 'Rank' },
    acceptanceCriteria: null,
    ...overrides,
  };
}

export function adfDoc(...paragraphs: string[]): unknown {
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

export function aRestIssue(params: { id?: string; key?: string; fields?: Record<string, unknown> } = {}): {
  id: string;
  key: string;
  self: string;
  fields: Record<string, unknown>;
} {
  const id = params.id ?? '10001';
  const key = params.key ?? 'DEMO-1';
  return {
    id,
    key,
    self: `https://fake.atlassian.net/rest/api/3/issue/${id}`,
    fields: {
      summary: 'As a shopper I want to save my cart so that I can buy later',
      issuetype: { id: '10004', name: 'Story', subtask: false, hierarchyLevel: 0 },
      status: { name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
      project: { id: '10000', key: 'DEMO', name: 'Demo' },
      description: adfDoc('Shoppers lose their carts when the session ends.'),
      labels: ['checkout'],
      attachment: [],
      issuelinks: [],
      created: '2026-11-01T10:00:00.000+0000',
      updated: '2026-11-10T10:00:00.000+0000',
      [SP_FIELD]: 5,
      [SPRINT_FIELD]: null,
      [FLAGGED_FIELD]: null,
      [RANK_FIELD]: '0|i0001:',
      ...params.fields,
    },
  };
}

export function aLink(params: {
  side: 'inward' | 'outward';
  key: string;
  type?: { name: string; inward: string; outward: string };
  statusCategory?: string;
}): unknown {
  const type = params.type ?? { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
  const other = {
    id: String(20000 + Number(params.key.split('-')[1] ?? 0)),
    key: params.key,
    self: `https://fake.atlassian.net/rest/api/3/issue/${params.key}`,
    fields: {
      summary: `Linked ${params.key}`,
      status: { name: 'In Progress', statusCategory: { key: params.statusCategory ?? 'indeterminate' } },
      priority: { name: 'Medium' },
      issuetype: { name: 'Story', subtask: false, hierarchyLevel: 0 },
    },
  };
  return { id: '30001', type: { id: '10000', ...type }, [`${params.side}Issue`]: other };
}
