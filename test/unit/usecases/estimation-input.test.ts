import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { currentVotes, estimationInput } from '../../../src/usecases/estimation-input';
import type { RoundState } from '../../../src/usecases/ports';
import { aStoredVote } from './builders';

const round = (overrides: Partial<RoundState> = {}): RoundState => ({ roundNumber: 1, revealed: false, revealedAt: null, revealedBy: null, ...overrides });
const accepted = { value: '5', points: 5, by: 'acc-ana', byName: 'Ana Lopez', at: '2026-11-20T10:10:00.000Z' };

const ana = aStoredVote({ accountId: 'acc-ana', displayName: 'Ana Lopez', value: '3', votedAt: '2026-11-20T10:03:00.000Z' });
const raj = aStoredVote({ accountId: 'acc-raj', displayName: 'Raj Patel', value: '13', votedAt: '2026-11-20T10:01:00.000Z' });
const li = aStoredVote({ accountId: 'acc-li', displayName: 'Li Wei', value: '5', votedAt: '2026-11-20T10:02:00.000Z' });

describe('currentVotes', () => {
  it('keeps only the current round’s votes, in the order they were cast', () => {
    const old = aStoredVote({ accountId: 'acc-bo', value: '8', roundNumber: 1 });
    const votes = [ana, raj, li].map((vote) => ({ ...vote, roundNumber: 2 }));
    expect(currentVotes({ votes: [old, ...votes], round: round({ roundNumber: 2 }) }).map((vote) => vote.accountId)).toEqual(['acc-raj', 'acc-li', 'acc-ana']);
  });

  it('treats a missing round as round 1', () => {
    const later = aStoredVote({ accountId: 'acc-bo', roundNumber: 2 });
    expect(currentVotes({ votes: [ana, later], round: undefined })).toEqual([ana]);
  });

  it('does not reorder the caller’s array', () => {
    const votes = [ana, raj];
    currentVotes({ votes, round: round() });
    expect(votes).toEqual([ana, raj]);
  });
});

describe('estimationInput', () => {
  it('is null when nobody voted and nothing was accepted', () => {
    expect(estimationInput({ votes: [], round: undefined, settings: DEFAULT_SETTINGS })).toBeNull();
    expect(estimationInput({ votes: [{ ...ana, roundNumber: 1 }], round: round({ roundNumber: 2 }), settings: DEFAULT_SETTINGS })).toBeNull();
  });

  it('before the reveal tells only how many voted, never how far apart they are', () => {
    expect(estimationInput({ votes: [ana, raj], round: round(), settings: DEFAULT_SETTINGS })).toEqual({
      revealed: false,
      voterCount: 2,
      divergence: null,
      acceptedPoints: null,
    });
  });

  it('after the reveal carries the divergence of the current round', () => {
    const input = estimationInput({ votes: [ana, raj], round: round({ revealed: true }), settings: DEFAULT_SETTINGS });
    expect(input).toMatchObject({ revealed: true, voterCount: 2, acceptedPoints: null });
    expect(input?.divergence).toMatchObject({ diverges: true, lowValue: '3', highValue: '13' });
  });

  it('judges divergence only on the current round', () => {
    const old = { ...raj, roundNumber: 1 };
    const now = [ana, li].map((vote) => ({ ...vote, roundNumber: 2 }));
    const input = estimationInput({ votes: [old, ...now], round: round({ roundNumber: 2, revealed: true }), settings: DEFAULT_SETTINGS });
    expect(input).toMatchObject({ voterCount: 2, divergence: { diverges: false, lowValue: '3', highValue: '5' } });
  });

  it('reports an accepted estimate even after the votes were cleared', () => {
    expect(estimationInput({ votes: [], round: round({ roundNumber: 2, accepted }), settings: DEFAULT_SETTINGS })).toEqual({
      revealed: false,
      voterCount: 0,
      divergence: null,
      acceptedPoints: 5,
    });
  });
});
