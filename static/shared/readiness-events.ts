import { events } from '@forge/bridge';
import { useCallback, useEffect } from 'react';

/**
 * The issue panel and the readiness badge are separate iframes of the same app. The panel judges
 * the issue (one `getReadiness` call) and says so on the bridge's event bus — on every judgement it
 * receives, and whenever the badge asks — with the few words the badge shows. The badge then needs
 * no judgement of its own: it only reads the stored property when no panel answers. The event is
 * display only (a headline and a score from the same user's panel); nothing is stored or sent on
 * because of it, and it is validated before use.
 * Forge delivers `events.emit` to the app's other frames on the page (apis-reference/ui-api-bridge/events).
 */
const READINESS_CHANGED = 'refinement-radar.readiness-changed';
const READINESS_WANTED = 'refinement-radar.readiness-wanted';

/** What the badge shows, as the panel computed it from its own judgement. */
export interface BadgeSummary {
  headline: string;
  /** Null when the issue type is excluded from the Definition of Ready. */
  score: number | null;
  state: 'ready' | 'not-ready' | 'excluded';
  issueType: string;
}

export function announceReadinessChanged(issueKey: string, summary?: BadgeSummary): void {
  events.emit(READINESS_CHANGED, summary === undefined ? { issueKey } : { issueKey, summary }).catch(() => undefined);
}

/** The badge asks the panel (if one is open) to announce its judgement again. */
export function askForReadiness(issueKey: string): void {
  events.emit(READINESS_WANTED, { issueKey }).catch(() => undefined);
}

function field(payload: unknown, name: string): unknown {
  return typeof payload === 'object' && payload !== null ? Reflect.get(payload, name) : undefined;
}

/** The summary an event carries, if it has the documented shape. */
function summaryOf(payload: unknown): BadgeSummary | null {
  const summary = field(payload, 'summary');
  const headline = field(summary, 'headline');
  const score = field(summary, 'score');
  const state = field(summary, 'state');
  const issueType = field(summary, 'issueType');
  if (typeof headline !== 'string' || typeof issueType !== 'string') return null;
  if (!(score === null || (typeof score === 'number' && Number.isFinite(score)))) return null;
  if (state !== 'ready' && state !== 'not-ready' && state !== 'excluded') return null;
  return { headline, score, state, issueType };
}

function useBridgeEvent(args: { name: string; issueKey: string | null; onEvent: (payload: unknown) => void }): void {
  const { name, issueKey, onEvent } = args;
  useEffect(() => {
    if (issueKey === null) return undefined;
    let unsubscribe: (() => void) | null = null;
    let active = true;
    events
      .on(name, (payload: unknown) => {
        if (field(payload, 'issueKey') === issueKey) onEvent(payload);
      })
      .then(
        (subscription) => {
          if (active) unsubscribe = () => subscription.unsubscribe();
          else subscription.unsubscribe();
        },
        () => undefined,
      );
    return () => {
      active = false;
      unsubscribe?.();
    };
  }, [name, issueKey, onEvent]);
}

/** Calls `onChanged` with the panel's summary (null when the event carried none: re-read). */
export function useReadinessChanged(args: { issueKey: string | null; onChanged: (summary: BadgeSummary | null) => void }): void {
  const { issueKey, onChanged } = args;
  const onEvent = useCallback((payload: unknown) => onChanged(summaryOf(payload)), [onChanged]);
  useBridgeEvent({ name: READINESS_CHANGED, issueKey, onEvent });
}

/** The panel answers a badge that asks for its judgement. */
export function useReadinessWanted(args: { issueKey: string | null; onWanted: () => void }): void {
  const { issueKey, onWanted } = args;
  const onEvent = useCallback(() => onWanted(), [onWanted]);
  useBridgeEvent({ name: READINESS_WANTED, issueKey, onEvent });
}
