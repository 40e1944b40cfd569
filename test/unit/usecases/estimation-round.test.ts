import type { EstimationRound } from '../../../src/contract';
import { DEFAULT_SETTINGS, defaultSettings } from '../../../src/domain/settings';
import { roundView } from '../../../src/usecases/estimation-round';
import type { RoundState, StoredVote } from '../../../src/usecases/ports';
import { aStoredVote } from './builders';

const OPEN: RoundState = { roundNumber: 1, revealed: false, revealedAt: null, revealedBy: null };
const REVEALED: RoundState = { roundNumber: 1, revealed: true, revealedAt: '2026-11-20T10:05:00.000Z', revealedBy: 'acc-ana' };

const ana = (value: string, overrides: Partial<StoredVote> = {}) => aStoredVote({ accountId: 'acc-ana', displayName: 'Ana Lopez', value, votedAt: '2026-11-20T10:01:00.000Z', ...overrides });
const raj = (value: string, overrides: Partial<StoredVote> = {}) => aStoredVote({ accountId: 'acc-raj', displayName: 'Raj Patel', value, votedAt: '2026-11-20T10:02:00.000Z', ...overrides });

function view({ round = OPEN, votes, accountId = 'acc-ana' }: { round?: RoundState; votes: StoredVote[]; accountId?: string }): EstimationRound {
  return roundView({ settings: DEFAULT_SETTINGS, round, votes, accountId });
}

/** The view as JSON, without the deck (every card value is on it by design). */
const jsonWithoutDeck = ({ cards: _cards, ...rest }: EstimationRound) => JSON.stringify(rest);

describe('roundView before the reveal', () => {
  it('shows who voted and the caller’s own vote, but no one’s values', () => {
    const round = view({ votes: [ana('3'), raj('13')] });
    expect(round).toMatchObject({ revealed: false, myVote: '3', votes: [], voterCount: 2, roundNumber: 1 });
    expect(round.voters).toEqual([
      { accountId: 'acc-ana', displayName: 'Ana Lopez' },
      { accountId: 'acc-raj', displayName: 'Raj Patel' },
    ]);
    expect(round.divergence).toBeUndefined();
  });

  it('never puts another voter’s value anywhere in the answer', () => {
    const json = jsonWithoutDeck(view({ votes: [ana('3'), raj('13')] }));
    expect(json).not.toContain('"13"');
    expect(json).not.toMatch(/13/);
    // The caller's own value is there (as myVote), which shows the search would find a value.
    expect(json).toContain('"3"');
  });

  it('answers exactly the same whatever the other voter chose', () => {
    const low = view({ votes: [ana('3'), raj('1')] });
    const high = view({ votes: [ana('3'), raj('21')] });
    const unsure = view({ votes: [ana('3'), raj('?')] });
    expect(JSON.stringify(low)).toBe(JSON.stringify(high));
    expect(JSON.stringify(low)).toBe(JSON.stringify(unsure));
  });

  it('gives a caller who has not voted no vote of their own', () => {
    const round = view({ votes: [raj('13')], accountId: 'acc-li' });
    expect(round.myVote).toBeNull();
    expect(jsonWithoutDeck(round)).not.toMatch(/13/);
  });

  it('offers the deck of the configured scale', () => {
    const settings = defaultSettings();
    settings.estimation.scale = 't-shirt';
    const round = roundView({ settings, round: OPEN, votes: [], accountId: 'acc-ana' });
    expect(round.scale).toBe('t-shirt');
    expect(round.cards.map((card) => card.value)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL', '?', 'coffee']);
    expect(round.cards.find((card) => card.value === 'M')?.points).toBe(3);
  });
});

describe('roundView after the reveal', () => {
  it('shows every vote and that 3 vs 13 on Fibonacci diverges', () => {
    const round = view({ round: REVEALED, votes: [raj('13'), ana('3')], accountId: 'acc-raj' });
    expect(round.revealed).toBe(true);
    expect(round.myVote).toBe('13');
    expect(round.votes).toEqual([
      { accountId: 'acc-ana', displayName: 'Ana Lopez', value: '3' },
      { accountId: 'acc-raj', displayName: 'Raj Patel', value: '13' },
    ]);
    expect(round.divergence).toMatchObject({ diverges: true, lowValue: '3', highValue: '13', low: ['Ana Lopez'], high: ['Raj Patel'] });
  });

  it('does not call close votes divergent', () => {
    expect(view({ round: REVEALED, votes: [ana('3'), raj('5')] }).divergence?.diverges).toBe(false);
  });

  it('passes on the accepted estimate', () => {
    const accepted = { value: '5', points: 5, by: 'acc-ana', byName: 'Ana Lopez', at: '2026-11-20T10:10:00.000Z' };
    expect(view({ round: { ...REVEALED, accepted }, votes: [ana('5')] }).accepted).toEqual(accepted);
    expect(view({ round: REVEALED, votes: [ana('5')] })).not.toHaveProperty('accepted');
  });
});

describe('roundView across rounds', () => {
  it('ignores votes of an older round', () => {
    const round: RoundState = { ...REVEALED, roundNumber: 2 };
    const votes = [ana('3', { roundNumber: 1 }), raj('13', { roundNumber: 1 }), raj('5', { roundNumber: 2, votedAt: '2026-11-20T11:00:00.000Z' })];
    const answer = view({ round, votes });
    expect(answer.roundNumber).toBe(2);
    expect(answer.myVote).toBeNull();
    expect(answer.voterCount).toBe(1);
    expect(answer.votes).toEqual([{ accountId: 'acc-raj', displayName: 'Raj Patel', value: '5' }]);
    expect(answer.divergence).toBeUndefined();
  });

  it('does not leak an old round’s values into a new, unrevealed round', () => {
    const round: RoundState = { ...OPEN, roundNumber: 3 };
    const answer = view({ round, votes: [raj('13', { roundNumber: 2 })] });
    expect(answer).toMatchObject({ voters: [], voterCount: 0, votes: [], myVote: null });
    expect(jsonWithoutDeck(answer)).not.toMatch(/13/);
  });
});
