import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT, renderCriterionTable } from '../../../../scripts/generate-criterion-table';
import { CRITERION_GAP_LABELS, CRITERION_HINTS, CRITERION_IDS as CONTRACT_IDS, CRITERION_LABELS, PROFILE_IDS, criterionLabelFor } from '../../../../src/contract';
import { CRITERIA, CRITERION_IDS, criterionLabel } from '../../../../src/domain/readiness';
import { DEFAULT_SETTINGS, projectSettingsSchema } from '../../../../src/domain/settings';

describe('criterion registry', () => {
  it('gives every criterion an id, a name, a gap name (or an explicit none), a hint, story defaults and a judge', () => {
    for (const criterion of CRITERIA) {
      expect(criterion.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(criterion.label.trim()).not.toBe('');
      expect(criterion.gapLabel === null || criterion.gapLabel.trim() !== '').toBe(true);
      expect(criterion.hint.trim()).not.toBe('');
      expect(Object.keys(criterion.defaults.story).sort()).toEqual(['enabled', 'required', 'weight']);
      expect(criterion.defaults.story.weight).toBeGreaterThanOrEqual(0);
      expect(typeof criterion.judge).toBe('function');
    }
  });

  it('has unique ids, and the contract lists exactly these, in this order', () => {
    expect(new Set(CRITERION_IDS).size).toBe(CRITERIA.length);
    expect([...CONTRACT_IDS]).toEqual([...CRITERION_IDS]);
  });

  it('is what the committed contract table says (run `npm run generate:criteria` after changing a criterion)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(renderCriterionTable());
    expect(path.relative(path.resolve(__dirname, '../../../..'), OUTPUT)).toBe(path.join('src', 'contract', 'criteria.generated.ts'));
  });

  it('names each criterion alike in the domain and the contract, for every profile', () => {
    for (const id of CRITERION_IDS) {
      for (const profile of PROFILE_IDS) expect(criterionLabel({ id, profile })).toBe(criterionLabelFor({ id, profile }));
    }
    expect(CRITERION_LABELS.dependencies).toBe('No open blockers');
    expect(criterionLabelFor({ id: 'story-format', profile: 'spike' })).toBe('A question to answer');
    expect(CRITERION_GAP_LABELS['estimate-agreement']).toBe('Estimates diverge');
    expect(Object.keys(CRITERION_HINTS)).toEqual([...CRITERION_IDS]);
  });

  it('keys the settings schema by exactly the registry ids', () => {
    const profileShape = projectSettingsSchema.shape.profiles.shape.story.shape.criteria.shape;
    expect(Object.keys(profileShape)).toEqual([...CRITERION_IDS]);
  });

  it('gives every profile of the default settings a setting for every criterion, taken from the criterion', () => {
    for (const profile of PROFILE_IDS) {
      expect(Object.keys(DEFAULT_SETTINGS.profiles[profile].criteria)).toEqual([...CRITERION_IDS]);
    }
    // Spot checks against the criteria's own files: bugs lean on the steps, spikes need no AC.
    expect(DEFAULT_SETTINGS.profiles.bug.criteria['story-format']).toEqual({ enabled: true, required: false, weight: 3 });
    expect(DEFAULT_SETTINGS.profiles.spike.criteria['acceptance-criteria'].enabled).toBe(false);
    expect(DEFAULT_SETTINGS.profiles.epic.criteria).toEqual(DEFAULT_SETTINGS.profiles.story.criteria);
    expect(DEFAULT_SETTINGS.profiles.story.criteria['estimate-agreement']).toEqual({ enabled: true, required: true, weight: 1 });
  });
});
