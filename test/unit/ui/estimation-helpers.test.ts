import type { ScaleCard } from '../../../src/contract';
import { acceptedByName, numericCards, voterRows } from '../../../static/shared/estimation/estimation-helpers';

const fib: ScaleCard[] = ['0', '0.5', '1', '2', '3', '5', '8', '13', '20', '?', 'coffee'].map((value) => ({ value, points: Number.isNaN(Number(value)) ? null : Number(value) }));

describe('numericCards', () => {
  it('drops cards without points', () => {
    expect(numericCards(fib).map((c) => c.value)).not.toEqual(expect.arrayContaining(['?', 'coffee']));
  });
});

describe('voterRows', () => {
  const voters = [
    { accountId: 'a', displayName: 'Ana Lopez' },
    { accountId: 'me', displayName: 'Mia Chen' },
  ];

  it('hides values before reveal even if votes were sent', () => {
    const rows = voterRows({ round: { voters, votes: [{ accountId: 'a', displayName: 'Ana Lopez', value: '3' }], revealed: false }, myAccountId: 'me' });
    expect(rows.map((r) => [r.displayName, r.value, r.isMe])).toEqual([
      ['Ana Lopez', null, false],
      ['Mia Chen', null, true],
    ]);
  });

  it('shows values after reveal, including voters missing from the voter list', () => {
    const round = {
      voters,
      revealed: true,
      votes: [
        { accountId: 'a', displayName: 'Ana Lopez', value: '3' },
        { accountId: 'me', displayName: 'Mia Chen', value: '5' },
        { accountId: 'r', displayName: 'Raj Patel', value: '13' },
      ],
    };
    expect(voterRows({ round, myAccountId: null }).map((r) => `${r.displayName}=${r.value ?? ''}`)).toEqual(['Ana Lopez=3', 'Mia Chen=5', 'Raj Patel=13']);
  });
});

describe('acceptedByName', () => {
  const accepted = (by: string, byName: string) => ({ value: '8', points: 8, by, byName, at: '2026-11-21T10:00:00.000Z' });

  it('says "you", the name of who accepted, or nothing, never the accountId', () => {
    expect(acceptedByName({ accepted: accepted('a', 'Ana Lopez'), myAccountId: 'a' })).toBe('you');
    expect(acceptedByName({ accepted: accepted('a', 'Ana Lopez'), myAccountId: 'r' })).toBe('Ana Lopez');
    expect(acceptedByName({ accepted: accepted('5d1a2b3c4d5e6f0012345699', ''), myAccountId: 'a' })).toBeNull();
  });
});
