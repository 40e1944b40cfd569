import { buildFieldPlan } from '../../../src/usecases/project-setup';
import type { FieldCatalog } from '../../../src/usecases/ports';

/** A catalog as field discovery makes it on a site with several story-point fields. */
const catalog: FieldCatalog = {
  storyPoints: [
    { id: 'customfield_20042', name: 'Story point estimate' },
    { id: 'customfield_31337', name: 'Story Points' },
  ],
  sprint: { id: 'customfield_30007', name: 'Sprint' },
  flagged: { id: 'customfield_10999', name: 'Flagged' },
  rank: { id: 'customfield_41000', name: 'Rank' },
};

describe('buildFieldPlan', () => {
  it("prefers the board's estimation field over discovered ones", () => {
    const plan = buildFieldPlan({
      catalog,
      boardEstimationField: { id: 'customfield_31337', name: 'Story Points' },
      acceptanceCriteriaFieldId: 'customfield_77777',
    });
    expect(plan).toEqual({
      estimation: { id: 'customfield_31337', name: 'Story Points' },
      sprint: catalog.sprint,
      flagged: catalog.flagged,
      rank: catalog.rank,
      acceptanceCriteria: 'customfield_77777',
    });
  });

  it('falls back to the best discovered story-point field', () => {
    expect(buildFieldPlan({ catalog, boardEstimationField: null, acceptanceCriteriaFieldId: null }).estimation).toEqual({
      id: 'customfield_20042',
      name: 'Story point estimate',
    });
  });

  it('has no estimation field when the site has no story-point field', () => {
    expect(buildFieldPlan({ catalog: { ...catalog, storyPoints: [] }, boardEstimationField: null, acceptanceCriteriaFieldId: null }).estimation).toBeNull();
  });
});
