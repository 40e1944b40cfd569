/**
 * The issue context's `dynamicProperties` function (`readiness-badge-status` → readinessBadgeStatus),
 * called the way the docs say Jira calls it: a plain function `(payload, context)` with the payload of
 * manifest-reference/modules/jira-issue-context "Dynamic properties" and the context of
 * function-reference/arguments. The answer must be the documented status, from at most one Jira read.
 */
import { z } from 'zod';
import { dynamicPropertiesPayload } from '../../../sandbox/forge/forge-context';
import { findIssue, issueTypeOf } from '../../../sandbox/jira/site';
import { setupSandbox } from '../../support/sandbox-env';
import { call, dataOf, DEMO_PROJECT_ID, judged } from '../resolvers/resolver-helpers';

const FUNCTION_KEY = 'readiness-badge-status';
const PROPERTY_GET = 'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}';

/**
 * What Jira accepts back, written from manifest-reference/modules/jira-issue-context: "The handler
 * function should return … a plain JavaScript object with `status` as key", with the fields of
 * "Status properties" and "Status value properties".
 */
const documentedAnswer = z.strictObject({
  status: z.strictObject({
    type: z.enum(['badge', 'lozenge', 'icon']),
    value: z.strictObject({
      label: z.string().min(1),
      url: z.string().optional(),
      type: z.enum(['default', 'inprogress', 'moved', 'new', 'removed', 'success']).optional(),
    }),
  }),
});

