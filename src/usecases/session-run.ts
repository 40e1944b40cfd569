import type { ProjectSettings } from '../contract';
import type { PersonRef, RefinementSession, SessionAction, SessionHistoryRow, SessionView } from '../contract/session';
import {
  applySessionAction,
  carriedOverItems,
  discussedItems,
  endSession as endInDomain,
  giveConfidence as confidenceInDomain,
  redactSession,
  SessionRuleError,
  sessionSummaryMarkdown,
  startSession as startInDomain,
  takeOverSession,
  type SessionItemSeed,
} from '../domain/session';
import { buildAgenda } from './build-agenda';
import type { UseCaseDeps } from './deps';
import { BadRequestError, ConflictError, PermissionDeniedError } from './errors';
import { facilitationOf } from './estimation-round';
import type { SessionBook } from './ports';
import { loadSettings } from './project-setup';
import { publicQuestion, storedQuestions } from './session-questions';
import { sessionChannel, type SessionLive } from './session-live';
import { writeBackSession } from './session-write-back';

/** Sessions kept per project (the history). */
export const SESSION_HISTORY = 20;
const WRITE_ATTEMPTS = 5;

export interface SessionCall {
  deps: UseCaseDeps;
  project: { id: string; key: string };
  accountId: string;
  live?: SessionLive;
}

async function me(deps: UseCaseDeps): Promise<PersonRef> {
  const self = await deps.jira.myself();
  return { accountId: self.accountId, displayName: self.displayName };
}

/** The project's newest session while it runs. */
const running = (book: SessionBook): RefinementSession | null => (book.sessions[0]?.status === 'running' ? book.sessions[0] : null);

const historyRow = (session: RefinementSession): SessionHistoryRow => ({
  number: session.number,
  startedAt: session.startedAt,
  endedAt: session.endedAt,
  facilitatorName: session.facilitator.displayName,
  itemCount: session.items.length,
  discussed: discussedItems(session).length,
});

async function viewOf({ deps, project, accountId, live, settings, book, shown }: SessionCall & { settings: ProjectSettings; book: SessionBook; shown?: RefinementSession | null }): Promise<SessionView> {
  const stored = shown === undefined ? (book.sessions[0] ?? null) : shown;
  const last = book.sessions[0];
  const lastCarried = last && last.status === 'ended' ? carriedOverItems(last).map((item) => item.issueKey) : [];
  const [facilitation, allQuestions] = await Promise.all([facilitationOf({ deps, ref: { project }, accountId, settings }), storedQuestions({ deps, projectId: project.id })]);
  // The session and the questions are stored per project, but each is about an issue with its own
  // permissions: one bulk read as the caller (asUser) says which of them they may see.
  const visible = await visibleToCaller({ deps, keys: [...(stored?.items.map((item) => item.issueKey) ?? []), ...lastCarried], ids: allQuestions.map((question) => question.issueId) });
  const canSee = (issueKey: string) => visible.keys.has(issueKey);
  const session = stored ? redactSession({ session: stored, canSee }) : null;
  // The project's questions the caller may see: the page asks about the next session's items before
  // it starts; the summary takes only those of the session's own items.
  const questions = allQuestions.filter((question) => visible.ids.has(question.issueId)).map(publicQuestion);
  const itemKeys = new Set(session?.items.map((item) => item.issueKey) ?? []);
  return {
    session,
    questions,
    canFacilitate: facilitation.canFacilitate,
    isFacilitator: session?.status === 'running' && session.facilitator.accountId === accountId,
    facilitatorRule: facilitation.rule,
    history: book.sessions.map(historyRow),
    summaryMarkdown: session?.status === 'ended' ? sessionSummaryMarkdown({ session, questions: questions.filter((question) => itemKeys.has(question.issueKey)), now: deps.clock.now() }) : null,
    live: await sessionChannel({ project, live }),
    carryOver: lastCarried.filter(canSee),
  };
}

