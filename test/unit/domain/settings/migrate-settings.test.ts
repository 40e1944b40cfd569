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

  it('never returns the shared frozen defaults object', () => {
    const migrated = migrateSettings(undefined);
    migrated.readyThreshold = 10;
    expect(DEFAULT_SETTINGS.readyThreshold).toBe(80);
  });
});
