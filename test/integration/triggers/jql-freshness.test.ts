/**
 * The indexed entity property `refinement-radar-readiness` (JQL readinessScore / readinessState /
 * readinessGap) follows the issues: link events, relevant edits and the daily rescore refresh it,
 * irrelevant edits and unchanged judgements write nothing.
 */
import { setupSandbox } from '../../support/sandbox-env';
import { callCount, ISSUE_GET, jqlKeys, PROPERTY_PUT } from '../resolvers/resolver-helpers';
import { readinessPropertyOf, readyStoryDescription } from './flag-helpers';

describe('JQL freshness of the readiness property', () => {
  const env = setupSandbox({ freshPerTest: true });

  beforeEach(() => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  const propertyPuts = () => callCount({ env, template: PROPERTY_PUT });
  /** Keys JQL finds as the app (the emulator evaluates the entity-property aliases). */
  const jql = (query: string): string[] => jqlKeys({ env, jql: query });

  it('a created Blocks link adds the dependency gap, and deleting it takes the gap away again', async () => {
    // DEMO-36 is ready and blocked by nothing; opening its panel writes its property.
    await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-36' });
    expect(readinessPropertyOf(env, 'DEMO-36')).toMatchObject({ state: 'ready' });
    expect(readinessPropertyOf(env, 'DEMO-36')!.gaps).not.toContain('dependencies');

    const link = env.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
    await env.settle();
    const blocked = readinessPropertyOf(env, 'DEMO-36')!;
    expect(blocked.gaps).toContain('dependencies');
    expect(jql('readinessGap = "dependencies" AND key = DEMO-36')).toEqual(['DEMO-36']);
    // The blocker's own property was refreshed too (both ends of the link).
    expect(readinessPropertyOf(env, 'DEMO-14')).not.toBeNull();

    env.jira.deleteLink(link.id, 'ana');
    await env.settle();
    expect(readinessPropertyOf(env, 'DEMO-36')!.gaps).not.toContain('dependencies');
    expect(readinessPropertyOf(env, 'DEMO-36')!.score).toBeGreaterThan(blocked.score);
    expect(jql('readinessGap = "dependencies" AND key = DEMO-36')).toEqual([]);
    expect(env.sandbox.deliveredEvents.filter((entry) => entry.functionKey === 'on-issue-link-changed').map((entry) => entry.ok)).toEqual([true, true]);
  });

  it('an edit of the description refreshes the property', async () => {
    await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-23' });
    const before = readinessPropertyOf(env, 'DEMO-23')!;
    expect(before.gaps).toEqual(expect.arrayContaining(['story-format', 'acceptance-criteria']));

    env.sandbox.resetCounters();
    env.jira.editIssue('DEMO-23', { description: readyStoryDescription() }, 'mei');
    await env.settle();
    const after = readinessPropertyOf(env, 'DEMO-23')!;
    expect(after.gaps).not.toContain('story-format');
    expect(after.gaps).not.toContain('acceptance-criteria');
    expect(after.score).toBeGreaterThan(before.score);
    expect(propertyPuts()).toBe(1);
    expect(jql('readinessScore >= 80 AND key = DEMO-23')).toEqual(after.score >= 80 ? ['DEMO-23'] : []);
  });

  it('an edit that touches nothing the judgement reads writes nothing', async () => {
    await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-23' });
    env.sandbox.resetCounters();
    env.jira.editIssue('DEMO-23', { assignee: 'raj' }, 'mei');
    env.jira.rankIssue('DEMO-23', { before: 'DEMO-9' }, 'mei');
    await env.settle();
    expect(env.sandbox.deliveredEvents.filter((entry) => entry.event.eventType === 'avi:jira:updated:issue').map((entry) => entry.ok)).toEqual([true, true]);
    expect(propertyPuts()).toBe(0);
    expect(env.sandbox.jiraCalls()['PUT /rest/api/3/issue/{issueIdOrKey}'] ?? 0).toBe(0);
  });

  it('the same judgement is not written twice (a relevant edit that changes nothing)', async () => {
    await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-23' });
    env.sandbox.resetCounters();
    env.jira.editIssue('DEMO-23', { summary: `${env.jira.site.issues.get('DEMO-23')!.summary} ` }, 'mei');
    await env.settle();
    // The edit was judged again (the issue was read)…
    expect(env.sandbox.deliveredEvents.map((entry) => entry.ok)).toEqual([true]);
    expect(callCount({ env, template: ISSUE_GET })).toBeGreaterThan(0);
    // …and the unchanged judgement was not written.
    expect(propertyPuts()).toBe(0);
  });

  it('the daily rescore writes the DEMO horizon within bounds, and a second run writes nothing new', async () => {
    env.sandbox.resetCounters();
    await env.sandbox.runScheduled('rescore-daily');
    const first = env.sandbox.jiraCalls();
    const written = first[PROPERTY_PUT] ?? 0;
    expect(written).toBeGreaterThan(5);

    // The DEMO horizon: the issues of the future sprints and the top of the backlog.
    for (const key of ['DEMO-7', 'DEMO-12', 'DEMO-5', 'DEMO-9']) expect(readinessPropertyOf(env, key)).not.toBeNull();
    expect(readinessPropertyOf(env, 'DEMO-7')).toMatchObject({ state: 'not-ready' });
    expect(jql('readinessState = "not-ready" AND key = DEMO-7')).toEqual(['DEMO-7']);
    // TEAM's only board is a simple (kanban-like) board, so no TEAM issue has a horizon to rescore.
    for (const key of ['TEAM-1', 'TEAM-4']) expect(readinessPropertyOf(env, key)).toBeNull();
    // Closed work is not rescored.
    expect(readinessPropertyOf(env, 'DEMO-1')).toBeNull();

    // Bounded: bulk reads, no per-issue GETs of the issue itself, one write per written issue at most.
    const total = Object.values(first).reduce((sum, count) => sum + count, 0);
    expect(first[ISSUE_GET] ?? 0).toBe(0);
    expect(total).toBeLessThan(written * 2 + 30);

    env.sandbox.resetCounters();
    await env.sandbox.runScheduled('rescore-daily');
    expect(propertyPuts()).toBe(0);
    expect(env.kvs.keys()).not.toContain('rescore:cursor');
  });
});