/** Which of these issues the caller may see: one bulkfetch as the user (per 100 issues), none when there are none. */
async function visibleToCaller({ deps, keys, ids }: { deps: UseCaseDeps; keys: string[]; ids: string[] }): Promise<{ keys: Set<string>; ids: Set<string> }> {
  const wanted = [...new Set([...keys, ...ids])];
  const found = wanted.length === 0 ? [] : await deps.jira.visibleIssues(wanted);
  return { keys: new Set(found.map((issue) => issue.key)), ids: new Set(found.map((issue) => issue.id)) };
}

export async function getSession(call: SessionCall & { number?: number }): Promise<SessionView> {
  const [settings, { value: book }] = await Promise.all([loadSettings({ deps: call.deps, projectId: call.project.id }), call.deps.stores.sessions.load(call.project.id)]);
  const shown = call.number === undefined ? undefined : (book.sessions.find((session) => session.number === call.number) ?? null);
  return viewOf({ ...call, settings, book, shown });
}

/**
 * Reads the book, lets `change` produce the next one and creates it as the next version. When
 * `expectedVersion` is given (a facilitator action) a session that moved on since the caller saw
 * it is refused with CONFLICT instead of being changed blindly; otherwise a lost race re-reads.
 */
async function changeBook(call: SessionCall & { expectedVersion?: number; change: (book: SessionBook, settings: ProjectSettings) => Promise<SessionBook> | SessionBook }): Promise<SessionView> {
  const settings = await loadSettings({ deps: call.deps, projectId: call.project.id });
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const { version, value } = await call.deps.stores.sessions.load(call.project.id);
    const current = running(value);
    if (call.expectedVersion !== undefined && current && current.version !== call.expectedVersion) {
      throw new ConflictError('The session moved on while you were looking at it (someone else acted). It now shows the latest state.');
    }
    let next: SessionBook;
    try {
      next = await call.change(value, settings);
    } catch (error) {
      if (error instanceof SessionRuleError) throw new BadRequestError(error.message);
      throw error;
    }
    if (await call.deps.stores.sessions.create({ projectId: call.project.id, version: version + 1, value: next })) {
      await call.live?.publish({ project: call.project, version: next.sessions[0]?.version ?? 0 });
      return viewOf({ ...call, settings, book: next });
    }
    if (call.expectedVersion !== undefined) throw new ConflictError('Someone else changed the session at the same moment. It now shows the latest state.');
  }
  throw new ConflictError('Many people changed the session at once; please try again.');
}

const replaceCurrent = (book: SessionBook, session: RefinementSession): SessionBook => ({ sessions: [session, ...book.sessions.slice(1)] });

function currentOrThrow(book: SessionBook): RefinementSession {
  const session = running(book);
  if (!session) throw new BadRequestError('No refinement session is running in this project.');
  return session;
}

async function assertFacilitates(call: SessionCall & { settings: ProjectSettings }): Promise<void> {
  const facilitation = await facilitationOf({ deps: call.deps, ref: { project: call.project }, accountId: call.accountId, settings: call.settings });
  if (!facilitation.canFacilitate) throw new PermissionDeniedError(`You cannot facilitate. ${facilitation.rule}`);
}

function assertIsFacilitator(session: RefinementSession, accountId: string): void {
  if (session.facilitator.accountId !== accountId) {
    throw new PermissionDeniedError(`${session.facilitator.displayName} facilitates this session. Use “Take over facilitation” to run it yourself.`);
  }
}

/**
 * Starts a session from the agenda: the items the last session did not reach first, then the
 * agenda's items in order, as many as the session's minutes hold. A running session is returned as is.
 */
