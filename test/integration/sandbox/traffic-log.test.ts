import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { RESOLVER_KEYS, type ResolverKey } from '../../../src/contract';
import type { Json } from '../../../sandbox/jira/model';
import { createSandbox, type InvokeOptions } from '../../../sandbox/runtime';
import { currentSettings, SETTINGS_MODULE } from '../resolvers/resolver-helpers';
import { envelope } from '../triggers/flag-helpers';
import { isJsonObject } from './emulator-helpers';

/** Only what the session steps read from earlier answers. */
const sessionAnswer = z.object({ session: z.object({ version: z.number() }) });
const questionsAnswer = z.object({ questions: z.array(z.object({ id: z.string() })) });

const CHECKER = path.resolve(__dirname, '../../../../shared/tools/check-jira-traffic.mjs');
const REPO_ROOT = path.resolve(__dirname, '../../..');

interface LoggedExchange {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

describe('traffic log of the demo', () => {
  beforeEach(() => {
    // The triggers report each run on console.info.
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  it('logs every Jira exchange of every resolver and trigger as NDJSON, and the traffic matches Atlassian’s specs', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'sandbox-traffic-')), 'traffic.ndjson');
    const sandbox = await createSandbox({ seed: 'demo', trafficLog: log, playVotes: true, logErrors: false });
    const exchanges = (): LoggedExchange[] =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as LoggedExchange);
    const settingsOf = { accountId: 'ana', projectKey: 'DEMO', moduleKey: SETTINGS_MODULE };
    const settings = await currentSettings(sandbox);

    // A planning session through every resolver; DEMO-9's round was revealed by the seed, so votes go to DEMO-14.
    // The refinement session's steps name the session version (and the question) the previous answer showed.
    let seen = { version: 0, questionId: '' };
    const agendaPage = (accountId: string): InvokeOptions => ({ accountId, projectKey: 'DEMO', moduleKey: 'refinement-agenda' });
    const session: [ResolverKey, unknown, InvokeOptions, (() => unknown)?][] = [
      ['getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-5' }],
      ['getReadiness', {}, { accountId: 'tom', issueKey: 'DEMO-25' }],
      ['getReadiness', {}, { accountId: 'mei', issueKey: 'DEMO-29' }],
      ['getReadiness', {}, { accountId: 'mei', issueKey: 'TEAM-2' }],
      ['getReadiness', {}, { accountId: 'raj', issueKey: 'DEMO-9', moduleKey: 'readiness-badge' }],
      ['setChecklistItem', { itemId: 'team-discussed', checked: true }, { accountId: 'ana', issueKey: 'DEMO-7' }],
      ['getRound', {}, { accountId: 'raj', issueKey: 'DEMO-9' }],
      ['getStoredReadiness', {}, { accountId: 'raj', issueKey: 'DEMO-9' }],
      ['startTimer', { seconds: 120 }, { accountId: 'mei', issueKey: 'DEMO-14' }],
      ['castVote', { value: '5' }, { accountId: 'mei', issueKey: 'DEMO-14' }],
      ['castVote', { value: '8' }, { accountId: 'tom', issueKey: 'DEMO-14' }],
      ['revealVotes', {}, { accountId: 'mei', issueKey: 'DEMO-14' }],
      ['acceptEstimate', { value: '5' }, { accountId: 'mei', issueKey: 'DEMO-14' }],
      ['resetVotes', {}, { accountId: 'mei', issueKey: 'DEMO-14' }],
      ['getAgenda', {}, { accountId: 'ana', projectKey: 'DEMO' }],
      // The agenda page estimating in a row names its issue; the resolver has Jira confirm it as the user.
      ['getRoundFor', { issueKey: 'DEMO-14' }, { accountId: 'ana', projectKey: 'DEMO', moduleKey: 'refinement-agenda' }],
      // TEAM plans on a team-managed (`simple`) board with sprints.
      ['getAgenda', {}, { accountId: 'mei', projectKey: 'TEAM' }],
      // OPS works on a Kanban board: its agenda walks the rank order through search/jql.
      ['getAgenda', {}, { accountId: 'raj', projectKey: 'OPS' }],
      ['getSprintCheck', {}, { accountId: 'raj', projectKey: 'DEMO' }],
      // The Health tab reads sprint-field history with changelog/bulkfetch.
      ['getHealth', {}, { accountId: 'ana', projectKey: 'DEMO' }],
      ['getSettings', {}, { ...settingsOf, accountId: 'tom' }],
      ['previewSettings', { settings: { ...settings, readyThreshold: 70 } }, settingsOf],
      ['saveSettings', { settings: { ...settings, readyThreshold: 75 } }, settingsOf],
      ['resetSettings', {}, settingsOf],
      // The refinement session: questions ahead, a walk with a vote on the agenda (published live), the end with write-back.
      ['addQuestion', { text: 'Which payment providers are in scope?' }, { accountId: 'raj', issueKey: 'DEMO-14' }],
      ['getQuestions', {}, { accountId: 'raj', issueKey: 'DEMO-14' }],
      ['answerQuestion', null, agendaPage('ana'), () => ({ questionId: seen.questionId, text: 'Cards only for now.' })],
      ['startSession', { sessionMinutes: 60 }, agendaPage('ana')],
      ['getSession', {}, agendaPage('raj')],
      ['castVote', { value: '3', issueKey: 'DEMO-14' }, agendaPage('raj')],
      ['giveConfidence', { value: 4 }, agendaPage('raj')],
      ['sessionAction', null, agendaPage('ana'), () => ({ version: seen.version, action: { type: 'record', outcome: 'ready', decisions: ['Cards only'] } })],
      ['sessionAction', null, agendaPage('ana'), () => ({ version: seen.version, action: { type: 'next' } })],
      ['takeOverSession', null, agendaPage('mei'), () => ({ version: seen.version, confirm: true })],
      ['endSession', null, agendaPage('mei'), () => ({ version: seen.version })],
    ];
    expect(new Set(session.map(([key]) => key))).toEqual(new Set(RESOLVER_KEYS));
    for (const [key, payload, options, later] of session) {
      const answer = envelope(await sandbox.invoke(key, later ? later() : payload, options));
      const data: unknown = answer.ok ? answer.data : null;
      const withSession = sessionAnswer.safeParse(data);
      if (withSession.success) seen = { ...seen, version: withSession.data.session.version };
      const withQuestions = questionsAnswer.safeParse(data);
      if (withQuestions.success && withQuestions.data.questions[0]) seen = { ...seen, questionId: withQuestions.data.questions[0].id };
      expect({ key, issue: options.issueKey ?? options.projectKey, ok: answer.ok }).toEqual({ key, issue: options.issueKey ?? options.projectKey, ok: true });
    }

