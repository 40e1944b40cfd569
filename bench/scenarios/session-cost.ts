/**
 * Scenario: what a refinement session costs (issue 15): 60 minutes, 8 items, 6 participants — one
 * facilitator and five followers, each with the Session tab open. Per item everyone votes, the
 * facilitator reveals, everyone gives a confidence (1–5), the facilitator records the outcome and
 * moves on; at the end the outcomes are written back. Followers learn of every change from a Forge
 * Realtime event (it carries only the version) and re-read the session as themselves; each also
 * loads the item's estimation round once when the item changes. Subscriptions go through the
 * sandbox's realtime hub exactly as the browser's do, so the re-reads counted are the events
 * actually delivered. The second row is the polling fallback: every page polls getSession once per
 * 5 s for the 60 minutes instead of re-reading on events (computed from a measured warm poll).
 */
import type { Envelope, SessionView, SettingsView } from '../../src/contract';
import { createSandbox, type Sandbox } from '../../sandbox/runtime';
import { canBrowse } from '../../sandbox/jira/site';
import { generatedSeed } from '../generate-seed';
import { sumCalls, withMemory } from '../measure';
import type { BenchRow } from '../report';

const PARTICIPANTS = 6;
const ITEMS = 8;
const SESSION_MINUTES = 60;
const POLL_SECONDS = 5;

interface Tally {
  invocations: number;
  rereads: number;
  jira: number;
}

async function runSession(sandbox: Sandbox) {
  const people = [...sandbox.jira.site.users.values()].filter((user) => canBrowse(sandbox.jira.site, { kind: 'user', accountId: user.accountId }, 'DEMO')).slice(0, PARTICIPANTS);
  if (people.length < PARTICIPANTS) throw new Error(`Only ${people.length} users can browse DEMO`);
  const facilitator = people[0]!;
  const onAgenda = (accountId: string) => ({ accountId, projectKey: 'DEMO' });
  const tally: Tally = { invocations: 0, rereads: 0, jira: 0 };
  const invoke = async <T>(key: string, payload: unknown, accountId: string): Promise<T> => {
    tally.invocations++;
    const answer = await sandbox.invoke<Envelope<T>>(key, payload, onAgenda(accountId));
    if (!answer.ok) throw new Error(`${key}: ${answer.error.message}`);
    return answer.data;
  };

  // Each page subscribes as the UI does (channel of the project, contextOverrides [project]) and
  // remembers the version it shows; an event about another version makes it re-read.
  const shown = new Map<string, number>();
  const pending = new Set<string>();
  const channel = `refinement-session-${sandbox.jira.site.projects.get('DEMO')!.id}`;
  const unsubscribe = people.map((person) =>
    sandbox.realtime.subscribe({
      channel,
      place: { moduleKey: 'refinement-agenda', projectKey: 'DEMO' },
      contextOverrides: ['project'],
      isGlobal: false,
      // The page's subscribe-only token, with the claims the resolvers sign (src/resolvers/session-publish.ts).
      token: sandbox.realtime.signToken({ channel, claims: { projectId: sandbox.jira.site.projects.get('DEMO')!.id }, permissions: ['subscribe'] }).jwt,
      subscriber: {
        deliver: (payload) => {
          const event: unknown = JSON.parse(payload);
          const version: unknown = typeof event === 'object' && event !== null ? Reflect.get(event, 'version') : undefined;
          if (version !== shown.get(person.accountId)) pending.add(person.accountId);
        },
      },
    }),
  );
  const act = async (accountId: string, key: string, payload: unknown): Promise<SessionView> => {
    const view = await invoke<SessionView>(key, payload, accountId);
    shown.set(accountId, view.session?.version ?? 0);
    pending.delete(accountId);
    // Followers re-read after the event (in the browser: right away, each as themselves).
    for (const follower of [...pending]) {
      pending.delete(follower);
      tally.rereads++;
      const seen = await invoke<SessionView>('getSession', {}, follower);
      shown.set(follower, seen.session?.version ?? 0);
    }
    return view;
  };

  // 8 items in 60 minutes: the team caps an item's timebox at 7 minutes and looks one sprint further
  // ahead (settings); with the defaults this backlog gives 7 items.
  const { settings } = await invoke<SettingsView>('getSettings', {}, facilitator.accountId);
  const agendaSettings = { ...settings.agenda, maxMinutesPerItem: 7, maxItems: Math.max(settings.agenda.maxItems, ITEMS), horizonSprints: settings.agenda.horizonSprints + 1 };
  const saved = await sandbox.invoke<Envelope<SettingsView>>('saveSettings', { settings: { ...settings, agenda: agendaSettings } }, { ...onAgenda(facilitator.accountId), moduleKey: 'definition-of-ready' });
  if (!saved.ok) throw new Error(`saveSettings: ${saved.error.message}`);
  for (const person of people) shown.set(person.accountId, (await invoke<SessionView>('getSession', {}, person.accountId)).session?.version ?? 0);
  await invoke('getAgenda', { sessionMinutes: SESSION_MINUTES }, facilitator.accountId);
  sandbox.resetCounters();
  const start = { invocations: tally.invocations, rereads: tally.rereads };
  let view = await act(facilitator.accountId, 'startSession', { sessionMinutes: SESSION_MINUTES });
  const session = view.session!;
  const walked = Math.min(ITEMS, session.items.length);
  const perItem: { invocations: number; jira: number }[] = [];
  for (let index = 0; index < walked; index++) {
    const before = { invocations: tally.invocations, jira: sumCalls(sandbox.jiraCalls()) };
    const issueKey = view.session!.items[view.session!.currentIndex!]!.issueKey;
    for (const person of people) await invoke('getRound', { issueKey }, person.accountId);
    for (const [i, person] of people.entries()) await invoke('castVote', { issueKey, value: ['3', '5', '5', '8', '5', '3'][i] ?? '5' }, person.accountId);
    await invoke('revealVotes', { issueKey }, facilitator.accountId);
    for (const person of people) view = await act(person.accountId, 'giveConfidence', { value: 4 });
    view = await act(facilitator.accountId, 'sessionAction', { version: view.session!.version, action: { type: 'record', outcome: index % 3 === 0 ? 'ready' : 'needs-refinement', decisions: ['Agreed the scope'] } });
    view = await act(facilitator.accountId, 'sessionAction', { version: view.session!.version, action: { type: 'next' } });
    perItem.push({ invocations: tally.invocations - before.invocations, jira: sumCalls(sandbox.jiraCalls()) - before.jira });
  }
  const beforeEnd = sumCalls(sandbox.jiraCalls());
  view = await act(facilitator.accountId, 'endSession', { version: view.session!.version });
  await sandbox.settle();
  const endJira = sumCalls(sandbox.jiraCalls()) - beforeEnd;
  const total = { invocations: tally.invocations - start.invocations, rereads: tally.rereads - start.rereads, jira: sumCalls(sandbox.jiraCalls()), byEndpoint: sandbox.jiraCalls() };
  unsubscribe.forEach((stop) => stop());

  // One warm poll (what each page would do every 5 s without realtime).
  sandbox.resetCounters();
  await invoke('getSession', {}, people[1]!.accountId);
  const pollJira = sumCalls(sandbox.jiraCalls());
  return { walked, perItem, endJira, total, pollJira, written: view.session!.writeBack.length, published: sandbox.realtime.published.length };
}