export async function startSession(call: SessionCall & { sessionMinutes?: number }): Promise<SessionView> {
  const agenda = await buildAgenda({ deps: call.deps, project: call.project, sessionMinutes: call.sessionMinutes });
  const person = await me(call.deps);
  return changeBook({
    ...call,
    change: async (book, settings) => {
      if (running(book)) throw new ConflictError('A session is already running in this project; join it instead.');
      await assertFacilitates({ ...call, settings });
      const last = book.sessions[0];
      const carried: SessionItemSeed[] = last ? carriedOverItems(last).map((item) => ({ issueKey: item.issueKey, summary: item.summary, timeboxMinutes: item.timeboxMinutes, focus: item.focus, carriedOver: true })) : [];
      const seeds = [...carried];
      let minutes = carried.reduce((sum, item) => sum + item.timeboxMinutes, 0);
      for (const item of agenda.items) {
        if (seeds.some((seed) => seed.issueKey === item.issueKey)) continue;
        if (minutes + item.timeboxMinutes > agenda.sessionMinutes && seeds.length > 0) break;
        seeds.push({ issueKey: item.issueKey, summary: item.summary, timeboxMinutes: item.timeboxMinutes, focus: item.focus, carriedOver: false });
        minutes += item.timeboxMinutes;
      }
      const session = startInDomain({ number: (last?.number ?? 0) + 1, facilitator: person, now: call.deps.clock.now(), sessionMinutes: agenda.sessionMinutes, items: seeds });
      return { sessions: [session, ...book.sessions].slice(0, SESSION_HISTORY) };
    },
  });
}

/** A facilitator's step (next, go to, extend, park, record an outcome), against the version they saw. */
export async function actOnSession(call: SessionCall & { expectedVersion: number; action: SessionAction }): Promise<SessionView> {
  return changeBook({
    ...call,
    change: (book) => {
      const session = currentOrThrow(book);
      assertIsFacilitator(session, call.accountId);
      return replaceCurrent(book, applySessionAction({ session, action: call.action, now: call.deps.clock.now() }));
    },
  });
}

/** A participant's confidence (1–5) on the current item; concurrent answers re-read instead of failing. */
export async function giveConfidence(call: SessionCall & { value: number }): Promise<SessionView> {
  const person = await me(call.deps);
  return changeBook({ ...call, change: (book) => replaceCurrent(book, confidenceInDomain({ session: currentOrThrow(book), person, value: call.value })) });
}

/** Takes over facilitation: only on an explicit, confirmed request, by someone the settings allow. */
export async function takeOver(call: SessionCall & { expectedVersion: number; confirm: boolean }): Promise<SessionView> {
  if (!call.confirm) throw new BadRequestError('Confirm that you want to take over facilitation.');
  const person = await me(call.deps);
  return changeBook({
    ...call,
    change: async (book, settings) => {
      await assertFacilitates({ ...call, settings });
      return replaceCurrent(book, takeOverSession({ session: currentOrThrow(book), person }));
    },
  });
}

/**
 * Ends the session and writes the outcomes back (one comment per discussed item, at most once;
 * "Team has discussed it" ticked). Calling it again on an ended session finishes a write-back
 * that was cut short and posts nothing twice.
 */
export async function endSession(call: SessionCall & { expectedVersion: number }): Promise<SessionView> {
  const { value } = await call.deps.stores.sessions.load(call.project.id);
  const latest = value.sessions[0];
  let ended: RefinementSession;
  if (latest?.status === 'running') {
    assertIsFacilitator(latest, call.accountId);
    const view = await changeBook({ ...call, change: (book) => replaceCurrent(book, endInDomain({ session: currentOrThrow(book), now: call.deps.clock.now() })) });
    if (!view.session) throw new ConflictError('The session could not be ended; please try again.');
    ended = view.session;
  } else if (latest) {
    assertIsFacilitator(latest, call.accountId);
    ended = latest;
  } else {
    throw new BadRequestError('No refinement session to end in this project.');
  }
  const settings = await loadSettings({ deps: call.deps, projectId: call.project.id });
  const writeBack = await writeBackSession({ deps: call.deps, project: call.project, session: ended, settings });
  return changeBook({
    ...call,
    change: (book) => ({ sessions: book.sessions.map((session) => (session.number === ended.number ? { ...session, writeBack, version: session.version + 1 } : session)) }),
  });
}
