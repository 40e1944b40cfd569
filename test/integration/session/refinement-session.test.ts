/**
 * A full refinement session over the sandbox agenda (issue 15) through the real resolvers:
 * questions the day before, three items walked with votes from three people, outcomes recorded,
 * then exactly one comment per discussed item, "Team has discussed it" ticked, carry-over and summary.
 */
import { z } from 'zod';
import type { SessionView } from '../../../src/contract';
import { setupSandbox, type SandboxEnv } from '../../support/sandbox-env';
import { call, dataOf, errorOf, readinessOf } from '../resolvers/resolver-helpers';

const onAgenda = (accountId: string) => ({ accountId, projectKey: 'DEMO' });

/** A comment as the sandbox stores it: only what the assertions read, parsed (never cast). */
const commentSchema = z.looseObject({ author: z.looseObject({ accountId: z.string() }), body: z.unknown() });
type CommentView = z.infer<typeof commentSchema>;
function commentsOf(env: SandboxEnv, key: string): CommentView[] {
  const fields = env.jira.issueSnapshot(key)?.fields;
  const holder = fields && typeof fields === 'object' && 'comment' in fields ? fields.comment : null;
  const comments = holder && typeof holder === 'object' && 'comments' in holder && Array.isArray(holder.comments) ? holder.comments : [];
  return z.array(commentSchema).parse(comments);
}

async function session(env: SandboxEnv, as: string): Promise<SessionView> {
  return dataOf(await call({ env, key: 'getSession', as: onAgenda(as) }));
}

