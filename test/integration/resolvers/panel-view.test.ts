/**
 * One view of an issue: the panel's one `getReadiness` call brings the judgement, the round and the
 * questions; the badge reads only the stored property (and shows the panel's judgement from the
 * bridge when the panel is open). Counted here: resolver invocations and Jira calls per view.
 */
import type { ReadinessProperty } from '../../../src/contract';
import { setupSandbox } from '../../support/sandbox-env';
import { call, dataOf } from './resolver-helpers';

const PANEL = { accountId: 'ana', issueKey: 'DEMO-9' };
const BADGE = { ...PANEL, moduleKey: 'readiness-badge' };

describe('one view of an issue', () => {
  const env = setupSandbox();

  it('fills the panel with one invocation: judgement, round and questions from one issue read', async () => {
    // A first view warms the field and board caches and stores the property, as any earlier view would.
    dataOf(await call({ env, key: 'getReadiness', as: PANEL }));
    env.sandbox.resetCounters();

    const view = dataOf(await call({ env, key: 'getReadiness', as: PANEL }));
    const stored = dataOf(await call({ env, key: 'getStoredReadiness', as: BADGE }));

    expect(view.issueKey).toBe('DEMO-9');
    expect(view.round).toEqual(dataOf(await call({ env, key: 'getRound', as: PANEL })));
    expect(view.questions).toEqual(dataOf(await call({ env, key: 'getQuestions', as: PANEL })));
    const property: ReadinessProperty | null = stored.property;
    expect(stored.issueKey).toBe('DEMO-9');
    expect(property).toMatchObject({ score: view.score, state: view.ready ? 'ready' : 'not-ready' });
  });

  it('costs the panel one issue GET and the badge one property GET, nothing else, on a warm view', async () => {
    dataOf(await call({ env, key: 'getReadiness', as: PANEL }));
    env.sandbox.resetCounters();

    dataOf(await call({ env, key: 'getReadiness', as: PANEL }));
    expect(env.sandbox.jiraCalls()).toEqual({ 'GET /rest/api/3/issue/{issueIdOrKey}': 1 });

    env.sandbox.resetCounters();
    dataOf(await call({ env, key: 'getStoredReadiness', as: BADGE }));
    expect(env.sandbox.jiraCalls()).toEqual({ [`GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`]: 1 });
  });

  it('tells the badge nothing is stored for an issue never judged', async () => {
    const fresh = dataOf(await call({ env, key: 'getStoredReadiness', as: { accountId: 'ana', issueKey: 'DEMO-13', moduleKey: 'readiness-badge' } }));
    expect(fresh).toEqual({ issueKey: 'DEMO-13', property: null });
  });
});
