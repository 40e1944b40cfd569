/**
 * The issue context as Jira shows it: a "Readiness" row whose lozenge comes from the module's
 * dynamicProperties function (first render, and again on every collapse), and the badge app when
 * expanded. The harness fails any test with a CSP violation or console error in any frame.
 */
import type { Envelope, IssueReadiness, JudgedReadiness } from '../../src/contract';
import { eventually, expectText, setupE2e, type WatchedPage } from './support/browser';

jest.setTimeout(60_000);

const env = setupE2e();

/** Scores the issue through the real resolver, which also stores the property the status reads. */
async function scored(issueKey: string): Promise<JudgedReadiness> {
  const result = await env.sandbox.invoke<Envelope<IssueReadiness>>('getReadiness', {}, { accountId: 'ana', issueKey });
  if (!result.ok) throw new Error(`getReadiness ${issueKey}: ${result.error.message}`);
  if (result.data.status !== 'judged') throw new Error(`${issueKey} is excluded from the Definition of Ready`);
  return result.data;
}

function issueContext(ui: WatchedPage) {
  const panel = ui.page.getByTestId('context-readiness-badge');
  return {
    panel,
    row: panel.locator('summary'),
    status: ui.page.getByTestId('context-status-readiness-badge'),
    frame: ui.page.locator('iframe[src*="/ui/issue-badge/"]'),
    isOpen: () => panel.evaluate((element) => element instanceof HTMLDetailsElement && element.open),
    /** How often the host has called the dynamicProperties function, and whether an answer is pending. */
    requests: async () => ({ sent: await panel.getAttribute('data-status-requests'), loading: await panel.getAttribute('data-status-loading') }),
  };
}

describe('issue context status (dynamicProperties)', () => {
  it('collapsed, the Readiness row shows "Ready NN" for a ready story; expanded, the badge app', async () => {
    const readiness = await scored('DEMO-5');
    expect(readiness.ready).toBe(true);
    const score = Math.round(readiness.score);
    const ui = await env.open('/browse/DEMO-5?as=ana');
    const context = issueContext(ui);
    await expectText(context.row, 'Readiness');
    await expectText(context.status, `Ready ${score}`);
    expect(await context.isOpen()).toBe(true);
    await eventually(context.requests, { sent: '1', loading: 'false' });

    // Collapsing makes Jira call the dynamicProperties function again.
    await context.row.click();
    await eventually(context.isOpen, false);
    await eventually(context.requests, { sent: '2', loading: 'false' });
    await expectText(context.status, `Ready ${score}`);
    expect(await context.status.locator('.lozenge').getAttribute('class')).toBe('lozenge lozenge-success');
    expect(await context.status.isVisible()).toBe(true);
    expect(await context.frame.isVisible()).toBe(false);
    await ui.shot('issue-context-collapsed-ready', { around: context.panel });

    // Expanding shows the app and asks for no status.
    await context.row.click();
    await context.frame.waitFor({ state: 'visible' });
    expect(await context.requests()).toEqual({ sent: '2', loading: 'false' });
    await eventually(() => ui.app('issue-badge').getByTestId('readiness-badge').getAttribute('data-score'), String(score));
  });

  it('shows "Not ready NN" for a vague story from the first render, in the dark theme, and by keyboard', async () => {
    const readiness = await scored('DEMO-7');
    expect(readiness.ready).toBe(false);
    const ui = await env.open('/browse/DEMO-7?as=raj&theme=dark');
    const context = issueContext(ui);
    await expectText(context.status, `Not ready ${Math.round(readiness.score)}`);
    expect(await context.status.locator('.lozenge').getAttribute('class')).toBe('lozenge lozenge-removed');

    await context.row.focus();
    await ui.page.keyboard.press('Enter');
    await eventually(context.isOpen, false);
    await eventually(context.requests, { sent: '2', loading: 'false' });
    await expectText(context.status, `Not ready ${Math.round(readiness.score)}`);
    await ui.shot('issue-context-collapsed-not-ready-dark', { around: context.panel });
  });

  it('on the first view of a never-scored issue the row invites to open it, never "Not scored" above a scored badge; the next collapse shows the score', async () => {
    expect(env.sandbox.jira.issueSnapshot('DEMO-13')?.properties).toEqual({});
    const ui = await env.open('/browse/DEMO-13?as=ana');
    const context = issueContext(ui);
    await eventually(context.requests, { sent: '1', loading: 'false' });
    await expectText(context.status, 'Open to score');
    expect(await context.status.textContent()).not.toContain('Not scored');
    expect(await context.status.locator('.lozenge').getAttribute('class')).toBe('lozenge lozenge-default');
    // The panel's first view scores the issue and stores the property; Jira asks again only on collapse.
    const badge = ui.app('issue-badge').getByTestId('readiness-badge');
    await badge.waitFor();
    const score = await badge.getAttribute('data-score');
    const stored = () => Promise.resolve(Object.keys(env.sandbox.jira.issueSnapshot('DEMO-13')?.properties ?? {}).length > 0);
    await eventually(stored, true);
    await context.row.click();
    await eventually(context.requests, { sent: '2', loading: 'false' });
    await expectText(context.status, ` ${score ?? '(no score)'}`);
  });
});
