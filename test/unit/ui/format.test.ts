import {
  badgeText,
  cardAriaLabel,
  cardLabel,
  flagDetail,
  flagLabel,
  flagTestId,
  formatDate,
  formatPoints,
  initials,
  issueKeySortValue,
  manualItemId,
  pluralType,
  setDateLocale,
  statusAppearance,
  topGap,
} from '../../../static/shared/format';
import { aCriterion, aReadiness } from './builders';

describe('cards', () => {
  it('shows coffee as a cup and keeps ? and numbers', () => {
    expect([cardLabel('coffee'), cardLabel('?'), cardLabel('13'), cardLabel('M')]).toEqual(['☕', '?', '13', 'M']);
    expect(cardAriaLabel('coffee')).toBe('Coffee break');
    expect(cardAriaLabel('?')).toBe('Unsure');
  });
});

describe('initials', () => {
  it.each([
    ['Ana Lopez', 'AL'],
    ['raj', 'R'],
    ['  Mia  van der Berg ', 'MB'],
    ['', '?'],
  ])('%p → %p', (name, expected) => expect(initials(name)).toBe(expected));
});

describe('formatDate', () => {
  it('formats an ISO date and falls back to the raw text when unreadable', () => {
    expect(formatDate({ iso: '2026-11-20T10:15:00Z', locale: 'en-GB' })).toBe('20 Nov 2026');
    expect(formatDate({ iso: 'yesterday' })).toBe('yesterday');
  });

  it("uses the user's locale once set, and keeps the default for a tag Intl rejects", () => {
    try {
      setDateLocale('en-US');
      expect(formatDate({ iso: '2026-11-20T10:15:00Z' })).toBe('Nov 20, 2026');
      setDateLocale('not a locale!');
      expect(formatDate({ iso: '2026-11-20T10:15:00Z' })).toBe('20 Nov 2026');
    } finally {
      setDateLocale(undefined);
    }
    expect(formatDate({ iso: '2026-11-20T10:15:00Z' })).toBe('20 Nov 2026');
  });
});

describe('badgeText and topGap', () => {
  it('says Ready · score, Not ready · score or Not scored', () => {
    expect(badgeText(aReadiness({ ready: true, score: 86.4 }))).toBe('Ready · 86');
    expect(badgeText(aReadiness({ ready: false, score: 42 }))).toBe('Not ready · 42');
    expect(badgeText(aReadiness({ excluded: true }))).toBe('Not scored');
  });

  it('names a failing required criterion before other failures', () => {
    const readiness = aReadiness({
      criteria: [
        aCriterion({ id: 'estimate', label: 'Estimated', status: 'fail' }),
        aCriterion({ id: 'acceptance-criteria', label: 'Acceptance criteria', status: 'fail', required: true }),
      ],
    });
    expect(topGap(readiness)).toBe('missing: acceptance criteria');
  });

  it('falls back to a warning, and says nothing when all pass or the type is excluded', () => {
    expect(topGap(aReadiness({ criteria: [aCriterion({ status: 'warn', label: 'Dependencies resolved' })] }))).toBe('check: dependencies resolved');
    expect(topGap(aReadiness())).toBeNull();
    expect(topGap(aReadiness({ excluded: true, criteria: [aCriterion({ status: 'fail' })] }))).toBeNull();
  });
});

describe('flags', () => {
  it('labels dependency kinds and builds test ids with the kind', () => {
    const flag = { type: 'dependency', kind: 'cross-project' } as const;
    expect(flagLabel(flag)).toBe('Cross-project');
    expect(flagTestId({ issueKey: 'DEMO-4', flag })).toBe('flag-DEMO-4-dependency-cross-project');
    expect(flagTestId({ issueKey: 'DEMO-4', flag: { type: 'too-big' } })).toBe('flag-DEMO-4-too-big');
    expect(flagLabel({ type: 'no-estimate' })).toBe('No estimate');
  });

  it('drops a message that only repeats the label', () => {
    expect(flagDetail({ type: 'no-estimate', message: 'No estimate' })).toBeNull();
    expect(flagDetail({ type: 'dependency', kind: 'blocked', message: 'Blocked by DEMO-31 (To Do)' })).toBe('Blocked by DEMO-31 (To Do)');
  });
});

describe('small helpers', () => {
  it('extracts manual item ids', () => {
    expect(manualItemId('manual:design-reviewed')).toBe('design-reviewed');
    expect(manualItemId('estimate')).toBeNull();
  });

  it('pluralises issue type names', () => {
    expect([pluralType('Epic'), pluralType('Story'), pluralType('Bug fix'), pluralType('')]).toEqual(['Epics', 'Stories', 'Bug fixes', 'Issues']);
  });

  it('maps statuses to lozenge appearances', () => {
    expect([statusAppearance('pass'), statusAppearance('warn'), statusAppearance('fail'), statusAppearance('skip')]).toEqual(['success', 'moved', 'removed', 'default']);
  });

  it('sorts issue keys by project, then number', () => {
    const keys = ['DEMO-12', 'TEAM-2', 'DEMO-9', 'DEMO-100'];
    expect([...keys].sort((a, b) => issueKeySortValue(a).localeCompare(issueKeySortValue(b)))).toEqual(['DEMO-9', 'DEMO-12', 'DEMO-100', 'TEAM-2']);
    expect(issueKeySortValue('not a key')).toBe('not a key');
  });

  it('formats points', () => {
    expect([formatPoints(null), formatPoints(5), formatPoints(0.5)]).toEqual(['—', '5', '0.5']);
  });
});
