/**
 * The readiness panel (getReadiness, setChecklistItem) through the app's real resolver against
 * the seeded sandbox: what a person looking at an issue is told, and what is stored for it.
 */
import type { CriterionStatus, IssueReadiness, ReadinessProperty } from '../../../src/contract';
import { setupSandbox } from '../../support/sandbox-env';
import {
  asObject,
  call,
  callCount,
  dataOf,
  errorOf,
  issueIdOf,
  jqlKeys,
  judged,
  kvsKeys,
  PROPERTY_PUT,
  READINESS_PROPERTY,
  readinessOf,
  snapshotOf,
} from './resolver-helpers';

const STATUS_ORDER: Record<CriterionStatus, number> = { fail: 0, warn: 1, consider: 2, pass: 3, skip: 4 };

function criterion(result: IssueReadiness, id: string) {
  const found = result.criteria.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${result.issueKey} has no criterion ${id}: ${result.criteria.map((c) => c.id).join(', ')}`);
  return found;
}

describe('getReadiness on the seeded demo issues', () => {
  const env = setupSandbox();

  it('judges the ready story DEMO-5 ready, quoting its Given/When/Then scenarios', async () => {
    const result = await readinessOf({ env, key: 'DEMO-5' });
    expect(result).toMatchObject({ issueKey: 'DEMO-5', ready: true, excluded: false, estimate: 5, estimateFieldName: 'Story Points' });
    expect(result.score).toBeGreaterThanOrEqual(80);
    expect(result.score).toBeGreaterThanOrEqual(result.threshold);
    const ac = criterion(result, 'acceptance-criteria');
    expect(ac.status).toBe('pass');
    expect(ac.detail).toContain('Given/When/Then');
    expect(ac.fix).toBeUndefined();
    expect(result.flags.filter((flag) => flag.severity === 'high')).toEqual([]);
  });

  it('judges the vague DEMO-7 not ready, failing description, acceptance criteria and estimate with a fix for each, failing first', async () => {
    const result = await readinessOf({ env, key: 'DEMO-7' });
    expect(result.ready).toBe(false);
    expect(result.score).toBeLessThan(result.threshold);
    for (const id of ['description', 'acceptance-criteria', 'estimate']) {
      const failing = criterion(result, id);
      expect(failing.status).toBe('fail');
      expect(failing.fix).toEqual(expect.any(String));
      expect(failing.fix?.length).toBeGreaterThan(10);
    }
    expect(criterion(result, 'description').detail).toContain('TBD');
    const ranks = result.criteria.map((c) => STATUS_ORDER[c.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(result.criteria[0]?.status).toBe('fail');
    expect(result.estimate).toBeNull();
  });

  it('judges DEMO-12 not ready because it is blocked by DEMO-31', async () => {
    const result = await readinessOf({ env, key: 'DEMO-12' });
    expect(result.ready).toBe(false);
    const dependencies = criterion(result, 'dependencies');
    expect(dependencies.status).toBe('fail');
    expect(dependencies.detail).toContain('DEMO-31');
    expect(result.flags).toContainEqual(expect.objectContaining({ type: 'dependency', kind: 'blocked', related: ['DEMO-31'] }));
  });

  it('flags the cross-project blocker of DEMO-24 (TEAM-3)', async () => {
    const result = await readinessOf({ env, key: 'DEMO-24' });
    expect(result.ready).toBe(false);
    expect(result.flags).toContainEqual(expect.objectContaining({ type: 'dependency', kind: 'cross-project', related: ['TEAM-3'] }));
    expect(result.flags).toContainEqual(expect.objectContaining({ type: 'dependency', kind: 'blocked', related: ['TEAM-3'] }));
  });

  it('tells Tom a linked issue of DEMO-25 is hidden from him, without naming SEC-1', async () => {
    const result = await readinessOf({ env, key: 'DEMO-25', as: 'tom' });
    expect(result.flags).toContainEqual(expect.objectContaining({ type: 'dependency', kind: 'hidden' }));
    expect(result.warnings.join(' ')).toMatch(/hidden/);
    expect(JSON.stringify(result)).not.toContain('SEC-1');
  });

  it('shows Ana, who can see SEC, that DEMO-25 is blocked by SEC-1', async () => {
    const result = await readinessOf({ env, key: 'DEMO-25', as: 'ana' });
    expect(result.ready).toBe(false);
    expect(result.flags).toContainEqual(expect.objectContaining({ type: 'dependency', kind: 'blocked', related: ['SEC-1'] }));
    expect(result.flags.some((flag) => flag.type === 'dependency' && flag.kind === 'hidden')).toBe(false);
    expect(criterion(result, 'dependencies').detail).toContain('SEC-1');
  });

  it('reads the story points string "8.0" of DEMO-35 as 8', async () => {
    expect(snapshotOf({ env, key: 'DEMO-35' }).fields.customfield_10106).toBe('8.0');
    const result = await readinessOf({ env, key: 'DEMO-35' });
    expect(result.estimate).toBe(8);
    expect(criterion(result, 'estimate').status).toBe('pass');
    expect(criterion(result, 'size').status).toBe('pass');
  });

  it('treats the description "NULL" of DEMO-27 as no description', async () => {
    const result = await readinessOf({ env, key: 'DEMO-27' });
    expect(criterion(result, 'description').status).toBe('fail');
    expect(result.ready).toBe(false);
  });

  it('still answers for DEMO-29 whose ADF is malformed, reading what it can', async () => {
    const result = await readinessOf({ env, key: 'DEMO-29' });
    expect(result.issueKey).toBe('DEMO-29');
    expect(criterion(result, 'description').status).toBe('pass');
    expect(criterion(result, 'design-assets').status).toBe('pass');
    expect(result.estimate).toBe(2);
  });

  it('excludes the epic DEMO-38 from the Definition of Ready', async () => {
    const result = await readinessOf({ env, key: 'DEMO-38' });
    expect(result).toMatchObject({ status: 'excluded', reason: 'issue-type', excluded: true, issueType: 'Epic' });
    // Neither a score nor a ready state crosses the bridge (it used to say "100, ready").
    expect('score' in result).toBe(false);
    expect('ready' in result).toBe(false);
    expect(result.flags).toEqual([]);
    expect(snapshotOf({ env, key: 'DEMO-38' }).properties[READINESS_PROPERTY]).toBeUndefined();
  });
});

describe('getReadiness takes the issue from the Forge context only', () => {
  const env = setupSandbox();

  it('the handlers run unmodified against the sandbox, taking the issue from the context: a payload naming another issue key is ignored', async () => {
    const tampered = { issueKey: 'DEMO-7', issueId: issueIdOf({ env, key: 'DEMO-7' }), projectKey: 'SEC' };
    const result = await readinessOf({ env, key: 'DEMO-5', payload: tampered });
    expect(result.issueKey).toBe('DEMO-5');
    expect(result.summary).toBe('Show saved cards at checkout');
    expect(result.ready).toBe(true);
    // Nothing was judged or indexed for the issue the payload named.
    expect(snapshotOf({ env, key: 'DEMO-7' }).properties[READINESS_PROPERTY]).toBeUndefined();
    expect(snapshotOf({ env, key: 'DEMO-5' }).properties[READINESS_PROPERTY]).toBeDefined();
  });
});

describe('the readiness entity property (JQL index)', () => {
  const env = setupSandbox();

  it('stores {score, state, gaps, evaluatedAt, v:1} on the issue after getReadiness', async () => {
    expect(snapshotOf({ env, key: 'DEMO-7' }).properties[READINESS_PROPERTY]).toBeUndefined();
    const result = judged(await readinessOf({ env, key: 'DEMO-7' }));
    const stored = asObject(snapshotOf({ env, key: 'DEMO-7' }).properties[READINESS_PROPERTY]);
    const expected: Omit<ReadinessProperty, 'evaluatedAt' | 'gaps'> = { score: result.score, state: 'not-ready', v: 1 };
    expect(stored).toMatchObject(expected);
    expect(Object.keys(stored).sort()).toEqual(['evaluatedAt', 'gaps', 'score', 'state', 'v']);
    expect(typeof stored.evaluatedAt === 'string' && !Number.isNaN(Date.parse(stored.evaluatedAt))).toBe(true);
    expect(stored.gaps).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('does not write the property again when nothing changed', async () => {
    env.sandbox.resetCounters();
    await readinessOf({ env, key: 'DEMO-6' });
    expect(callCount({ env, template: PROPERTY_PUT })).toBe(1);
    env.sandbox.resetCounters();
    await readinessOf({ env, key: 'DEMO-6' });
    expect(callCount({ env, template: PROPERTY_PUT })).toBe(0);
    // …but does write when the judgement changes.
    env.jira.editIssue('DEMO-6', { storyPoints: null }, 'ana');
    await env.settle();
    env.sandbox.resetCounters();
    const changed = await readinessOf({ env, key: 'DEMO-6' });
    expect(changed.ready).toBe(false);
    expect(asObject(snapshotOf({ env, key: 'DEMO-6' }).properties[READINESS_PROPERTY]).state).toBe('not-ready');
  });

  it('lets JQL find not-ready issues by score through the emulator (readinessScore alias)', async () => {
    await readinessOf({ env, key: 'DEMO-5' });
    await readinessOf({ env, key: 'DEMO-7' });
    const found = jqlKeys({ env, jql: 'project = DEMO AND readinessScore < 70' });
    expect(found).toContain('DEMO-7');
    expect(found).not.toContain('DEMO-5');
    expect(jqlKeys({ env, jql: 'project = DEMO AND readinessState = "ready"' })).toContain('DEMO-5');
  });
});

describe('setChecklistItem', () => {
  const env = setupSandbox();

  it('ticks team-discussed and records who ticked it and when', async () => {
    const before = judged(await readinessOf({ env, key: 'DEMO-10' }));
    // DEMO-10 is ready without it: an unticked item that is not required is only worth considering.
    expect(criterion(before, 'manual:team-discussed').status).toBe('consider');
    const startedAt = Date.now();
    const after = judged(dataOf(await call({ env, key: 'setChecklistItem', payload: { itemId: 'team-discussed', checked: true }, as: { accountId: 'ana', issueKey: 'DEMO-10' } })));
    const ticked = criterion(after, 'manual:team-discussed');
    expect(ticked.status).toBe('pass');
    expect(ticked.manual).toBe(true);
    expect(ticked.checkedBy).toMatchObject({ accountId: env.sandbox.accountId('ana'), displayName: 'Ana Lopez' });
    expect(Date.parse(ticked.checkedBy?.at ?? '')).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(after.score).toBeGreaterThan(before.score);
    // Others see it too, with the same attribution.
    const seenByRaj = await readinessOf({ env, key: 'DEMO-10', as: 'raj' });
    expect(criterion(seenByRaj, 'manual:team-discussed').checkedBy?.displayName).toBe('Ana Lopez');
  });

  it('unticks again', async () => {
    const after = dataOf(await call({ env, key: 'setChecklistItem', payload: { itemId: 'team-discussed', checked: false }, as: { accountId: 'raj', issueKey: 'DEMO-10' } }));
    expect(criterion(after, 'manual:team-discussed').status).toBe('consider');
  });

  it.each(['../settings:10000', 'nope', 'design-reviewed'])('rejects the item id %p with BAD_REQUEST and stores nothing', async (itemId) => {
    const issueId = issueIdOf({ env, key: 'DEMO-11' });
    const keysBefore = env.kvs.keys().sort();
    const error = errorOf(await call({ env, key: 'setChecklistItem', payload: { itemId, checked: true }, as: { accountId: 'ana', issueKey: 'DEMO-11' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(kvsKeys({ env, prefix: `checklist:${issueId}` })).toEqual([]);
    expect(env.kvs.keys().sort()).toEqual(keysBefore);
  });
});
