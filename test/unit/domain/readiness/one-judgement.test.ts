/**
 * "Ready" means one thing everywhere: score at or above the threshold and no required criterion
 * failing. A ready item never shows a failure: what is missing but not required is a gap to
 * consider, and the flags that would repeat it are not raised. A revealed divergence fails the
 * (required by default) agreement criterion until an estimate is accepted.
 */
import type { Divergence, ProjectSettings } from '../../../../src/contract';
import { type EstimationSummary, evaluateReadiness, toReadinessProperty } from '../../../../src/domain/readiness';
import { defaultSettings } from '../../../../src/domain/settings';
import { extractText } from '../../../../src/domain/text';
import { anIssue } from '../builders';

const NOW = new Date('2026-11-20T10:00:00Z');

const DIVERGING: Divergence = {
  steps: 3,
  ratio: 13 / 3,
  high: ['Raj Patel'],
  low: ['Ana Lopez'],
  highValue: '13',
  lowValue: '3',
  diverges: true,
  summary: '3 vs 13 — Ana Lopez and Raj Patel explain',
};

function evaluate({ settings = defaultSettings(), estimation = null, issue = anIssue() }: { settings?: ProjectSettings; estimation?: EstimationSummary | null; issue?: ReturnType<typeof anIssue> } = {}) {
  return evaluateReadiness({ issue, settings, checklist: {}, estimation, now: NOW });
}

const statusOf = (result: ReturnType<typeof evaluate>, id: string) => result.criteria.find((c) => c.id === id)?.status;

/** A story with everything but acceptance criteria (no scenarios, no AC heading). */
const NO_AC = anIssue({
  description: extractText(
    [
      'As a returning shopper, I want my cart to be saved between visits, so that I do not lose the items I picked.',
      'Today the cart lives in the browser session only and is lost when the session expires, which annoys shoppers a lot.',
      'h2. Out of scope',
      'Sharing a cart with another shopper.',
      '[Cart mock-up|https://www.figma.com/file/abc/cart]',
    ].join('\n'),
  ),
});

describe('one state: ready never sits next to a failure', () => {
  it('shows unticked checklist items of a ready story as gaps to consider, with the same score', () => {
    const result = evaluate();
    expect(result).toMatchObject({ ready: true, score: 89 });
    expect(result.criteria.filter((c) => c.status === 'fail')).toEqual([]);
    expect(statusOf(result, 'manual:team-discussed')).toBe('consider');
    // JQL still finds what is missing; the state says it does not block.
    if (result.status !== 'judged') throw new Error('a story is judged');
    expect(toReadinessProperty(result)).toMatchObject({ state: 'ready', gaps: ['manual:team-discussed', 'manual:confidence-check'] });
  });

  it('keeps every failure red below the threshold: each of them is needed to get there', () => {
    const settings = defaultSettings();
    settings.readyThreshold = 95;
    const result = evaluate({ settings });
    expect(result.ready).toBe(false);
    expect(statusOf(result, 'manual:team-discussed')).toBe('fail');
  });

  it('keeps a failing required criterion red when the score is high enough, and only that one', () => {
    const settings = defaultSettings();
    settings.readyThreshold = 50;
    const result = evaluate({ settings, issue: anIssue({ estimate: null }) });
    expect(result.ready).toBe(false);
    expect(result.criteria.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['estimate']);
    expect(statusOf(result, 'manual:confidence-check')).toBe('consider');
  });

  it('a ready item without acceptance criteria, where they are not required, raises no "No acceptance criteria" flag', () => {
    const settings = defaultSettings();
    settings.readyThreshold = 60;
    settings.profiles.story.criteria['acceptance-criteria'].required = false;
    const result = evaluate({ settings, issue: NO_AC });
    expect(result.ready).toBe(true);
    expect(statusOf(result, 'acceptance-criteria')).toBe('consider');
    expect(result.flags.map((f) => f.type)).not.toContain('no-acceptance-criteria');

    // Required again, the same item is not ready, the criterion fails and the flag is back.
    const strict = evaluate({ settings: { ...settings, profiles: defaultSettings().profiles }, issue: NO_AC });
    expect(strict.ready).toBe(false);
    expect(statusOf(strict, 'acceptance-criteria')).toBe('fail');
    expect(strict.flags.map((f) => f.type)).toContain('no-acceptance-criteria');
  });
});

describe('divergence counts', () => {
  const revealed = (divergence: Divergence | null, acceptedPoints: number | null = null): EstimationSummary => ({ revealed: true, voterCount: 2, divergence, acceptedPoints });

  it('makes a ready story not ready once diverging votes are revealed, with a flag and a way out', () => {
    const result = evaluate({ estimation: revealed(DIVERGING) });
    expect(result.ready).toBe(false);
    expect(result.criteria.find((c) => c.id === 'estimate-agreement')).toMatchObject({
      status: 'fail',
      required: true,
      detail: 'votes diverge: 3 vs 13 — Ana Lopez and Raj Patel explain',
      fix: 'Let the highest and lowest voters explain, then vote again or accept an estimate',
    });
    expect(result.flags.map((f) => f.type)).toContain('divergence');
  });

  it('is settled by an accepted estimate: ready again, no flag', () => {
    const result = evaluate({ estimation: revealed(DIVERGING, 5) });
    expect(result.ready).toBe(true);
    expect(statusOf(result, 'estimate-agreement')).toBe('pass');
    expect(result.flags.map((f) => f.type)).not.toContain('divergence');
  });

  it('is settled by votes within range, and only warns before the reveal', () => {
    expect(statusOf(evaluate({ estimation: revealed({ ...DIVERGING, steps: 1, diverges: false, highValue: '5', summary: '3 vs 5' }) }), 'estimate-agreement')).toBe('pass');
    const hidden = evaluate({ estimation: { revealed: false, voterCount: 2, divergence: null, acceptedPoints: null } });
    expect(statusOf(hidden, 'estimate-agreement')).toBe('warn');
    expect(hidden.ready).toBe(true);
  });

  it('is only a gap to consider for a team that made agreement optional', () => {
    const settings = defaultSettings();
    settings.profiles.story.criteria['estimate-agreement'].required = false;
    const result = evaluate({ settings, estimation: revealed(DIVERGING) });
    expect(result.ready).toBe(true);
    expect(statusOf(result, 'estimate-agreement')).toBe('consider');
    expect(result.flags.map((f) => f.type)).not.toContain('divergence');
  });
});
