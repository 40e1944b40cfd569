/**
 * "Estimate in a row" on the agenda page (issue 14, item 7): the project page has no issue in its
 * Forge context, so each estimation call names the agenda item by key; the resolver has Jira confirm
 * it as the user and checks it belongs to the context project. Each item keeps its own round.
 */
import type { Agenda } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { call, dataOf, errorOf } from './resolver-helpers';

const onAgenda = (accountId: string) => ({ accountId, projectKey: 'DEMO' });

async function agendaKeys(env: SandboxEnv): Promise<string[]> {
  const agenda: Agenda = dataOf(await call({ env, key: 'getAgenda', as: onAgenda('ana') }));
  return agenda.items.map((item) => item.issueKey);
}

describe('estimate in a row from the refinement agenda', () => {
  const env = setupSandbox({ freshPerTest: true });

  it('each step carries the agenda’s own judgement: the same score and state, required failures apart from gaps to consider', async () => {
    const agenda: Agenda = dataOf(await call({ env, key: 'getAgenda', as: onAgenda('ana') }));
    expect(agenda.items.length).toBeGreaterThan(0);
    for (const item of agenda.items) {
      const step = dataOf(await call({ env, key: 'getRoundFor', payload: { issueKey: item.issueKey }, as: onAgenda('ana') }));
      expect({ key: item.issueKey, score: step.readiness.score, ready: step.readiness.ready }).toEqual({ key: item.issueKey, score: item.score, ready: item.ready });
      const readiness = dataOf(await call({ env, key: 'getReadiness', as: { accountId: 'ana', issueKey: item.issueKey } }));
      const failing = readiness.criteria.filter((c) => c.status === 'fail');
      expect(step.readiness.failing).toEqual(failing.filter((c) => c.required).map((c) => c.label));
      expect(step.readiness.toConsider).toEqual(readiness.criteria.filter((c) => (c.status === 'fail' && !c.required) || c.status === 'consider').map((c) => c.label));
    }
  });

  it('walks two agenda items: each step returns its own round, and votes on A never show on B', async () => {
    const [first, second] = await agendaKeys(env);
    if (first === undefined || second === undefined) throw new Error('the demo agenda needs two items');

    const stepA = dataOf(await call({ env, key: 'getRoundFor', payload: { issueKey: first }, as: onAgenda('ana') }));
    expect(stepA.issue.key).toBe(first);
    expect(stepA.round.voterCount).toBe(0);
    expect(typeof stepA.readiness.ready).toBe('boolean');

    const votedA = dataOf(await call({ env, key: 'castVote', payload: { value: '5', issueKey: first }, as: onAgenda('ana') }));
    expect(votedA.myVote).toBe('5');
    dataOf(await call({ env, key: 'castVote', payload: { value: '8', issueKey: first }, as: onAgenda('raj') }));

    // Next: item B has a round of its own.
    const stepB = dataOf(await call({ env, key: 'getRoundFor', payload: { issueKey: second }, as: onAgenda('ana') }));
    expect(stepB.issue.key).toBe(second);
    expect(stepB.round).toMatchObject({ myVote: null, voterCount: 0, voters: [], revealed: false });
    const votedB = dataOf(await call({ env, key: 'castVote', payload: { value: '13', issueKey: second }, as: onAgenda('ana') }));
    expect(votedB).toMatchObject({ myVote: '13', voterCount: 1 });

    // Revealing B reveals B only.
    const revealedB = dataOf(await call({ env, key: 'revealVotes', payload: { issueKey: second }, as: onAgenda('ana') }));
    expect(revealedB.revealedVotes.map((vote) => vote.value)).toEqual(['13']);

    // Previous: A still has its two hidden votes and Ana's own 5; nothing of B leaked in.
    const backToA = dataOf(await call({ env, key: 'getRoundFor', payload: { issueKey: first }, as: onAgenda('ana') }));
    expect(backToA.round).toMatchObject({ myVote: '5', voterCount: 2, revealed: false, votes: [], revealedVotes: [] });

    // The issue panel of A sees the very same round the agenda built.
    const panelA = dataOf(await call({ env, key: 'getRound', as: { accountId: 'raj', issueKey: first } }));
    expect(panelA).toMatchObject({ myVote: '8', voterCount: 2 });
  });

  it('refuses an issue of another project the caller can see with FORBIDDEN, and stores nothing for it', async () => {
    const error = errorOf(await call({ env, key: 'castVote', payload: { value: '5', issueKey: 'TEAM-1' }, as: onAgenda('raj') }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('TEAM-1 is not an issue of DEMO');
    const teamId = env.jira.issueSnapshot('TEAM-1')?.id;
    expect(env.kvs.keys().filter((key) => typeof teamId === 'string' && key.includes(teamId))).toEqual([]);
  });

  it('answers NOT_FOUND to a person who may not see the issue, without saying whether it exists', async () => {
    const [first] = await agendaKeys(env);
    if (first === undefined) throw new Error('the demo agenda needs an item');
    // Raj cannot browse SEC at all.
    expect(errorOf(await call({ env, key: 'getRoundFor', payload: { issueKey: 'SEC-1' }, as: onAgenda('raj') })).code).toBe('NOT_FOUND');
    // A developer whose DEMO browse permission was taken away: Jira's permissions decide, not the agenda.
    const dev = env.sandbox.accountId('dev20');
    env.jira.setAccess(dev, 'DEMO', { browse: false, edit: false, admin: false });
    const hidden = errorOf(await call({ env, key: 'castVote', payload: { value: '3', issueKey: first }, as: onAgenda('dev20') }));
    expect(hidden.code).toBe('NOT_FOUND');
    const round = dataOf(await call({ env, key: 'getRoundFor', payload: { issueKey: first }, as: onAgenda('ana') }));
    expect(round.round.voterCount).toBe(0);
  });
});
