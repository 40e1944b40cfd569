import {
  badgeHeadline,
  cardAriaLabel,
  cardLabel,
  flagDetail,
  flagKind,
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
  statusLabel,
} from '../../../static/shared/format';
import { CRITERION_GAP_LABELS, FLAG_CRITERIA, FLAG_TYPES, criterionLabelFor, type Flag, type FlagType } from '../../../src/contract';
import { aCriterion, aReadiness, asExcluded } from './builders';

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

describe('badgeHeadline', () => {
  it('says Ready for a ready item, whatever gaps are left to consider, and says an excluded type is not part of the Definition of Ready', () => {
    const consider = aCriterion({ id: 'manual:team-discussed', label: 'Team has discussed it', status: 'consider', manual: true });
    expect(badgeHeadline(aReadiness({ ready: true, score: 89, criteria: [consider] }))).toBe('Ready');
    expect(badgeHeadline(asExcluded(aReadiness()))).toBe('Not part of the Definition of Ready');
  });

  it('names the blocker of a blocked item, then other failing required criteria in plain words', () => {
    const blocked = aReadiness({
      ready: false,
      criteria: [
        aCriterion({ id: 'acceptance-criteria', label: 'Acceptance criteria', status: 'fail', required: true }),
        aCriterion({ id: 'dependencies', label: 'No open blockers', status: 'fail', required: true }),
      ],
      flags: [{ type: 'dependency', kind: 'blocked', severity: 'high', message: 'Blocked by DEMO-31 (To Do)', related: ['DEMO-31'] }],
    });
    expect(badgeHeadline(blocked)).toBe('Blocked by DEMO-31');
    const noAc = aReadiness({ ready: false, criteria: [aCriterion({ id: 'acceptance-criteria', label: 'Acceptance criteria', status: 'fail', required: true })] });
    expect(badgeHeadline(noAc)).toBe('No acceptance criteria');
    const diverging = aReadiness({ ready: false, criteria: [aCriterion({ id: 'estimate-agreement', label: 'Estimates agree', status: 'fail', required: true })] });
    expect(badgeHeadline(diverging)).toBe('Estimates diverge');
  });

  it('names each criterion one way: the flag lozenge (and so the Markdown) says what the badge says, mirroring the checklist name', () => {
    for (const [type, id] of Object.entries(FLAG_CRITERIA)) {
      const flagType = FLAG_TYPES.find((known): known is Exclude<FlagType, 'dependency'> => known === type && known !== 'dependency');
      if (flagType === undefined) throw new Error(`unknown flag type ${type}`);
      const failing = aReadiness({ ready: false, criteria: [aCriterion({ id, label: criterionLabelFor({ id, profile: 'story' }), status: 'fail', required: true })] });
      expect({ type, flag: flagLabel({ type: flagType }) }).toEqual({ type, flag: badgeHeadline(failing) });
      expect(flagLabel({ type: flagType })).toBe(CRITERION_GAP_LABELS[id]);
    }
    // Divergence had three names ("Team agrees on the estimate", "Estimates diverge", "Divergent estimates").
    expect(criterionLabelFor({ id: 'estimate-agreement', profile: 'story' })).toBe('Estimates agree');
    expect(flagLabel({ type: 'divergence' })).toBe('Estimates diverge');
  });

  it('below the threshold without a required failure, names the heaviest failing criterion', () => {
    const low = aReadiness({
      ready: false,
      score: 62,
      criteria: [
        aCriterion({ id: 'manual:team-discussed', label: 'Team has discussed it', status: 'fail', manual: true, weight: 1 }),
        aCriterion({ id: 'story-format', label: 'User story form (role, goal, benefit)', status: 'fail', weight: 2 }),
      ],
    });
    expect(badgeHeadline(low)).toBe('Missing: User story form (role, goal, benefit)');
    expect(badgeHeadline(aReadiness({ ready: false, score: 70, threshold: 80, criteria: [aCriterion({ status: 'warn' })] }))).toBe('Score 70, ready at 80');
  });

  it('names two blockers, and counts the rest beyond that', () => {
    const flags = [{ type: 'dependency', kind: 'blocked', severity: 'high', message: 'Blocked', related: ['DEMO-31', 'DEMO-40', 'DEMO-41'] }] as const;
    const criteria = [aCriterion({ id: 'dependencies', status: 'fail', required: true })];
    expect(badgeHeadline(aReadiness({ ready: false, criteria, flags: [{ ...flags[0], related: ['DEMO-31', 'DEMO-40'] }] }))).toBe('Blocked by DEMO-31 and DEMO-40');
    expect(badgeHeadline(aReadiness({ ready: false, criteria, flags: [{ ...flags[0], related: [...flags[0].related] }] }))).toBe('Blocked by DEMO-31 and 2 more');
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

  it('gives a kind to dependency flags only (the union is checked by tsc)', () => {
    const blocked: Flag = { type: 'dependency', kind: 'blocked', severity: 'high', message: 'Blocked by DEMO-31', related: ['DEMO-31'] };
    const tooBig: Flag = { type: 'too-big', severity: 'medium', message: '21 points', related: [] };
    // @ts-expect-error a dependency flag always names its kind
    const kindless: Flag = { type: 'dependency', severity: 'high', message: 'Blocked', related: [] };
    // @ts-expect-error only dependency flags have a kind
    const kindOnTooBig: Flag = { type: 'too-big', kind: 'blocked', severity: 'medium', message: '21 points', related: [] };
    expect([blocked, tooBig].map(flagKind)).toEqual(['blocked', undefined]);
    expect([kindless, kindOnTooBig].map((flag) => flag.type)).toEqual(['dependency', 'too-big']);
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

  it('maps statuses to lozenge appearances; a gap to consider is not red', () => {
    expect([statusAppearance('pass'), statusAppearance('warn'), statusAppearance('fail'), statusAppearance('consider'), statusAppearance('skip')]).toEqual([
      'success',
      'moved',
      'removed',
      'inprogress',
      'default',
    ]);
    expect(statusLabel('consider')).toBe('Consider');
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