describe('readiness badge status (jira:issueContext dynamicProperties)', () => {
  const env = setupSandbox();

  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  /**
   * manifest-reference/modules/jira-issue-context, "Dynamic properties", `interface Payload`:
   * `{ cloudId, extension: { type: "jira:issueContext", issue: { id, type, key, typeId }, project: { id, type, key } } }`.
   * Ids and types are the seeded site's.
   */
  function documentedPayload(issueKey: string) {
    const issue = findIssue(env.jira.site, issueKey);
    if (!issue) throw new Error(`No issue ${issueKey}`);
    const type = issueTypeOf(issue);
    const project = env.jira.site.projects.get(issue.projectKey);
    if (!project) throw new Error(`No project ${issue.projectKey}`);
    return {
      cloudId: env.sandbox.cloudId,
      extension: {
        type: 'jira:issueContext',
        issue: { id: issue.id, type: type.name, key: issue.key, typeId: type.id },
        project: { id: project.id, type: 'software', key: project.key },
      },
    };
  }

  async function statusFor(params: { issueKey: string; as?: string; payload?: unknown }) {
    env.sandbox.resetCounters();
    const answer = await env.sandbox.invokeFunction(FUNCTION_KEY, params.payload ?? documentedPayload(params.issueKey), params.as === undefined ? {} : { accountId: params.as });
    return { answer: documentedAnswer.parse(answer), jiraCalls: env.sandbox.jiraCalls() };
  }

  async function scoreAs(params: { issueKey: string; as: string }) {
    const readiness = judged(dataOf(await call({ env, key: 'getReadiness', as: { accountId: params.as, issueKey: params.issueKey } })));
    await env.settle();
    return readiness;
  }

  it('is the sandbox’s issue context function, and the sandbox sends exactly the documented payload', () => {
    const module = env.sandbox.manifest.uiModules.find((candidate) => candidate.key === 'readiness-badge');
    expect(module?.dynamicProperties).toEqual({ functionKey: FUNCTION_KEY, exportName: 'readinessBadgeStatus' });
    const frame = { moduleKey: 'readiness-badge', moduleType: 'jira:issueContext' as const, accountId: env.sandbox.accountId('ana'), issueKey: 'DEMO-5' };
    expect(dynamicPropertiesPayload({ site: env.jira.site, frame })).toEqual(documentedPayload('DEMO-5'));
    expect(documentedPayload('DEMO-5').extension.project.id).toBe(DEMO_PROJECT_ID);
  });

  it('shows a scored ready issue as "Ready NN" (success) with one Jira request', async () => {
    const readiness = await scoreAs({ issueKey: 'DEMO-5', as: 'ana' });
    expect(readiness.ready).toBe(true);
    const { answer, jiraCalls } = await statusFor({ issueKey: 'DEMO-5', as: 'raj' });
    expect(answer).toEqual({ status: { type: 'lozenge', value: { label: `Ready ${Math.round(readiness.score)}`, type: 'success' } } });
    expect(jiraCalls).toEqual({ [PROPERTY_GET]: 1 });
  });

  it('shows a scored vague issue as "Not ready NN" (removed) with one Jira request', async () => {
    const readiness = await scoreAs({ issueKey: 'DEMO-7', as: 'ana' });
    expect(readiness.ready).toBe(false);
    const { answer, jiraCalls } = await statusFor({ issueKey: 'DEMO-7', as: 'ana' });
    expect(answer).toEqual({ status: { type: 'lozenge', value: { label: `Not ready ${Math.round(readiness.score)}`, type: 'removed' } } });
    expect(jiraCalls).toEqual({ [PROPERTY_GET]: 1 });
  });

  it('shows a never-scored issue as a neutral "Open to score" and does not score it (one request)', async () => {
    const key = 'DEMO-13';
    expect(env.jira.issueSnapshot(key)?.properties).toEqual({});
    const { answer, jiraCalls } = await statusFor({ issueKey: key, as: 'ana' });
    expect(answer).toEqual({ status: { type: 'lozenge', value: { label: 'Open to score', type: 'default' } } });
    expect(jiraCalls).toEqual({ [PROPERTY_GET]: 1 });
    expect(env.jira.issueSnapshot(key)?.properties).toEqual({});
  });

  it('reads as the viewer: someone who cannot browse the issue learns nothing about its score', async () => {
    const readiness = await scoreAs({ issueKey: 'SEC-1', as: 'ana' });
    const seen = await statusFor({ issueKey: 'SEC-1', as: 'ana' });
    expect(seen.answer.status.value.label).toBe(`${readiness.ready ? 'Ready' : 'Not ready'} ${Math.round(readiness.score)}`);

    const hidden = await statusFor({ issueKey: 'SEC-1', as: 'tom' });
    expect(hidden.answer.status.value).toEqual({ label: 'Open to score', type: 'default' });
    expect(hidden.jiraCalls).toEqual({ [PROPERTY_GET]: 1 });
  });

  it.each([
    ['a 500', { serverError: { status: 500 as const, count: 1, pathPattern: /\/properties\// } }],
    ['a 429', { rateLimit: { every: 1, retryAfterSeconds: 1, pathPattern: /\/properties\// } }],
  ])('answers a neutral "Unavailable" on %s, without retrying and without throwing', async (_name, fault) => {
    await scoreAs({ issueKey: 'DEMO-5', as: 'ana' });
    env.faults.set(fault);
    const { answer, jiraCalls } = await statusFor({ issueKey: 'DEMO-5', as: 'ana' });
    expect(answer).toEqual({ status: { type: 'lozenge', value: { label: 'Unavailable', type: 'default' } } });
    expect(jiraCalls).toEqual({ [PROPERTY_GET]: 1 });
  });

  it('answers "Unavailable" without any Jira request when there is no user to read as', async () => {
    const { answer, jiraCalls } = await statusFor({ issueKey: 'DEMO-5' });
    expect(answer.status.value).toEqual({ label: 'Unavailable', type: 'default' });
    expect(jiraCalls).toEqual({});
  });

  it.each([
    ['no payload', undefined],
    ['no issue', { cloudId: 'x', extension: { type: 'jira:issueContext' } }],
    ['an issue without an id', { cloudId: 'x', extension: { type: 'jira:issueContext', issue: { key: 'DEMO-5' } } }],
    ['a string', 'DEMO-5'],
  ])('answers "Unavailable" without any Jira request for a payload with %s', async (_name, payload) => {
    env.sandbox.resetCounters();
    const answer = documentedAnswer.parse(await env.sandbox.invokeFunction(FUNCTION_KEY, payload, { accountId: 'ana' }));
    expect(answer.status.value).toEqual({ label: 'Unavailable', type: 'default' });
    expect(env.sandbox.jiraCalls()).toEqual({});
  });

  it('is what the sandbox shows for a collapsed panel', async () => {
    const readiness = await scoreAs({ issueKey: 'DEMO-5', as: 'ana' });
    const shown = documentedAnswer.parse(await env.sandbox.dynamicProperties({ issueKey: 'DEMO-5', accountId: 'mei' }));
    expect(shown.status.value.label).toBe(`Ready ${Math.round(readiness.score)}`);
  });
});
