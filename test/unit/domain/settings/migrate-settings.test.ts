import { DEFAULT_SETTINGS, migrateSettings, parseSettings } from '../../../../src/domain/settings';

describe('migrateSettings', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'corrupted'],
    ['an array', [1, 2, 3]],
    ['a number', 42],
  ])('returns the defaults for %s', (_name, stored) => {
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates the v0 shape (no version, flat threshold and labels)', () => {
    const migrated = migrateSettings({
      threshold: 70,
      labels: { notReady: 'needs-refinement' },
      maxPoints: 13,
      checklist: ['Team has discussed it', 'Legal / compliance checked'],
    });
    expect(migrated.version).toBe(1);
    expect(migrated.readyThreshold).toBe(70);
    expect(migrated.sprintFlags).toEqual({ ...DEFAULT_SETTINGS.sprintFlags, label: 'needs-refinement' });
    expect(migrated.size.maxPoints).toBe(13);
    expect(migrated.manualItems.map((item) => item.id)).toEqual(['team-has-discussed-it', 'legal-compliance-checked']);
    expect(parseSettings(migrated).ok).toBe(true);
  });

  it('fills fields a partial v1 object lacks, deeply', () => {
    const migrated = migrateSettings({
      version: 1,
      readyThreshold: 65,
      profiles: { bug: { criteria: { size: { enabled: false } } } },
      agenda: { sessionMinutes: 45 },
    });
    expect(migrated.readyThreshold).toBe(65);
    expect(migrated.profiles.bug.criteria.size).toEqual({ ...DEFAULT_SETTINGS.profiles.bug.criteria.size, enabled: false });
    expect(migrated.profiles.story).toEqual(DEFAULT_SETTINGS.profiles.story);
    expect(migrated.agenda).toEqual({ ...DEFAULT_SETTINGS.agenda, sessionMinutes: 45 });
  });

  it('replaces invalid values by their defaults and keeps the valid ones', () => {
    const migrated = migrateSettings({
      version: 1,
      readyThreshold: 250,
      staleDays: 'ninety',
      sprintFlags: { label: 'has spaces', comment: false },
      agenda: { minItems: 20, maxItems: 12 },
      text: { acFieldId: 'customfield_10050' },
    });
    expect(migrated.readyThreshold).toBe(80);
    expect(migrated.staleDays).toBe(90);
    expect(migrated.sprintFlags).toEqual({ ...DEFAULT_SETTINGS.sprintFlags, comment: false });
    expect(migrated.agenda.minItems).toBe(DEFAULT_SETTINGS.agenda.minItems);
    expect(migrated.agenda.maxItems).toBe(12);
    expect(migrated.text.acFieldId).toBe('customfield_10050');
  });

  it('keeps valid manual items and drops broken or repeated ones', () => {
    const migrated = migrateSettings({
      version: 1,
      manualItems: [
        { id: 'legal', label: 'Legal checked' },
        { id: 'legal', label: 'Duplicate' },
        { id: 'NOT VALID', label: 'Bad id' },
        'garbage',
      ],
    });
    expect(migrated.manualItems).toEqual([{ id: 'legal', label: 'Legal checked', enabled: true, required: false, weight: 1 }]);
  });

  describe('defaults revision 2: the team agrees on the estimate', () => {
    const OLD_DEFAULT = { enabled: true, required: false, weight: 1 };

    it('gives settings saved before it the new default where the team never changed the row', () => {
      const migrated = migrateSettings({ version: 1, profiles: { story: { criteria: { 'estimate-agreement': OLD_DEFAULT } }, bug: { criteria: { 'estimate-agreement': OLD_DEFAULT } } } });
      expect(migrated.profiles.story.criteria['estimate-agreement']).toEqual({ enabled: true, required: true, weight: 1 });
      expect(migrated.profiles.bug.criteria['estimate-agreement'].required).toBe(true);
      expect(migrated.defaultsVersion).toBe(2);
    });

    it('keeps a row the team changed: switched off, or re-weighted', () => {
      const migrated = migrateSettings({
        version: 1,
        profiles: {
          story: { criteria: { 'estimate-agreement': { enabled: false, required: false, weight: 1 } } },
          bug: { criteria: { 'estimate-agreement': { enabled: true, required: false, weight: 2 } } },
        },
      });
      expect(migrated.profiles.story.criteria['estimate-agreement'].enabled).toBe(false);
      expect(migrated.profiles.bug.criteria['estimate-agreement']).toEqual({ enabled: true, required: false, weight: 2 });
    });

    it('keeps "not required" once it was saved under revision 2: that was a choice', () => {
      const migrated = migrateSettings({ version: 1, defaultsVersion: 2, profiles: { story: { criteria: { 'estimate-agreement': OLD_DEFAULT } } } });
      expect(migrated.profiles.story.criteria['estimate-agreement'].required).toBe(false);
    });

    it('stamps every validated save with the current revision, whatever the page sent', () => {
      const sent = { ...migrateSettings(undefined), defaultsVersion: 1 };
      const parsed = parseSettings(sent);
      expect(parsed.ok && parsed.settings.defaultsVersion).toBe(2);
    });
  });

  it('never returns the shared frozen defaults object', () => {
    const migrated = migrateSettings(undefined);
    migrated.readyThreshold = 10;
    expect(DEFAULT_SETTINGS.readyThreshold).toBe(80);
  });
});
