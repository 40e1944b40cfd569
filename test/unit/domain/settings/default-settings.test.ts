import { DEFAULT_SETTINGS, defaultSettings, profileForKind } from '../../../../src/domain/settings';

describe('DEFAULT_SETTINGS', () => {
  it('uses the documented thresholds and limits', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      readyThreshold: 80,
      text: { minDescriptionWords: 15, minSummaryWords: 3, acFieldId: null },
      estimation: { scale: 'fibonacci', divergenceSteps: 2, tshirtPoints: { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 } },
      size: { maxPoints: 8 },
      staleDays: 90,
      agenda: { sessionMinutes: 60, minItems: 4, maxItems: 10, baseMinutesPerItem: 5, minutesPerGap: 2, maxMinutesPerItem: 10, boardId: null },
      sprintFlags: { enabled: true, label: 'not-ready', setFlagged: false, comment: true },
    });
  });

  it('requires AC, estimate and dependencies for stories; scope bounds weigh little', () => {
    const story = DEFAULT_SETTINGS.profiles.story.criteria;
    expect(story['acceptance-criteria'].required).toBe(true);
    expect(story.estimate.required).toBe(true);
    expect(story.dependencies.required).toBe(true);
    expect(story['scope-bounds']).toEqual({ enabled: true, required: false, weight: 1 });
  });

  it('requires the team to agree on the estimate for every issue type, and says which defaults revision that is', () => {
    for (const profile of Object.values(DEFAULT_SETTINGS.profiles)) expect(profile.criteria['estimate-agreement']).toEqual({ enabled: true, required: true, weight: 1 });
    expect(DEFAULT_SETTINGS.defaultsVersion).toBe(2);
  });

  it('excludes epics only', () => {
    expect(Object.entries(DEFAULT_SETTINGS.profiles).filter(([, p]) => p.excluded).map(([id]) => id)).toEqual(['epic']);
  });

  it('has the three default checklist items, design review off', () => {
    expect(DEFAULT_SETTINGS.manualItems.map((i) => [i.id, i.enabled])).toEqual([
      ['team-discussed', true],
      ['design-reviewed', false],
      ['confidence-check', true],
    ]);
  });

  it('is frozen so no caller can change the defaults for everyone', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS.agenda)).toBe(true);
  });

  it('judges subtasks with the task profile', () => {
    expect(profileForKind('subtask')).toBe('task');
    expect(profileForKind('bug')).toBe('bug');
  });
});

describe('defaultSettings()', () => {
  it('returns an independent copy every time, down to each criterion setting', () => {
    const first = defaultSettings();
    first.profiles.story.criteria.size.weight = 9;
    expect(first.profiles.bug.criteria.size.weight).toBe(2);
    expect(defaultSettings().profiles.story.criteria.size.weight).toBe(2);
  });
});
