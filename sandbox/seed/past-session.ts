/**
 * A past refinement session of DEMO, so the Session tab's history shows one on first start. It is
 * written in exactly the shape the app stores (`rsession:<projectId>:1` and its head, see
 * src/store/session-store.ts). Its items are decided and nothing carries over, so the first session
 * someone starts walks today's agenda. No comments were written back for it (Jira has none).
 */
import type { RefinementSession } from '../../src/contract/session';
import { storeKeys } from '../../src/store/keys';
import type { KvsEmulator } from '../kvs';
import type { Site } from '../jira/site';

const DAY = 86_400_000;
const MINUTE = 60_000;

export function seedPastSession(kvs: Pick<KvsEmulator, 'handle'>, site: Site, now: Date): void {
  const project = site.projects.get('DEMO');
  const ana = [...site.users.values()].find((user) => user.alias === 'ana');
  if (!project || !ana) return;
  const summaryOf = (key: string) => site.issues.get(key)?.summary ?? key;
  const start = new Date(now.getTime() - 7 * DAY);
  start.setUTCHours(9, 30, 0, 0);
  const item = (key: string, timeboxMinutes: number, spentMinutes: number, outcome: RefinementSession['items'][number]['outcome'], decisions: string[]) => ({
    issueKey: key,
    summary: summaryOf(key),
    timeboxMinutes,
    extendedMinutes: spentMinutes > timeboxMinutes ? 5 : 0,
    focus: [],
    currentSince: null,
    spentSeconds: spentMinutes * 60,
    visited: true,
    parked: false,
    outcome,
    decisions,
    confidence: [],
    carriedOver: false,
  });
  const session: RefinementSession = {
    number: 1,
    status: 'ended',
    facilitator: { accountId: ana.accountId, displayName: ana.displayName },
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + 41 * MINUTE).toISOString(),
    sessionMinutes: 60,
    currentIndex: null,
    items: [
      item('DEMO-15', 5, 4, 'ready', ['Show the refund date and amount; no PDF receipt']),
      item('DEMO-16', 5, 6, 'ready', ['Fix it in the shared card form component']),
      item('DEMO-17', 10, 13, 'split', ['Split the funnel chart from the drop-off table', 'Funnel chart first']),
      item('DEMO-18', 8, 7, 'needs-refinement', ['Legal to confirm the wording before we estimate']),
      item('DEMO-5', 8, 9, 'spike', ['One-day spike on the provider’s card vault API']),
    ],
    version: 12,
    writeBack: [],
  };
  kvs.handle('/api/v1/set', { key: storeKeys.sessionBook({ projectId: project.id, version: 1 }), value: { sessions: [session] } });
  kvs.handle('/api/v1/set', { key: storeKeys.sessionBookHead({ projectId: project.id }), value: { version: 1 } });
}
