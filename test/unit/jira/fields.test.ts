import { discoverFields } from '../../../src/jira/fields';
import { fieldListSchema } from '../../../src/jira/schemas/field';

/** A /rest/api/3/field answer in the real shape, with unusual ids and several story-point fields. */
const FIELD_LIST = fieldListSchema.parse([
  { id: 'summary', key: 'summary', name: 'Summary', custom: false, navigable: true, schema: { type: 'string', system: 'summary' } },
  field({ id: 'customfield_31337', name: 'Story Points', type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' }),
  field({ id: 'customfield_20042', name: 'Story point estimate', type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' }),
  field({
    id: 'customfield_40404',
    name: 'Story points',
    type: 'number',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
    scope: { type: 'PROJECT', project: { id: '12410' } },
  }),
  field({ id: 'customfield_50000', name: 'Total Story Points', type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' }),
  field({ id: 'customfield_50001', name: 'Story Points', type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' }),
  field({ id: 'customfield_60001', name: 'Scheduled Innovation Sprint', type: 'array', items: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes' }),
  field({ id: 'customfield_30007', name: 'Sprint', type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }),
  field({ id: 'customfield_60002', name: 'Flagged', type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' }),
  field({ id: 'customfield_10999', name: 'Flagged', type: 'array', items: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes' }),
  field({ id: 'customfield_41000', name: 'Rank', type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' }),
  field({ id: 'customfield_41001', name: 'Priority Ranking', type: 'number', custom: 'jira.polaris:formula' }),
  // Another app's Forge field named "Readiness": same ARI shape, other module key.
  field({ id: 'customfield_70001', name: 'Readiness', type: 'number', custom: 'ari:cloud:ecosystem::extension/11111111-2222-4333-8444-555555555555/e1f2/static/readiness-score' }),
  // Ours: schema.custom is ari:cloud:ecosystem::extension/{app-id}/{environment-id}/static/{module-key}
  // (jira-custom-field, "Field lifecycle"; ids as in its documented example).
  field({
    id: 'customfield_70002',
    name: 'Readiness',
    type: 'number',
    custom: 'ari:cloud:ecosystem::extension/4886f49a-482d-41ba-bd73-6aec5ee40e0f/4e9fe62d-2575-4b2d-b0d7-5a37f43a80a9/static/readiness-field',
  }),
]);

function field(params: { id: string; name: string; type: string; custom: string; items?: string; scope?: unknown }) {
  return {
    id: params.id,
    key: params.id,
    name: params.name,
    untranslatedName: params.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${params.id.replace('customfield_', '')}]`, params.name],
    ...(params.scope ? { scope: params.scope } : {}),
    schema: { type: params.type, ...(params.items ? { items: params.items } : {}), custom: params.custom, customId: Number(params.id.replace('customfield_', '')) },
  };
}

describe('discoverFields', () => {
  it('lists story-point fields best first: jsw-story-points, then site-wide "Story Points" numbers, then project-scoped ones', () => {
    expect(discoverFields(FIELD_LIST).storyPoints).toEqual([
      { id: 'customfield_20042', name: 'Story point estimate' },
      { id: 'customfield_31337', name: 'Story Points' },
      { id: 'customfield_40404', name: 'Story points' },
    ]);
  });

  it('finds sprint, Flagged (the checkbox one) and rank by their type, whatever their ids', () => {
    const catalog = discoverFields(FIELD_LIST);
    expect(catalog.sprint).toEqual({ id: 'customfield_30007', name: 'Sprint' });
    expect(catalog.flagged).toEqual({ id: 'customfield_10999', name: 'Flagged' });
    expect(catalog.rank).toEqual({ id: 'customfield_41000', name: 'Rank' });
  });

  it("finds the app's own readiness field by its module ARI, not by its name", () => {
    expect(discoverFields(FIELD_LIST).readiness).toEqual({ id: 'customfield_70002', name: 'Readiness' });
  });

  it('answers empty when the site has none of them', () => {
    expect(discoverFields([])).toEqual({ storyPoints: [], sprint: null, flagged: null, rank: null, readiness: null });
  });
});
