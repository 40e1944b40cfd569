import { DEFAULT_SETTINGS, defaultSettings, parseSettings } from '../../../../src/domain/settings';

function errorsFor(mutate: (settings: ReturnType<typeof defaultSettings>) => void) {
  const settings = defaultSettings();
  mutate(settings);
  const result = parseSettings(settings);
  if (result.ok) throw new Error('expected a validation failure');
  return result.fieldErrors;
}

describe('parseSettings', () => {
  it('accepts the defaults', () => {
    expect(parseSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('drops unknown keys', () => {
    const result = parseSettings({ ...defaultSettings(), injected: '<script>' });
    expect(result.ok && 'injected' in result.settings).toBe(false);
  });

  it.each([
    ['threshold above 100', (s: ReturnType<typeof defaultSettings>) => (s.readyThreshold = 101), 'readyThreshold', 'Must be between 0 and 100'],
    ['threshold negative', (s: ReturnType<typeof defaultSettings>) => (s.readyThreshold = -1), 'readyThreshold', 'Must be between 0 and 100'],
    ['threshold fraction', (s: ReturnType<typeof defaultSettings>) => (s.readyThreshold = 80.5), 'readyThreshold', 'Must be a whole number'],
    ['label with a space', (s: ReturnType<typeof defaultSettings>) => (s.sprintFlags.label = 'not ready'), 'sprintFlags.label', 'Must be a valid Jira label (no spaces)'],
    ['empty label', (s: ReturnType<typeof defaultSettings>) => (s.sprintFlags.label = ''), 'sprintFlags.label', 'Must be a valid Jira label (no spaces)'],
    ['weight above 10', (s: ReturnType<typeof defaultSettings>) => (s.profiles.story.criteria.size.weight = 11), 'profiles.story.criteria.size.weight', 'Must be between 0 and 10'],
    ['bad manual id', (s: ReturnType<typeof defaultSettings>) => (s.manualItems[0]!.id = 'Team Discussed'), 'manualItems.0.id', 'Use 1–40 lowercase letters, digits or dashes'],
    ['min items above max', (s: ReturnType<typeof defaultSettings>) => (s.agenda.minItems = 12), 'agenda.minItems', 'Must not be more than the maximum items (10)'],
    ['base minutes above max', (s: ReturnType<typeof defaultSettings>) => (s.agenda.baseMinutesPerItem = 12), 'agenda.baseMinutesPerItem', 'Must not be more than the maximum minutes per item (10)'],
    ['bad AC field id', (s: ReturnType<typeof defaultSettings>) => (s.text.acFieldId = 'acceptance'), 'text.acFieldId', 'Must be a custom field id like customfield_10050'],
    ['t-shirt sizes out of order', (s: ReturnType<typeof defaultSettings>) => (s.estimation.tshirtPoints.L = 2), 'estimation.tshirtPoints.L', 'Must not be less than M'],
  ])('rejects %s with a field-level message', (_name, mutate, path, message) => {
    expect(errorsFor(mutate)).toContainEqual({ path, message });
  });

  it('rejects duplicate manual item ids on the later item', () => {
    const errors = errorsFor((s) => {
      s.manualItems[1]!.id = 'team-discussed';
    });
    expect(errors).toEqual([{ path: 'manualItems.1.id', message: 'Duplicate id "team-discussed"' }]);
  });

  it('reports a missing field as required', () => {
    const { staleDays: _removed, ...rest } = defaultSettings();
    const result = parseSettings(rest);
    expect(result).toEqual({ ok: false, fieldErrors: [{ path: 'staleDays', message: 'Required' }] });
  });

  it('rejects a non-object', () => {
    expect(parseSettings('settings')).toEqual({ ok: false, fieldErrors: [{ path: '(root)', message: 'Settings must be an object' }] });
  });
});
