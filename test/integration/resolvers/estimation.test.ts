/**
 * The estimation round (getRound, castVote, revealVotes, resetVotes, acceptEstimate) through the
 * real resolvers: votes are never lost or forged, stay private until the reveal, and the
 * accepted estimate lands in the board's estimation field.
 */
import type { EstimationRound } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { asObject, call, dataOf, errorOf, issueIdOf, kvsKeys, snapshotOf } from './resolver-helpers';

const ESTIMATION_FIELD = 'customfield_10106';
const DEVELOPERS = Array.from({ length: 20 }, (_, i) => `dev${String(i + 1).padStart(2, '0')}`);

function vote(params: { env: SandboxEnv; key: string; as: string; payload: unknown }) {
  return call({ env: params.env, key: 'castVote', payload: params.payload, as: { accountId: params.as, issueKey: params.key } });
}

async function round(params: { env: SandboxEnv; key: string; as: string }): Promise<EstimationRound> {
  return dataOf(await call({ env: params.env, key: 'getRound', as: { accountId: params.as, issueKey: params.key } }));
}

/** The round without the scale's card list (which names every value) — what could leak votes. */
function leakSurface(result: EstimationRound): string {
  const { cards: _cards, ...rest } = result;
  return JSON.stringify(rest);
}

describe('estimation round', () => {
  const env = setupSandbox({ playVotes: false });

  it('keeps all 20 votes cast at the same moment by 20 people', async () => {
    const issueId = issueIdOf({ env, key: 'DEMO-14' });
    const results = await Promise.all(
      DEVELOPERS.map((developer, i) => vote({ env, key: 'DEMO-14', as: developer, payload: { value: ['1', '2', '3', '5', '8'][i % 5] } })),
    );
    for (const result of results) expect(dataOf(result).revealed).toBe(false);
    const seen = await round({ env, key: 'DEMO-14', as: 'ana' });
    expect(seen.voterCount).toBe(20);
    expect(seen.voters.map((voter) => voter.accountId).sort()).toEqual(DEVELOPERS.map((developer) => env.sandbox.accountId(developer)).sort());
    // One ballot per voter, each in a slot of its own: no vote overwrote another.
    expect(kvsKeys({ env, prefix: `vote:${issueId}:1:` })).toHaveLength(20);
  });

  it('votes only as the caller on the context issue, whatever the payload claims', async () => {
    const target = issueIdOf({ env, key: 'DEMO-19' });
    const named = issueIdOf({ env, key: 'DEMO-7' });
    const anaId = env.sandbox.accountId('ana');
    const tampered = { value: '5', accountId: anaId, issueKey: 'DEMO-7', issueId: named };
    const result = dataOf(await vote({ env, key: 'DEMO-19', as: 'raj', payload: tampered }));
    expect(result.myVote).toBe('5');
    expect(result.voters).toEqual([{ accountId: env.sandbox.accountId('raj'), displayName: 'Raj Patel' }]);
    expect(kvsKeys({ env, prefix: `vote:${target}:` })).toEqual([`vote:${target}:1:1`]);
    expect(env.kvs.peek(`vote:${target}:1:1`)).toMatchObject({ accountId: env.sandbox.accountId('raj'), value: '5' });
    expect(kvsKeys({ env, prefix: `vote:${named}:` })).toEqual([]);
    expect(JSON.stringify(kvsKeys({ env, prefix: 'vote:' }).map((key) => env.kvs.peek(key)))).not.toContain(anaId);
  });

  describe('privacy before the reveal, and the reveal', () => {
    it('sends nobody the values of others before the reveal', async () => {
      dataOf(await vote({ env, key: 'DEMO-9', as: 'ana', payload: { value: '3' } }));
      const rajVote = dataOf(await vote({ env, key: 'DEMO-9', as: 'raj', payload: { value: '13' } }));
      const rajRound = await round({ env, key: 'DEMO-9', as: 'raj' });
      const anaRound = await round({ env, key: 'DEMO-9', as: 'ana' });
      for (const seen of [rajVote, rajRound]) {
        expect(seen.votes).toEqual([]);
        expect(seen.myVote).toBe('13');
        expect(seen.divergence).toBeUndefined();
        // Ana's card "3" is the only 3 in the round: it must not reach Raj's browser.
        expect(leakSurface(seen)).not.toContain('"3"');
        expect(seen.voterCount).toBe(2);
      }
      expect(anaRound.myVote).toBe('3');
      expect(leakSurface(anaRound)).not.toContain('"13"');
      expect(anaRound.voters.map((voter) => voter.displayName).sort()).toEqual(['Ana Lopez', 'Raj Patel']);
    });

    it('shows everyone all votes with names and the 3-vs-13 divergence after the reveal', async () => {
      const revealed = dataOf(await call({ env, key: 'revealVotes', as: { accountId: 'ana', issueKey: 'DEMO-9' } }));
      expect(revealed.revealed).toBe(true);
      const seenByMei = await round({ env, key: 'DEMO-9', as: 'mei' });
      expect(seenByMei.myVote).toBeNull();
      expect(seenByMei.votes).toEqual(
        expect.arrayContaining([
          { accountId: env.sandbox.accountId('ana'), displayName: 'Ana Lopez', value: '3' },
          { accountId: env.sandbox.accountId('raj'), displayName: 'Raj Patel', value: '13' },
        ]),
      );
      expect(seenByMei.votes).toHaveLength(2);
      expect(seenByMei.divergence).toMatchObject({ steps: 3, diverges: true, high: ['Raj Patel'], low: ['Ana Lopez'], highValue: '13', lowValue: '3' });
      expect(seenByMei.divergence?.summary).toContain('3 vs 13');
    });

    it('refuses a vote after the reveal with CONFLICT and keeps the revealed votes', async () => {
      const error = errorOf(await vote({ env, key: 'DEMO-9', as: 'mei', payload: { value: '5' } }));
      expect(error.code).toBe('CONFLICT');
      const after = await round({ env, key: 'DEMO-9', as: 'ana' });
      expect(after.voterCount).toBe(2);
      expect(after.votes.map((v) => v.value).sort()).toEqual(['13', '3']);
    });

    it('refuses a card that is not on the scale with BAD_REQUEST', async () => {
      const error = errorOf(await vote({ env, key: 'DEMO-23', as: 'mei', payload: { value: '7' } }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(kvsKeys({ env, prefix: `vote:${issueIdOf({ env, key: 'DEMO-23' })}:` })).toEqual([]);
    });
  });

  describe('accepting the estimate', () => {
    it('writes 8 to the estimation field and answers with the re-scored readiness', async () => {
      expect(snapshotOf({ env, key: 'DEMO-9' }).fields[ESTIMATION_FIELD]).toBeNull();
      const readiness = dataOf(await call({ env, key: 'acceptEstimate', payload: { value: '8' }, as: { accountId: 'ana', issueKey: 'DEMO-9' } }));
      expect(snapshotOf({ env, key: 'DEMO-9' }).fields[ESTIMATION_FIELD]).toBe(8);
      expect(readiness).toMatchObject({ issueKey: 'DEMO-9', estimate: 8 });
      expect(readiness.criteria.find((criterion) => criterion.id === 'estimate')?.status).toBe('pass');
      // The stale decoy field is left alone.
      expect(snapshotOf({ env, key: 'DEMO-9' }).fields.customfield_10031).toBe(8);
      const seen = await round({ env, key: 'DEMO-9', as: 'raj' });
      expect(seen.accepted).toMatchObject({ value: '8', points: 8, by: env.sandbox.accountId('ana'), byName: 'Ana Lopez' });
    });

    it('refuses "?" with BAD_REQUEST and writes nothing', async () => {
      const error = errorOf(await call({ env, key: 'acceptEstimate', payload: { value: '?' }, as: { accountId: 'ana', issueKey: 'DEMO-23' } }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(snapshotOf({ env, key: 'DEMO-23' }).fields[ESTIMATION_FIELD]).toBe(5);
    });

    it('refuses a user who may not edit the issue with FORBIDDEN and writes nothing', async () => {
      const viewer = env.sandbox.accountId('dev20');
      env.jira.setAccess(viewer, 'DEMO', { browse: true, edit: false, admin: false });
      const roundPrefix = `round:${issueIdOf({ env, key: 'DEMO-23' })}:`;
      const error = errorOf(await call({ env, key: 'acceptEstimate', payload: { value: '13' }, as: { accountId: 'dev20', issueKey: 'DEMO-23' } }));
      expect(error.code).toBe('FORBIDDEN');
      expect(snapshotOf({ env, key: 'DEMO-23' }).fields[ESTIMATION_FIELD]).toBe(5);
      expect(kvsKeys({ env, prefix: roundPrefix }).filter((key) => key.endsWith(':accepted'))).toEqual([]);
    });
  });

  it('starts a new, empty round on reset', async () => {
    const before = await round({ env, key: 'DEMO-9', as: 'ana' });
    const reset = dataOf(await call({ env, key: 'resetVotes', as: { accountId: 'raj', issueKey: 'DEMO-9' } }));
    expect(reset).toMatchObject({ revealed: false, voterCount: 0, votes: [], voters: [], myVote: null, roundNumber: before.roundNumber + 1 });
    const seen = await round({ env, key: 'DEMO-9', as: 'ana' });
    expect(seen).toMatchObject({ revealed: false, voterCount: 0, roundNumber: before.roundNumber + 1 });
    expect(seen.divergence).toBeUndefined();
    // A vote in the new round is accepted again.
    expect(dataOf(await vote({ env, key: 'DEMO-9', as: 'mei', payload: { value: '5' } })).voterCount).toBe(1);
  });

  describe('concurrent changes never undo each other', () => {
    it('12 rounds of a reset racing an accept: the round number rises by exactly one each time and no accept writes a stale round', async () => {
      const key = 'DEMO-21';
      const prefix = `round:${issueIdOf({ env, key })}:`;
      dataOf(await vote({ env, key, as: 'ana', payload: { value: '5' } }));
      let current = (await round({ env, key, as: 'ana' })).roundNumber;
      for (let iteration = 0; iteration < 12; iteration++) {
        const [reset, accepted] = await Promise.all([
          call({ env, key: 'resetVotes', as: { accountId: 'raj', issueKey: key } }),
          call({ env, key: 'acceptEstimate', payload: { value: '8' }, as: { accountId: 'ana', issueKey: key } }),
        ]);
        expect(dataOf(reset).roundNumber).toBe(current + 1);
        expect(dataOf(accepted).estimate).toBe(8);
        const seen = await round({ env, key, as: 'mei' });
        expect(seen.roundNumber).toBe(current + 1);
        // The accept landed on the round it raced from or on the new one, never on anything older.
        const acceptedRounds = kvsKeys({ env, prefix }).filter((stored) => stored.endsWith(':accepted')).map((stored) => Number(stored.split(':')[2]));
        expect([current, current + 1]).toContain(Math.max(...acceptedRounds));
        current += 1;
      }
      // One record per round, 1…13 without a gap, each naming its own round.
      const starts = kvsKeys({ env, prefix }).filter((stored) => /^round:\d+:\d+$/.test(stored));
      expect(starts.map((stored) => Number(stored.split(':')[2])).sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
      for (const stored of kvsKeys({ env, prefix })) expect(asObject(env.kvs.peek(stored)).roundNumber).toBe(Number(stored.split(':')[2]));
    });

    it('votes cast while the round is being revealed are either in the revealed votes or refused with a clear CONFLICT', async () => {
      const key = 'DEMO-22';
      for (const [who, value] of [['ana', '3'], ['raj', '13']] as const) dataOf(await vote({ env, key, as: who, payload: { value } }));
      const voters = DEVELOPERS.slice(0, 16);
      const cards = ['1', '2', '3', '5', '8'];
      const castAll = (from: number, to: number) =>
        Promise.all(voters.slice(from, to).map((developer, i) => vote({ env, key, as: developer, payload: { value: cards[(from + i) % cards.length] } })));
      // The reveal starts in the middle of the votes; all of them run at once.
      const first = castAll(0, 8);
      const reveal = call({ env, key: 'revealVotes', as: { accountId: 'mei', issueKey: key } });
      const rest = castAll(8, voters.length);
      const [firstAnswers, revealAnswer, restAnswers] = await Promise.all([first, reveal, rest]);
      const answers = [...firstAnswers, ...restAnswers];
      expect(dataOf(revealAnswer).revealed).toBe(true);

      const revealed = await round({ env, key, as: 'tom' });
      expect(revealed.revealed).toBe(true);
      const inReveal = new Map(revealed.votes.map((entry) => [entry.accountId, entry.value]));
      let counted = 0;
      let refused = 0;
      answers.forEach((answer, i) => {
        const accountId = env.sandbox.accountId(voters[i]!);
        if (answer.ok) {
          counted += 1;
          expect(inReveal.get(accountId)).toBe(cards[i % cards.length]);
        } else {
          refused += 1;
          expect(answer.error.code).toBe('CONFLICT');
          expect(answer.error.message).toMatch(/revealed/);
          expect(inReveal.has(accountId)).toBe(false);
        }
      });
      expect(counted + refused).toBe(voters.length);
      expect(revealed.votes).toHaveLength(2 + counted);
      console.info(`votes racing a reveal: ${counted} counted, ${refused} refused`);
      // What was revealed stays revealed: later reads show the same votes.
      expect((await round({ env, key, as: 'ana' })).votes).toEqual(revealed.votes);
    });
  });
});
