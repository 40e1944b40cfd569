/**
 * The session and its questions are stored per project, but each is about an issue with its own
 * Jira permissions. A person who may not browse an issue must not learn its key, its summary or
 * the questions about it from any answer: not from getSession (agenda page), not from
 * getQuestions (issue panel, its own issue only).
 */
import { setupSandbox } from '../../support/sandbox-env';
import { call, dataOf, errorOf } from '../resolvers/resolver-helpers';

const onAgenda = (accountId: string) => ({ accountId, projectKey: 'DEMO' });
const QUESTION = 'Which payment providers are in scope?';
const OTHER_QUESTION = 'Do we need an audit log?';

describe('session privacy', () => {
  const env = setupSandbox();

  it('shows neither the questions nor the keys of issues the caller cannot browse', async () => {
    const agenda = dataOf(await call({ env, key: 'getAgenda', as: onAgenda('ana') }));
    const [first, second] = agenda.items.map((item) => item.issueKey) as [string, string];
    dataOf(await call({ env, key: 'addQuestion', payload: { issueKey: first, text: QUESTION }, as: onAgenda('mei') }));
    dataOf(await call({ env, key: 'addQuestion', payload: { text: OTHER_QUESTION }, as: { accountId: 'tom', issueKey: second } }));
    const started = dataOf(await call({ env, key: 'startSession', as: onAgenda('ana') }));
    const keys = started.session?.items.map((item) => item.issueKey) ?? [];
    const summaries = started.session?.items.map((item) => item.summary) ?? [];
    expect(keys).toEqual(expect.arrayContaining([first, second]));

    // The issue panel answers with its own issue's questions only, whatever the payload names.
    const panel = dataOf(await call({ env, key: 'getQuestions', payload: { issueKey: first }, as: { accountId: 'raj', issueKey: second } }));
    expect(panel.questions.map((question) => question.text)).toEqual([OTHER_QUESTION]);
    expect(JSON.stringify(panel)).not.toContain(first);

    // Someone who can browse DEMO sees everything (so the checks below can fail).
    const visible = JSON.stringify(await call({ env, key: 'getSession', as: onAgenda('raj') }));
    expect(visible).toContain(QUESTION);
    expect(visible).toContain(first);

    // dev20 loses browse permission on DEMO: Jira's permissions decide, not the stored session.
    env.jira.setAccess(env.sandbox.accountId('dev20'), 'DEMO', { browse: false, edit: false, admin: false });
    const running = await call({ env, key: 'getSession', as: onAgenda('dev20') });
    const hiddenView = dataOf(running);
    expect(hiddenView.session?.items).toHaveLength(keys.length);
    expect(hiddenView.session?.items.every((item) => item.hidden === true)).toBe(true);
    expect(hiddenView.questions).toEqual([]);

    let version = started.session?.version ?? 0;
    version = dataOf(await call({ env, key: 'sessionAction', payload: { version, action: { type: 'record', outcome: 'ready', decisions: ['Decided'] } }, as: onAgenda('ana') })).session?.version ?? 0;
    const ended = dataOf(await call({ env, key: 'endSession', payload: { version }, as: onAgenda('ana') }));
    expect(ended.summaryMarkdown).toContain(first);

    const hiddenPanel = await call({ env, key: 'getQuestions', as: { accountId: 'dev20', issueKey: first } });
    expect(errorOf(hiddenPanel).code).toBe('NOT_FOUND');
    const answers: unknown[] = [
      hiddenPanel,
      running,
      await call({ env, key: 'getSession', as: onAgenda('dev20') }),
      await call({ env, key: 'getSession', payload: { number: 1 }, as: onAgenda('dev20') }),
    ];
    for (const answer of answers) {
      const raw = JSON.stringify(answer);
      for (const key of keys) expect(raw).not.toContain(`"${key}"`);
      for (const key of keys) expect(raw).not.toMatch(new RegExp(`\\b${key}\\b`));
      for (const summary of summaries) expect(raw).not.toContain(summary);
      expect(raw).not.toContain(QUESTION);
      expect(raw).not.toContain(OTHER_QUESTION);
      expect(raw).not.toContain('Decided');
    }
  });

  it('refuses an answer from someone who cannot browse the question\'s issue, and leaves the question as it was', async () => {
    const agenda = dataOf(await call({ env, key: 'getAgenda', as: onAgenda('ana') }));
    const [first] = agenda.items.map((item) => item.issueKey) as [string];
    const asked = dataOf(await call({ env, key: 'addQuestion', payload: { issueKey: first, text: QUESTION }, as: onAgenda('mei') }));

    env.jira.setAccess(env.sandbox.accountId('dev20'), 'DEMO', { browse: false, edit: false, admin: false });
    const refused = await call({ env, key: 'answerQuestion', payload: { questionId: asked.id, text: 'Cards only.' }, as: onAgenda('dev20') });
    expect(errorOf(refused).code).toBe('NOT_FOUND');
    expect(JSON.stringify(refused)).not.toContain(first);
    expect(JSON.stringify(refused)).not.toContain(QUESTION);

    const panel = dataOf(await call({ env, key: 'getQuestions', as: { accountId: 'raj', issueKey: first } }));
    expect(panel.questions.find((question) => question.id === asked.id)?.answer).toBeNull();

    // Someone who may browse it can answer (so the refusal above is about permission, not the payload).
    const answered = dataOf(await call({ env, key: 'answerQuestion', payload: { questionId: asked.id, text: 'Cards only.' }, as: onAgenda('raj') }));
    expect(answered.answer?.text).toBe('Cards only.');
  });
});