describe('a refinement session, end to end', () => {
  const env = setupSandbox();

  it('runs the whole session and writes each outcome back once', async () => {
    const agenda = dataOf(await call({ env, key: 'getAgenda', as: onAgenda('ana') }));
    const keys = agenda.items.map((item) => item.issueKey);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    const [first, second, third] = keys as [string, string, string];
    const raj = { accountId: env.sandbox.accountId('raj'), displayName: 'Raj Patel' };

    // The day before: questions from the agenda and from the issue panel.
    const asked = dataOf(await call({ env, key: 'addQuestion', payload: { issueKey: first, text: 'Which payment providers are in scope?', owner: raj, due: '2026-12-10' }, as: onAgenda('mei') }));
    expect(asked).toMatchObject({ issueKey: first, owner: raj, answer: null });
    dataOf(await call({ env, key: 'addQuestion', payload: { text: 'Do we need an audit log?' }, as: { accountId: 'tom', issueKey: second } }));
    const unknowns = (await readinessOf({ env, key: first })).criteria.find((criterion) => criterion.id === 'unknowns');
    expect(unknowns).toMatchObject({ status: 'fail' });
    expect(unknowns?.detail).toContain('1 open question');

    // Ana facilitates; the others follow.
    const started = dataOf(await call({ env, key: 'startSession', as: onAgenda('ana') }));
    expect(started.isFacilitator).toBe(true);
    expect(started.session?.items.slice(0, 3).map((item) => item.issueKey)).toEqual([first, second, third]);
    expect(started.questions.filter((question) => question.answer === null)).toHaveLength(2);
    const follower = await session(env, 'raj');
    expect(follower).toMatchObject({ isFacilitator: false, session: { currentIndex: 0 } });

    // Nobody takes over silently: a participant's step is refused, and so is a takeover without confirmation.
    expect(errorOf(await call({ env, key: 'sessionAction', payload: { version: follower.session?.version, action: { type: 'next' } }, as: onAgenda('raj') })).code).toBe('FORBIDDEN');
    expect(errorOf(await call({ env, key: 'takeOverSession', payload: { version: follower.session?.version, confirm: false }, as: onAgenda('raj') })).code).toBe('BAD_REQUEST');

    const outcomes = ['ready', 'split', 'spike'] as const;
    let version = started.session?.version ?? 0;
    for (const [index, key] of [first, second, third].entries()) {
      for (const [voter, value] of [['ana', '3'], ['raj', '5'], ['mei', '5']] as const) {
        dataOf(await call({ env, key: 'castVote', payload: { value, issueKey: key }, as: onAgenda(voter) }));
      }
      expect(dataOf(await call({ env, key: 'revealVotes', payload: { issueKey: key }, as: onAgenda('ana') })).revealedVotes).toHaveLength(3);
      if (outcomes[index] === 'ready') {
        for (const [who, value] of [['raj', 4], ['mei', 5]] as const) dataOf(await call({ env, key: 'giveConfidence', payload: { value }, as: onAgenda(who) }));
        version = (await session(env, 'ana')).session?.version ?? 0;
      }
      const recorded = dataOf(await call({ env, key: 'sessionAction', payload: { version, action: { type: 'record', outcome: outcomes[index], decisions: [`Decision on ${key}`] } }, as: onAgenda('ana') }));
      // A step against a version the facilitator no longer shows is refused, never applied blindly.
      expect(errorOf(await call({ env, key: 'sessionAction', payload: { version, action: { type: 'next' } }, as: onAgenda('ana') })).code).toBe('CONFLICT');
      const moved = dataOf(await call({ env, key: 'sessionAction', payload: { version: recorded.session?.version, action: { type: 'next' } }, as: onAgenda('ana') }));
      version = moved.session?.version ?? 0;
    }

    // The facilitator closes the browser and comes back: the session continues where it stopped.
    const resumed = await session(env, 'ana');
    expect(resumed.session).toMatchObject({ currentIndex: 3, version, status: 'running' });
    expect(resumed.isFacilitator).toBe(true);

    const ended = dataOf(await call({ env, key: 'endSession', payload: { version }, as: onAgenda('ana') }));
    expect(ended.session?.status).toBe('ended');
    expect(ended.session?.writeBack).toEqual([first, second, third].map((issueKey) => ({ issueKey, comment: 'posted', ticked: true })));
    // Ending again (a retry, a second tab) posts nothing twice.
    dataOf(await call({ env, key: 'endSession', payload: { version }, as: onAgenda('ana') }));

    for (const [index, key] of [first, second, third].entries()) {
      const comments = commentsOf(env, key).filter((comment) => JSON.stringify(comment.body).includes('Refinement session 1'));
      expect(comments).toHaveLength(1);
      expect(comments[0]?.author.accountId).toBe(env.sandbox.accountId('ana'));
      expect(JSON.stringify(comments[0]?.body)).toContain(['Ready', 'Split', 'Spike needed'][index]);
      const discussed = (await readinessOf({ env, key })).criteria.find((criterion) => criterion.id === 'manual:team-discussed');
      expect(discussed?.status).toBe('pass');
    }
    expect(JSON.stringify(commentsOf(env, first).at(-1)?.body)).toContain(JSON.stringify({ type: 'mention', attrs: { id: raj.accountId, text: '@Raj Patel' } }).slice(1, -1));

    const rest = keys.slice(3, ended.session?.items.length);
    expect(ended.carryOver).toEqual(rest);
    expect(ended.summaryMarkdown).toContain('| Ready |');
    expect(ended.summaryMarkdown).toContain('owner: Raj Patel');
    expect(ended.summaryMarkdown).toContain('### Carried over to the next session');

    // The next session opens with what was not reached.
    const next = dataOf(await call({ env, key: 'startSession', as: onAgenda('ana') }));
    expect(next.session?.number).toBe(2);
    expect(next.session?.items.slice(0, rest.length).map((item) => item.issueKey)).toEqual(rest);
    expect(next.history.map((row) => row.number)).toEqual([2, 1]);

    // Taking over needs the explicit, confirmed action.
    const taken = dataOf(await call({ env, key: 'takeOverSession', payload: { version: next.session?.version, confirm: true }, as: onAgenda('raj') }));
    expect(taken.session?.facilitator.displayName).toBe('Raj Patel');
    expect((await session(env, 'ana')).isFacilitator).toBe(false);
  });
});
