/**
 * The indexed entity property `refinement-radar-readiness` (JQL readinessScore / readinessState /
 * readinessGap) follows the issues: link events, relevant edits and the daily rescore refresh it,
 * irrelevant edits and unchanged judgements write nothing.
 */
import { setupSandbox } from '../../support/sandbox-env';
import { callCount, ISSUE_GET, jqlKeys, PROPERTY_PUT } from '../resolvers/resolver-helpers';
import { readinessPropertyOf, readyStoryDescription } from './flag-helpers';
import { FIELD_IDS } from '../../../sandbox/jira/catalog';

/** POST reads: JQL search and bulk fetch; every other non-GET call changes something in Jira. */
const POST_READS = ['POST /rest/api/3/search/jql', 'POST /rest/api/3/issue/bulkfetch'];
/** The Jira calls that change something (property PUTs, issue edits, properties/multi, app/field/value, comments). */
const jiraWrites = (calls: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(calls).filter(([call, count]) => count > 0 && !call.startsWith('GET ') && !POST_READS.includes(call)));

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
    expect(before.gaps).toContain('acceptance-criteria');

    env.sandbox.resetCounters();
    env.jira.editIssue('DEMO-23', { description: readyStoryDescription() }, 'mei');
    await env.settle();
    const after = readinessPropertyOf(env, 'DEMO-23')!;
    expect(after.gaps).not.toContain('acceptance-criteria');
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

    // The DEMO horizon: the issues of the future sprints and the top of the backlog.
    for (const key of ['DEMO-7', 'DEMO-12', 'DEMO-5', 'DEMO-9']) expect(readinessPropertyOf(env, key)).not.toBeNull();
    expect(readinessPropertyOf(env, 'DEMO-7')).toMatchObject({ state: 'not-ready' });
    expect(readinessPropertyOf(env, 'DEMO-7')!.gaps.length).toBeGreaterThan(0);
    expect(jql('readinessState = "not-ready" AND key = DEMO-7')).toEqual(['DEMO-7']);
    // TEAM's team-managed (`simple`) board runs sprints, so its horizon is rescored too (TEAM-1 is done);
    // OPS works on a Kanban board: no horizon to rescore.
    expect(readinessPropertyOf(env, 'TEAM-4')).not.toBeNull();
    for (const key of ['TEAM-1', 'OPS-2']) expect(readinessPropertyOf(env, key)).toBeNull();
    // Closed work is not rescored.
    expect(readinessPropertyOf(env, 'DEMO-1')).toBeNull();

    // Each property holds the same judgement the panel shows, and the board-card field the same score.
    const scored = [...env.jira.site.issues.values()].filter((issue) => readinessPropertyOf(env, issue.key) !== null);
    expect(scored.length).toBeGreaterThan(5);
    for (const key of ['DEMO-7', 'DEMO-12', 'TEAM-4']) {
      const stored = readinessPropertyOf(env, key); // read before the panel opens: opening it may write too
      const answer = await env.invoke<{ ok: boolean; data: { score: number; ready: boolean } }>('getReadiness', {}, { accountId: 'ana', issueKey: key });
      expect(stored).toMatchObject({ score: answer.data.score, state: answer.data.ready ? 'ready' : 'not-ready' });
    }
    for (const issue of scored) expect(issue.custom[FIELD_IDS.readiness]).toBe(readinessPropertyOf(env, issue.key)!.score);

    // Bounded: bulk reads, no per-issue GETs of the issue itself; per issue at most one edit (labels,
    // Flagged, property) and one comment, everything else (properties, Readiness field) in bulk.
    expect(first[ISSUE_GET] ?? 0).toBe(0);
    const writes = jiraWrites(first);
    const edits = writes['PUT /rest/api/3/issue/{issueIdOrKey}'] ?? 0;
    const comments = writes['POST /rest/api/3/issue/{issueIdOrKey}/comment'] ?? 0;
    expect(edits).toBeLessThanOrEqual(scored.length);
    expect(comments).toBeLessThanOrEqual(edits);
    const bulkWrites = Object.values(writes).reduce((sum, count) => sum + count, 0) - edits - comments;
    expect(bulkWrites).toBeGreaterThan(0);
    expect(bulkWrites).toBeLessThan(scored.length / 2);

    // Nothing changed since: the second run judges again but leaves every value as it was and writes nothing.
    const values = new Map(scored.map((issue) => [issue.key, readinessPropertyOf(env, issue.key)]));
    env.sandbox.resetCounters();
    await env.sandbox.runScheduled('rescore-daily');
    expect(jiraWrites(env.sandbox.jiraCalls())).toEqual({});
    for (const issue of scored) expect(readinessPropertyOf(env, issue.key)).toEqual(values.get(issue.key));
    expect(env.kvs.keys()).not.toContain('rescore:cursor');
  });
});