    // Every trigger event the manifest subscribes to, and the scheduled rescore.
    sandbox.jira.moveIssueToSprint('DEMO-23', 15, 'ana');
    sandbox.jira.createIssue({ projectKey: 'DEMO', type: 'Story', summary: 'Pay with a voucher', description: null }, 'ana');
    const link = sandbox.jira.linkIssues({ type: 'Blocks', source: 'DEMO-14', destination: 'DEMO-36' }, 'ana');
    sandbox.jira.deleteLink(link.id, 'ana');
    sandbox.jira.createSprint({ boardId: 1, name: 'DEMO Sprint 16' }, 'ana');
    sandbox.jira.startSprint(14, 'ana');
    await sandbox.settle();
    sandbox.jira.completeSprint(13, 'ana');
    await sandbox.settle();
    await sandbox.runScheduled('rescore-daily');
    const subscribed = sandbox.manifest.triggers.flatMap((trigger) => trigger.events);
    expect(new Set(sandbox.deliveredEvents.map((delivered) => delivered.event.eventType))).toEqual(new Set(subscribed));
    expect(sandbox.deliveredEvents.filter((delivered) => !delivered.ok)).toEqual([]);

    // A body a `malformed` fault rewrote is the test's, not Jira's: it is not logged.
    const demo6Read = new RegExp(`^/rest/api/3/issue/${sandbox.jira.site.issues.get('DEMO-6')!.id}\\?`);
    const demo6Reads = (from: number) => exchanges().slice(from).filter((exchange) => demo6Read.test(exchange.path)).length;
    const beforeFault = exchanges().length;
    const withoutDescription = (body: Json): Json => (isJsonObject(body) && isJsonObject(body.fields) ? { ...body, fields: { ...body.fields, description: 12 } } : body);
    sandbox.faults.set({ malformed: { pathPattern: demo6Read, mutate: withoutDescription } });
    await sandbox.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-6' });
    sandbox.faults.clear();
    expect(sandbox.faults.injected().malformed).toBe(1);
    expect(demo6Reads(beforeFault)).toBe(0);
    const afterFault = exchanges().length;
    await sandbox.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-6' });
    expect(demo6Reads(afterFault)).toBe(1);

    const logged = exchanges();
    for (const exchange of logged) expect(Object.keys(exchange)).toEqual(['method', 'path', 'status', 'body']);
    // The queued work reads the readiness property along with search/jql (no bulkfetch any more) and
    // writes in bulk: one quiet issue edit for label, Flagged and property, properties/multi (an
    // async task it follows), and the Readiness custom field (app/field/value).
    const endpoints = [
      'POST /rest/api/3/search/jql',
      'GET /rest/api/3/mypermissions',
      'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      'GET /rest/agile/1.0/board',
      'PUT /rest/api/3/issue/{issueIdOrKey}',
      'POST /rest/api/3/issue/properties/multi',
      'GET /rest/api/3/task/{taskId}',
      'POST /rest/api/3/app/field/value',
    ];
    for (const endpoint of endpoints) {
      expect({ endpoint, calls: (sandbox.jiraCalls()[endpoint] ?? 0) > 0 }).toEqual({ endpoint, calls: true });
    }

    if (!existsSync(CHECKER)) {
      console.warn(`Skipping the spec check: ${CHECKER} is absent (needs the shared folder next to the repo).`);
      return;
    }
    let output = '';
    try {
      output = execFileSync(process.execPath, [CHECKER, log], { cwd: REPO_ROOT, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout ?? error);
    }
    expect(output).toContain(`${logged.length} exchanges`);
    expect(output).toContain('0 distinct problems');
  }, 60_000);
});