export async function sessionCost(): Promise<BenchRow[]> {
  const { value: result, memory } = await withMemory(async () => {
    const sandbox = await createSandbox({ seed: generatedSeed({ backlogSize: 300 }), playVotes: false, pastSession: false, logErrors: true });
    return runSession(sandbox);
  });
  const itemInvocations = result.perItem.reduce((sum, item) => sum + item.invocations, 0) / result.perItem.length;
  const itemJira = result.perItem.reduce((sum, item) => sum + item.jira, 0) / result.perItem.length;
  const label = `session: ${SESSION_MINUTES} min, ${result.walked} items, ${PARTICIPANTS} people`;
  // Polling: every page (facilitator too) polls once per 5 s while the session runs, instead of the re-reads.
  const polls = PARTICIPANTS * ((SESSION_MINUTES * 60) / POLL_SECONDS);
  const pollInvocations = result.total.invocations - result.total.rereads + polls;
  const pollJira = result.total.jira + polls * result.pollJira;
  return [
    {
      scenario: `${label}, realtime`,
      jiraCalls: result.total.jira,
      lowerBound: null,
      p50Ms: null,
      p95Ms: null,
      ...memory,
      outcome: `${result.total.invocations} invocations (${result.total.rereads} re-reads on ${result.published} events); per item ${itemInvocations.toFixed(0)} invocations, ${itemJira.toFixed(1)} Jira calls; end + write-back ${result.endJira} Jira calls for ${result.written} items`,
      details: { perItem: result.perItem, byEndpoint: result.total.byEndpoint, rereads: result.total.rereads, events: result.published },
    },
    {
      scenario: `${label}, polling fallback`,
      jiraCalls: pollJira,
      lowerBound: null,
      p50Ms: null,
      p95Ms: null,
      ...memory,
      outcome: `${pollInvocations} invocations (${polls} polls: ${PARTICIPANTS} pages × 1 per ${POLL_SECONDS} s × ${SESSION_MINUTES} min, ${result.pollJira} Jira calls each); per item ${((pollInvocations) / result.walked).toFixed(0)} invocations`,
      details: { polls, jiraPerPoll: result.pollJira },
    },
  ];
}
