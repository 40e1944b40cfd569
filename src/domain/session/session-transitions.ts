import type { PersonRef, RefinementSession, SessionAction, SessionItem } from '../../contract/session';

/** Pure transitions of a refinement session. Each returns a new record one version higher. */

export interface SessionItemSeed {
  issueKey: string;
  summary: string;
  timeboxMinutes: number;
  focus: string[];
  carriedOver: boolean;
}

const MAX_DECISIONS = 10;
const MAX_EXTEND_MINUTES = 30;

function elapsedSeconds(since: string | null, now: Date): number {
  if (since === null) return 0;
  return Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000));
}

/** Seconds spent on an item so far, the running stretch included. */
export function itemSpentSeconds(item: SessionItem, now: Date): number {
  return item.spentSeconds + elapsedSeconds(item.currentSince, now);
}

export function startSession(params: { number: number; facilitator: PersonRef; now: Date; sessionMinutes: number; items: SessionItemSeed[] }): RefinementSession {
  const at = params.now.toISOString();
  const items = params.items.map(
    (seed, index): SessionItem => ({
      ...seed,
      extendedMinutes: 0,
      currentSince: index === 0 ? at : null,
      spentSeconds: 0,
      visited: index === 0,
      parked: false,
      outcome: null,
      decisions: [],
      confidence: [],
    }),
  );
  return {
    number: params.number,
    status: 'running',
    facilitator: params.facilitator,
    startedAt: at,
    endedAt: null,
    sessionMinutes: params.sessionMinutes,
    currentIndex: items.length > 0 ? 0 : null,
    items,
    version: 1,
    writeBack: [],
  };
}

/** Stops the running stretch of the current item. */
function pauseCurrent(items: SessionItem[], index: number | null, now: Date): SessionItem[] {
  return items.map((item, i) => (i === index && item.currentSince !== null ? { ...item, spentSeconds: itemSpentSeconds(item, now), currentSince: null } : item));
}

function moveTo(session: RefinementSession, index: number | null, now: Date): RefinementSession {
  const paused = pauseCurrent(session.items, session.currentIndex, now);
  const items = paused.map((item, i) => (i === index ? { ...item, currentSince: now.toISOString(), visited: true } : item));
  return { ...session, items, currentIndex: index, version: session.version + 1 };
}

function updateCurrent(session: RefinementSession, change: (item: SessionItem) => SessionItem): RefinementSession {
  const index = session.currentIndex;
  if (index === null) throw new SessionRuleError('No item is current.');
  return { ...session, items: session.items.map((item, i) => (i === index ? change(item) : item)), version: session.version + 1 };
}

/** A facilitator action refused by the session's rules (the use case maps it to BAD_REQUEST). */
export class SessionRuleError extends Error {}

/** The index after the current one that still needs discussing, or null at the end. */
function nextIndex(session: RefinementSession): number | null {
  const from = session.currentIndex ?? -1;
  for (let i = from + 1; i < session.items.length; i++) if (session.items[i]?.outcome === null) return i;
  return null;
}

export function applySessionAction(params: { session: RefinementSession; action: SessionAction; now: Date }): RefinementSession {
  const { session, action, now } = params;
  if (session.status !== 'running') throw new SessionRuleError('This session has ended.');
  switch (action.type) {
    case 'goto':
      if (action.index < 0 || action.index >= session.items.length) throw new SessionRuleError('There is no such agenda item.');
      return moveTo(session, action.index, now);
    case 'next':
      return moveTo(session, nextIndex(session), now);
    case 'extend':
      if (action.minutes < 1 || action.minutes > MAX_EXTEND_MINUTES) throw new SessionRuleError(`Extend by 1 to ${MAX_EXTEND_MINUTES} minutes.`);
      return updateCurrent(session, (item) => ({ ...item, extendedMinutes: item.extendedMinutes + action.minutes }));
    case 'park': {
      const parked = updateCurrent(session, (item) => ({ ...item, parked: true }));
      return { ...moveTo(parked, nextIndex(parked), now), version: session.version + 1 };
    }
    case 'record': {
      const decisions = action.decisions.map((text) => text.trim()).filter((text) => text.length > 0).slice(0, MAX_DECISIONS);
      return updateCurrent(session, (item) => ({ ...item, outcome: action.outcome, decisions, parked: false }));
    }
  }
}

/** A participant's 1–5 confidence on the current item; their latest answer counts. */
export function giveConfidence(params: { session: RefinementSession; person: PersonRef; value: number }): RefinementSession {
  const { session, person, value } = params;
  if (session.status !== 'running') throw new SessionRuleError('This session has ended.');
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new SessionRuleError('Confidence is a whole number from 1 to 5.');
  return updateCurrent(session, (item) => ({
    ...item,
    confidence: [...item.confidence.filter((entry) => entry.person.accountId !== person.accountId), { person, value }],
  }));
}

export function takeOverSession(params: { session: RefinementSession; person: PersonRef }): RefinementSession {
  if (params.session.status !== 'running') throw new SessionRuleError('This session has ended.');
  return { ...params.session, facilitator: params.person, version: params.session.version + 1 };
}

export function endSession(params: { session: RefinementSession; now: Date }): RefinementSession {
  const { session, now } = params;
  if (session.status !== 'running') return session;
  return { ...session, items: pauseCurrent(session.items, session.currentIndex, now), currentIndex: null, status: 'ended', endedAt: now.toISOString(), version: session.version + 1 };
}

/** Items with an outcome: they were discussed and get a comment and the "discussed" tick. */
export const discussedItems = (session: RefinementSession): SessionItem[] => session.items.filter((item) => item.outcome !== null);

/** Items without an outcome (not reached, parked or left open): they open the next session. */
export const carriedOverItems = (session: RefinementSession): SessionItem[] => session.items.filter((item) => item.outcome === null);
