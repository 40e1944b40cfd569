import type { Divergence } from '../../../../src/contract';
import {
  judgeDependencies,
  judgeEstimate,
  judgeEstimateAgreement,
  judgeManualItem,
  judgeSize,
} from '../../../../src/domain/readiness';
import { aLink } from '../builders';
import { aContext, words } from './context';

describe('estimate', () => {
  it('passes a numeric estimate', () => {
    expect(words(judgeEstimate(aContext({ issue: { estimate: 5 } })))).toEqual({ status: 'pass', detail: '5 points' });
  });

  it('fails a missing estimate', () => {
    expect(judgeEstimate(aContext({ issue: { estimate: null } }))).toMatchObject({ status: 'fail', detail: 'no estimate' });
  });

  it('fails an unparseable estimate and quotes the raw value', () => {
    expect(judgeEstimate(aContext({ issue: { estimate: null, estimateProblem: 'eight-ish' } }))).toMatchObject({
      status: 'fail',
      detail: 'estimate “eight-ish” is not a number',
    });
  });
});

describe('size', () => {
  it('fails above the team limit and says to split', () => {
    expect(words(judgeSize(aContext({ issue: { estimate: 13 } })))).toEqual({
      status: 'fail',
      detail: '13 points is above the team’s limit of 8 — split it',
      fix: 'Split it into items of at most 8 points each',
    });
  });

  it('passes at the limit', () => {
    expect(judgeSize(aContext({ issue: { estimate: 8 } })).status).toBe('pass');
  });

  it('uses the limit from settings', () => {
    const ctx = aContext({ issue: { estimate: 8 } });
    ctx.settings.size.maxPoints = 5;
    expect(judgeSize(ctx).detail).toBe('8 points is above the team’s limit of 5 — split it');
  });

  it('skips without an estimate', () => {
    expect(judgeSize(aContext({ issue: { estimate: null } })).status).toBe('skip');
  });
});

describe('dependencies', () => {
  it('fails on an open blocker and names it with its status', () => {
    expect(judgeDependencies(aContext({ issue: { links: [aLink()] } }))).toMatchObject({ status: 'fail', detail: 'blocked by DEMO-12 (In Progress)' });
  });

  it('adds a note for blockers in other projects', () => {
    const links = [aLink(), aLink({ key: 'OPS-3', projectKey: 'OPS', statusName: 'To Do', statusCategory: 'new' })];
    expect(judgeDependencies(aContext({ issue: { links } })).detail).toBe(
      'blocked by DEMO-12 (In Progress), OPS-3 (To Do); OPS-3 is in another project — agree a date with that team',
    );
  });

  it('passes when every blocker is done, and ignores links in the other direction', () => {
    const links = [aLink({ statusName: 'Done', statusCategory: 'done' }), aLink({ key: 'DEMO-99', direction: 'blocks' })];
    expect(words(judgeDependencies(aContext({ issue: { links } })))).toEqual({ status: 'pass', detail: '1 blocker, all done' });
  });

  it('warns about hidden or deleted links', () => {
    expect(judgeDependencies(aContext({ issue: { hiddenLinkCount: 1 } }))).toMatchObject({
      status: 'warn',
      detail: '1 linked issue is hidden from you or deleted',
    });
    expect(judgeDependencies(aContext({ issue: { hiddenLinkCount: 2 } })).detail).toBe('2 linked issues are hidden from you or deleted');
  });
});

describe('estimate-agreement', () => {
  const divergence = (diverges: boolean): Divergence => ({
    steps: diverges ? 3 : 1,
    ratio: diverges ? 4.3 : 1.7,
    high: ['Raj'],
    low: ['Ana'],
    highValue: diverges ? '13' : '5',
    lowValue: '3',
    diverges,
    summary: diverges ? '3 vs 13 — Ana and Raj explain' : '3 vs 5',
  });

  it('skips when nobody has voted', () => {
    expect(words(judgeEstimateAgreement(aContext()))).toEqual({ status: 'skip', detail: 'no estimation round yet' });
    expect(judgeEstimateAgreement(aContext({ estimation: { revealed: false, voterCount: 0, divergence: null, acceptedPoints: null } })).status).toBe('skip');
  });

  it('warns while votes are hidden', () => {
    expect(judgeEstimateAgreement(aContext({ estimation: { revealed: false, voterCount: 3, divergence: null, acceptedPoints: null } }))).toMatchObject({
      status: 'warn',
      detail: '3 votes, not revealed yet',
    });
  });

  it('fails a diverging revealed round and quotes the divergence', () => {
    const judged = judgeEstimateAgreement(aContext({ estimation: { revealed: true, voterCount: 4, divergence: divergence(true), acceptedPoints: null } }));
    expect(judged).toMatchObject({ status: 'fail', detail: 'votes diverge: 3 vs 13 — Ana and Raj explain' });
  });

  it('passes an agreeing round, and an accepted estimate', () => {
    expect(words(judgeEstimateAgreement(aContext({ estimation: { revealed: true, voterCount: 4, divergence: divergence(false), acceptedPoints: null } })))).toEqual({
      status: 'pass',
      detail: '4 votes agree (3–5)',
    });
    expect(words(judgeEstimateAgreement(aContext({ estimation: { revealed: true, voterCount: 4, divergence: divergence(true), acceptedPoints: 8 } })))).toEqual({
      status: 'pass',
      detail: 'team accepted 8 points',
    });
  });
});

describe('manual items', () => {
  const item = { id: 'team-discussed', label: 'Team has discussed it', enabled: true, required: false, weight: 1 };

  it('passes when ticked and says who ticked it and when', () => {
    const judged = judgeManualItem({ item, entry: { checked: true, by: 'acc-1', byName: 'Ana Lopez', at: '2026-11-20T09:12:00.000Z' } });
    expect(judged).toEqual({
      id: 'manual:team-discussed',
      label: 'Team has discussed it',
      manual: true,
      weight: 1,
      required: false,
      status: 'pass',
      detail: 'Ticked by Ana Lopez on 2026-11-20',
      checkedBy: { accountId: 'acc-1', displayName: 'Ana Lopez', at: '2026-11-20T09:12:00.000Z' },
    });
  });

  it('fails when not ticked, or unticked again', () => {
    expect(judgeManualItem({ item, entry: undefined }).status).toBe('fail');
    const unticked = judgeManualItem({ item, entry: { checked: false, by: 'acc-1', byName: 'Ana Lopez', at: '2026-11-20T09:12:00.000Z' } });
    expect(unticked.status).toBe('fail');
    expect(unticked.checkedBy).toBeUndefined();
  });
});
