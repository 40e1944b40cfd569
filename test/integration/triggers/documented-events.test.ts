/**
 * The trigger handlers of src/index.ts fed payloads written by hand from the Forge events reference
 * (snapshot of 2026-08-22, forge-docs/mirror/events-reference/), not from what the sandbox emits:
 * a change is made in the emulated Jira, then the documented event for it is delivered, and the
 * effect is read back from Jira. The sandbox's own link and sprint events reach no trigger here, so
 * only the documented payloads can cause the effect.
 */
import { installContextOf } from '../../../sandbox/forge/forge-context';
import { runInScope } from '../../../sandbox/forge/invocation-scope';
import { loadManifest } from '../../../sandbox/forge/manifest';
import type { ForgeEvent } from '../../../sandbox/jira/events';
import { statusOf } from '../../../sandbox/jira/site';
import { setupSandbox } from '../../support/sandbox-env';
import { DEMO_PROJECT_ID, issueIdOf } from '../resolvers/resolver-helpers';
import { adfText, appComments, labelsOf, readinessPropertyOf } from './flag-helpers';

const manifest = loadManifest();
const FED_BY_HAND = new Set(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink', 'avi:jira-software:created:sprint', 'avi:jira-software:started:sprint']);
const LABEL = 'not-ready';

type TriggerExport = 'onIssueLinkChanged' | 'onSprintChanged';

describe('trigger handlers fed the documented event payloads', () => {
  const env = setupSandbox({
    freshPerTest: true,
    // The app's real wiring, minus the link and sprint subscriptions: those events are delivered by hand below.
    manifest: { ...manifest, triggers: manifest.triggers.map((trigger) => ({ ...trigger, events: trigger.events.filter((event) => !FED_BY_HAND.has(event)) })) },
  });

  beforeEach(() => {
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  /** Calls an export of src/index.ts the way Forge invokes a product-event trigger: (event, context), as no user. */
  async function deliver(exportName: TriggerExport, payload: Record<string, unknown>): Promise<void> {
    await env.sandbox.app();
    const app = await import('../../../src/index');
    const moduleKey = manifest.triggers.find((trigger) => trigger.exportName === exportName)?.key ?? exportName;
    await runInScope({ kind: 'trigger', moduleKey, accountId: undefined }, async () => {
      const context = { installContext: installContextOf(env.jira.site), principal: undefined };
      await Reflect.apply(app[exportName], undefined, [structuredClone(payload), context]);
    });
    await env.settle();
  }

  /**
   * events-reference/jira, "Issue link events": a flat payload, every id a string, no `issueLink` wrapper;
   * here for a "Blocks" link from DEMO-14 to DEMO-36.
   */
  const documentedLinkEvent = ({ linkId, selfGenerated }: { linkId: string; selfGenerated: boolean }) => ({
    eventType: 'avi:jira:created:issuelink',
    selfGenerated,
    timestamp: '1763632800000',
    id: linkId,
    sourceIssueId: issueIdOf({ env, key: 'DEMO-14' }),
    destinationIssueId: issueIdOf({ env, key: 'DEMO-36' }),
    sourceProjectId: DEMO_PROJECT_ID,
    destinationProjectId: DEMO_PROJECT_ID,
    issueLinkType: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  });
  const deliveredByTheSandbox = (eventType: string) => env.sandbox.deliveredEvents.filter((entry) => entry.event.eventType === eventType);

  const emittedBySandbox = (eventType: string): ForgeEvent => {
    const found = env.sandbox.unsubscribedEvents.find((event) => event.eventType === eventType);
    if (!found) throw new Error(`the sandbox emitted no ${eventType}`);
    return found;
  };

  it('a new Blocks link, then the documented flat avi:jira:created:issuelink event, re-scores the blocked issue', async () => {
    // DEMO-36 is ready and blocked by nothing; opening its panel writes its readiness property.
    await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-36' });
    const before = readinessPropertyOf(env, 'DEMO-36')!;
    expect(before.gaps).not.toContain('dependencies');

    const link = env.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
    await env.settle();
    // Nothing has told the app yet.
    expect(readinessPropertyOf(env, 'DEMO-36')).toEqual(before);
    expect(deliveredByTheSandbox('avi:jira:created:issuelink')).toEqual([]);

    const documented = documentedLinkEvent({ linkId: link.id, selfGenerated: false });
    await deliver('onIssueLinkChanged', documented);

    const blocked = readinessPropertyOf(env, 'DEMO-36')!;
    expect(blocked.gaps).toContain('dependencies');
    expect(blocked.score).toBeLessThan(before.score);
    // Both ends are refreshed: the blocker's property now exists too.
    expect(readinessPropertyOf(env, 'DEMO-14')).not.toBeNull();

    // The same payload for the deletion ("The payload for all of these events is the same").
    env.jira.deleteLink(link.id, 'ana');
    await env.settle();
    expect(readinessPropertyOf(env, 'DEMO-36')!.gaps).toContain('dependencies');
    await deliver('onIssueLinkChanged', { ...documented, eventType: 'avi:jira:deleted:issuelink' });
    expect(readinessPropertyOf(env, 'DEMO-36')!.gaps).not.toContain('dependencies');
  });

  it('a self-generated documented link event changes nothing', async () => {
    await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-36' });
    const before = readinessPropertyOf(env, 'DEMO-36');
    const link = env.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
    await deliver('onIssueLinkChanged', documentedLinkEvent({ linkId: link.id, selfGenerated: true }));
    expect(readinessPropertyOf(env, 'DEMO-36')).toEqual(before);
  });

  it('the documented avi:jira-software:started:sprint event labels and comments each not-ready issue once', async () => {
    // Sprint 14 holds DEMO-7 (vague) and DEMO-12 (blocked), both not ready, among ready items.
    const inSprint = [...env.jira.site.issues.values()]
      .filter((issue) => issue.sprintIds.includes(14) && statusOf(issue).category !== 'done')
      .map((issue) => issue.key);
    expect(inSprint).toEqual(expect.arrayContaining(['DEMO-7', 'DEMO-12']));
    const labelsBefore = new Map(inSprint.map((key) => [key, labelsOf(env, key)]));
    env.jira.startSprint(14, 'ana');
    await env.settle();
    for (const key of inSprint) expect(labelsOf(env, key)).toEqual(labelsBefore.get(key));

    // events-reference/jira-software, "Sprint events": the page's example with ids as strings.
    const documented = {
      eventType: 'avi:jira-software:started:sprint',
      sprint: {
        id: '14',
        originBoardId: '1',
        name: 'DEMO Sprint 14',
        goal: 'Saved cards and one-click PayPal',
        state: 'active',
        createDate: '2026-11-01T10:00:00.000+0000',
        startDate: '2026-11-21T09:00:00.000+0000',
        endDate: '2026-12-05T09:00:00.000+0000',
      },
      atlassianId: env.sandbox.accountId('ana'),
    };
    await deliver('onSprintChanged', documented);

    // The handler judged every issue of the sprint (its property says how); only the not-ready ones are flagged.
    const notReady = inSprint.filter((key) => readinessPropertyOf(env, key)?.state === 'not-ready');
    expect(notReady).toEqual(expect.arrayContaining(['DEMO-7', 'DEMO-12']));
    for (const key of inSprint) {
      if (notReady.includes(key)) {
        expect(labelsOf(env, key)).toContain(LABEL);
        expect(appComments(env, key)).toHaveLength(1);
        expect(adfText(appComments(env, key)[0]!.body)).toContain('DEMO Sprint 14');
      } else {
        expect(readinessPropertyOf(env, key)).toMatchObject({ state: 'ready' });
        expect(labelsOf(env, key)).toEqual(labelsBefore.get(key));
        expect(appComments(env, key)).toHaveLength(0);
      }
    }

    // Delivered again (at least once delivery): still one comment each.
    await deliver('onSprintChanged', documented);
    for (const key of notReady) expect(appComments(env, key)).toHaveLength(1);
  });

  it('the sandbox emits the issue-link event in the documented flat shape', () => {
    const link = env.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
    const event = emittedBySandbox('avi:jira:created:issuelink');
    // events-reference/jira, "Issue link events" + "Common fields in Jira event payloads".
    expect(Object.keys(event).sort()).toEqual(
      ['eventType', 'selfGenerated', 'timestamp', 'id', 'sourceIssueId', 'destinationIssueId', 'sourceProjectId', 'destinationProjectId', 'issueLinkType'].sort(),
    );
    expect(event).toEqual({
      eventType: 'avi:jira:created:issuelink',
      selfGenerated: false,
      timestamp: expect.stringMatching(/^\d+$/) as unknown,
      id: link.id,
      sourceIssueId: issueIdOf({ env, key: 'DEMO-14' }),
      destinationIssueId: issueIdOf({ env, key: 'DEMO-36' }),
      sourceProjectId: DEMO_PROJECT_ID,
      destinationProjectId: DEMO_PROJECT_ID,
      issueLinkType: expect.objectContaining({ name: 'Blocks' }) as unknown,
    });
  });

  it('the sandbox emits the sprint event in the documented shape: string ids, createDate, no timestamp', () => {
    env.jira.startSprint(14, 'ana');
    const event = emittedBySandbox('avi:jira-software:started:sprint');
    // events-reference/jira-software, "Sprint events" (selfGenerated: product_events, "ignoreSelf").
    expect(Object.keys(event).sort()).toEqual(['atlassianId', 'eventType', 'selfGenerated', 'sprint']);
    expect(event.sprint).toEqual({
      id: '14',
      originBoardId: '1',
      name: 'DEMO Sprint 14',
      goal: 'Saved cards and one-click PayPal',
      state: 'active',
      createDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/) as unknown,
      startDate: expect.stringMatching(/[+-]\d{4}$/) as unknown,
      endDate: expect.stringMatching(/[+-]\d{4}$/) as unknown,
    });
  });
});
