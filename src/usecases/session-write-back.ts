import type { ProjectSettings } from '../contract';
import type { RefinementSession, SessionItem, SessionQuestion } from '../contract/session';
import { discussedItems, OUTCOME_LABELS } from '../domain/session';
import { resolveAgendaIssue } from './agenda-issue';
import type { UseCaseDeps } from './deps';
import type { AdfDoc, AdfNode } from './ports';
import { listQuestions } from './session-questions';
import { setChecklistItem } from './set-checklist-item';

/** The manual checklist item the session ticks ("Team has discussed it"). */
const DISCUSSED_ITEM = 'team-discussed';
/** A comment left `posting` this long belongs to a call that died: look for it before posting. */
const ABANDONED_AFTER_MS = 10 * 60_000;

type WriteBack = RefinementSession['writeBack'][number];

const text = (value: string): AdfNode => ({ type: 'text', text: value });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const bulletList = (items: AdfNode[][]): AdfNode => ({ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })) });
/** An ADF mention (ADF spec, "mention" node: attrs id = account id, text = "@Name"). */
const mention = (person: { accountId: string; displayName: string }): AdfNode => ({ type: 'mention', attrs: { id: person.accountId, text: `@${person.displayName}` } });

/** The one comment per discussed item: outcome, decisions, and the open questions with their owners mentioned. */
export function outcomeComment({ session, item, questions }: { session: RefinementSession; item: SessionItem; questions: SessionQuestion[] }): AdfDoc {
  const outcome = item.outcome === null ? 'Not decided' : OUTCOME_LABELS[item.outcome];
  const content: AdfNode[] = [
    paragraph({ type: 'text', text: `Refinement session ${session.number} (${session.startedAt.slice(0, 10)}): `, marks: [{ type: 'strong' }] }, text(outcome)),
  ];
  if (item.confidence.length > 0) {
    const mean = item.confidence.reduce((sum, entry) => sum + entry.value, 0) / item.confidence.length;
    content.push(paragraph(text(`Confidence check: ${mean.toFixed(1)} of 5 (${item.confidence.length} people).`)));
  }
  if (item.decisions.length > 0) content.push(paragraph(text('Decisions:')), bulletList(item.decisions.map((decision) => [text(decision)])));
  const open = questions.filter((question) => question.issueKey === item.issueKey && question.answer === null);
  if (open.length > 0) {
    content.push(
      paragraph(text('Open questions:')),
      bulletList(open.map((question) => [text(`${question.text} — `), ...(question.owner ? [mention(question.owner)] : [text('no owner yet')]), ...(question.due ? [text(`, due ${question.due}`)] : [])])),
    );
  }
  return { type: 'doc', version: 1, content };
}

/** Posts the item's comment as the facilitator, at most once per issue per session. */
async function postOnce({ deps, project, session, issue, body }: { deps: UseCaseDeps; project: { id: string }; session: RefinementSession; issue: { id: string; key: string }; body: AdfDoc }): Promise<WriteBack['comment']> {
  const ids = { issueId: issue.id, projectId: project.id, sessionNumber: session.number };
  const mark = { kind: 'session-outcome', session: `${project.id}-${session.number}` } as const;
  const claim = await deps.stores.sessionComments.get(ids);
  if (claim?.state === 'posted') return 'posted';
  if (claim?.state === 'posting') {
    if (deps.clock.now().getTime() - Date.parse(claim.claimedAt) < ABANDONED_AFTER_MS) return 'posted';
    // Its poster died: the comment may be there. Never post blindly a second time.
    const found = await deps.jira.findComment({ issueIdOrKey: issue.key, mark });
    if (found !== null) {
      await deps.stores.sessionComments.settle({ ...ids, state: 'posted', commentId: found });
      return 'posted';
    }
  }
  if (!claim && !(await deps.stores.sessionComments.claim(ids))) return 'posted';
  try {
    const outcome = await deps.jira.addComment({ issueIdOrKey: issue.key, body, mark });
    if (outcome.outcome === 'unverified') return 'failed';
    await deps.stores.sessionComments.settle({ ...ids, state: 'posted', commentId: outcome.id });
    return 'posted';
  } catch {
    await deps.stores.sessionComments.settle({ ...ids, state: 'failed' }).catch(() => undefined);
    return 'failed';
  }
}

/**
 * After the session: each discussed item gets its comment (as the facilitator, asUser) when the
 * project writes outcomes as comments, and "Team has discussed it" ticked. One failing item does
 * not stop the others; calling again retries only what did not happen.
 */
export async function writeBackSession({ deps, project, session, settings }: { deps: UseCaseDeps; project: { id: string; key: string }; session: RefinementSession; settings: ProjectSettings }): Promise<WriteBack[]> {
  const questions = await listQuestions({ deps, projectId: project.id, issueKeys: session.items.map((item) => item.issueKey) });
  const tickable = settings.manualItems.some((item) => item.enabled && item.id === DISCUSSED_ITEM);
  const results: WriteBack[] = [];
  for (const item of discussedItems(session)) {
    const earlier = session.writeBack.find((entry) => entry.issueKey === item.issueKey);
    let comment: WriteBack['comment'] = earlier?.comment === 'posted' ? 'posted' : 'off';
    let ticked = earlier?.ticked ?? false;
    try {
      const ref = await resolveAgendaIssue({ deps, project, issueKey: item.issueKey });
      if (settings.agenda.outcomeComments && comment !== 'posted') {
        comment = await postOnce({ deps, project, session, issue: ref.issue, body: outcomeComment({ session, item, questions }) });
      }
      if (tickable && !ticked) {
        await setChecklistItem({ deps, ref, accountId: session.facilitator.accountId, itemId: DISCUSSED_ITEM, checked: true });
        ticked = true;
      }
    } catch {
      // The issue went away or Jira failed: reported per item, retried by the next end call.
      if (comment !== 'posted' && settings.agenda.outcomeComments) comment = 'failed';
    }
    results.push({ issueKey: item.issueKey, comment, ticked });
  }
  return results;
}
