import { issueContext, projectContext } from '../../../src/resolvers/trusted-context';
import { BadRequestError } from '../../../src/usecases/errors';

/** The resolver context Forge hands an issue-panel invocation (trimmed to what matters). */
function anIssuePanelContext(overrides: Record<string, unknown> = {}, extension: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountId: '5b10a2844c20165700ede21g',
    cloudId: 'a436116f-02ce-4520-8fbb-7301462a1674',
    moduleKey: 'readiness-panel',
    localId: 'ari:cloud:ecosystem::extension/abc/def/static/readiness-panel',
    extension: {
      type: 'jira:issuePanel',
      issue: { id: '10042', key: 'DEMO-42', type: 'Story', typeId: '10001' },
      project: { id: '10000', key: 'DEMO', type: 'software' },
      ...extension,
    },
    ...overrides,
  };
}

function aProjectPageContext(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountId: '5b10a2844c20165700ede21g',
    extension: { type: 'jira:projectPage', project: { id: '10000', key: 'DEMO', type: 'software' } },
    ...overrides,
  };
}

const badRequest = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a BadRequestError, nothing was thrown');
};

describe('issueContext', () => {
  it('takes caller, issue and project from the context, and nothing else', () => {
    expect(issueContext(anIssuePanelContext())).toEqual({
      accountId: '5b10a2844c20165700ede21g',
      issue: { id: '10042', key: 'DEMO-42' },
      project: { id: '10000', key: 'DEMO' },
    });
  });

  it('turns numeric issue and project ids into strings', () => {
    const context = anIssuePanelContext({}, { issue: { id: 10042, key: 'DEMO-42' }, project: { id: 10000, key: 'DEMO' } });
    expect(issueContext(context)).toMatchObject({ issue: { id: '10042' }, project: { id: '10000' } });
  });

  it.each([
    ['no accountId (anonymous or app context)', anIssuePanelContext({ accountId: undefined })],
    ['an empty accountId', anIssuePanelContext({ accountId: '' })],
    ['no issue (a project page)', aProjectPageContext()],
    ['an issue without project', anIssuePanelContext({}, { project: undefined })],
    ['an issue without key', anIssuePanelContext({}, { issue: { id: '10042' } })],
    ['no extension at all', { accountId: '5b10a2844c20165700ede21g' }],
    ['no context', undefined],
    ['a string', 'DEMO-42'],
    ['an accountId of the wrong type', anIssuePanelContext({ accountId: 42 })],
  ])('rejects %s with a BadRequestError', (_name, context) => {
    const error = badRequest(() => issueContext(context));
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('tells the user why, without echoing the context', () => {
    expect(badRequest(() => issueContext(anIssuePanelContext({ accountId: undefined })))).toHaveProperty('message', 'This view needs a signed-in Jira user.');
    expect(badRequest(() => issueContext(aProjectPageContext()))).toHaveProperty('message', 'This view is not attached to an issue.');
  });

  // Regression: z.coerce.string() used to turn null into "null" and accept "".
  it.each([
    ['a null issue id', { issue: { id: null, key: 'DEMO-42' } }],
    ['an empty issue id', { issue: { id: '', key: 'DEMO-42' } }],
    ['an object as project id', { project: { id: { value: 1 }, key: 'DEMO' } }],
  ])('rejects %s', (_name, extension) => {
    expect(badRequest(() => issueContext(anIssuePanelContext({}, extension)))).toBeInstanceOf(BadRequestError);
  });
});

describe('projectContext', () => {
  it('takes caller and project from a project page context', () => {
    expect(projectContext(aProjectPageContext())).toEqual({ accountId: '5b10a2844c20165700ede21g', project: { id: '10000', key: 'DEMO' } });
  });

  it('also works inside an issue view, ignoring the issue', () => {
    expect(projectContext(anIssuePanelContext())).toEqual({ accountId: '5b10a2844c20165700ede21g', project: { id: '10000', key: 'DEMO' } });
  });

  it('turns a numeric project id into a string', () => {
    expect(projectContext(aProjectPageContext({ extension: { project: { id: 10000, key: 'DEMO' } } })).project.id).toBe('10000');
  });

  it.each([
    ['no accountId', aProjectPageContext({ accountId: undefined })],
    ['no project', aProjectPageContext({ extension: { type: 'jira:globalPage' } })],
    ['a project without key', aProjectPageContext({ extension: { project: { id: '10000' } } })],
    ['null', null],
  ])('rejects %s with a BadRequestError', (_name, context) => {
    expect(badRequest(() => projectContext(context))).toBeInstanceOf(BadRequestError);
  });
});
