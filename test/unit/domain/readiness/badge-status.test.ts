import type { ReadinessProperty } from '../../../../src/contract';
import { badgeStatus, UNAVAILABLE_BADGE_STATUS } from '../../../../src/domain/readiness/badge-status';

/** The stored property as the app writes it (README "JQL"): `{ score, state, gaps, evaluatedAt, v }`. */
const aProperty = (overrides: Partial<ReadinessProperty> = {}): ReadinessProperty => ({
  score: 86,
  state: 'ready',
  gaps: [],
  evaluatedAt: '2026-11-30T09:15:00.000Z',
  v: 1,
  ...overrides,
});

describe('badgeStatus', () => {
  it('shows a ready issue as a green lozenge with its score', () => {
    expect(badgeStatus({ property: aProperty() })).toEqual({ status: { type: 'lozenge', value: { label: 'Ready 86', type: 'success' } } });
  });

  it('shows a not-ready issue as a red lozenge with its score, whatever its gaps', () => {
    const property = aProperty({ score: 42, state: 'not-ready', gaps: ['acceptance-criteria', 'estimate'] });
    expect(badgeStatus({ property })).toEqual({ status: { type: 'lozenge', value: { label: 'Not ready 42', type: 'removed' } } });
  });

  it('follows the stored state, not the score: the threshold is per project', () => {
    expect(badgeStatus({ property: aProperty({ score: 65, state: 'ready' }) }).status.value).toEqual({ label: 'Ready 65', type: 'success' });
    expect(badgeStatus({ property: aProperty({ score: 91, state: 'not-ready' }) }).status.value).toEqual({ label: 'Not ready 91', type: 'removed' });
  });

  it.each([
    [79.5, 'Not ready 80'],
    [79.4, 'Not ready 79'],
    [-3, 'Not ready 0'],
    [140, 'Not ready 100'],
  ])('rounds and bounds the score %p to a whole 0–100 ("%s")', (score, label) => {
    expect(badgeStatus({ property: aProperty({ score, state: 'not-ready' }) }).status.value.label).toBe(label);
  });

  it('invites to open a never-scored issue with a neutral "Open to score", never a "Not scored" that the panel would contradict', () => {
    expect(badgeStatus({ property: null })).toEqual({ status: { type: 'lozenge', value: { label: 'Open to score', type: 'default' } } });
  });

  it('has a neutral lozenge for when the judgement cannot be read', () => {
    expect(UNAVAILABLE_BADGE_STATUS).toEqual({ status: { type: 'lozenge', value: { label: 'Unavailable', type: 'default' } } });
  });
});
