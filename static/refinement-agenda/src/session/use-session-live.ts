import { useEffect, useRef, useState } from 'react';
import { Jira, realtime } from '@forge/bridge';
import type { SessionChannel } from '../../../../src/contract';

export type LiveMode = 'connecting' | 'live' | 'polling';

/** Renew the subscribe token this long before it expires (expiresAt is in epoch seconds). */
const RENEW_BEFORE_MS = 60_000;
/** Never renew more often than this, whatever `expiresAt` says (a clock off by minutes must not loop). */
const MIN_RENEW_MS = 30_000;

/** Events arrive as objects or as their JSON text. */
function eventOf(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.parse(payload);
  } catch {
    return null;
  }
}

/** A session event carries only the session version (`{version}`). */
function versionOf(event: unknown): number | null {
  const version: unknown = typeof event === 'object' && event !== null ? Reflect.get(event, 'version') : undefined;
  return typeof version === 'number' ? version : null;
}

/** A round event (`{kind: 'round'}`, see src/usecases/session-live.ts) says only that some round of the project changed. */
const isRoundEvent = (event: unknown): boolean => typeof event === 'object' && event !== null && Reflect.get(event, 'kind') === 'round';

/** The session view's round (current item) listens here; the subscription lives in useSessionLive. */
const roundListeners = new Set<() => void>();

/** Calls `onChanged` when a vote, reveal or accepted estimate was published for the project's session. */
export function useRoundChanged(onChanged: () => void): void {
  const latest = useRef(onChanged);
  latest.current = onChanged;
  useEffect(() => {
    const listener = () => latest.current();
    roundListeners.add(listener);
    return () => {
      roundListeners.delete(listener);
    };
  }, []);
}

/**
 * Follows the session live. Forge Realtime first (apis-reference/ui-api-bridge/realtime "subscribe",
 * with the same `contextOverrides: [Jira.Project]` the resolvers publish with, so every page of the
 * project shares the channel — realtime/authorizing-realtime-channels "Using context overrides"); the
 * event says only "version N", and the page re-reads the session as its own user. When subscribing
 * fails or realtime is unavailable, it polls — at most once per `pollSeconds` (≥ 5 s).
 * The channel is secured with a subscribe-only token from the session view (realtime/authorizing-
 * realtime-channels "Distinct subscriber and publisher roles"). Before it expires the page re-reads
 * the view (`onChanged`), and the subscription is renewed with the fresh token the view brings; a
 * re-read for any other reason does not resubscribe (each view carries a new token).
 */
export function useSessionLive(args: { live: SessionChannel | null; version: number | null; active: boolean; onChanged: () => void }): LiveMode {
  const [mode, setMode] = useState<LiveMode>('connecting');
  const onChanged = useRef(args.onChanged);
  onChanged.current = args.onChanged;
  const version = useRef(args.version);
  version.current = args.version;
  const channel = args.live?.channel ?? null;
  const token = args.live?.token ?? null;
  const expiresAt = args.live?.expiresAt ?? null;
  const latest = useRef({ token, expiresAt });
  latest.current = { token, expiresAt };
  // Bumped to resubscribe with the newest token; set when the current one is about to expire.
  const [renewals, setRenewals] = useState(0);
  const awaitingToken = useRef<number | null>(null);
  const pollSeconds = Math.max(5, args.live?.pollSeconds ?? 5);

  useEffect(() => {
    if (channel === null) return undefined;
    let cancelled = false;
    let unsubscribe: (() => void) | null = null;
    let renewTimer: ReturnType<typeof setTimeout> | null = null;
    const subscribed = latest.current;
    awaitingToken.current = null;
    setMode('connecting');
    const onEvent = (payload: unknown) => {
      const event = eventOf(payload);
      if (isRoundEvent(event)) {
        // Only the round is re-read (by the current item), not the whole session.
        for (const listener of roundListeners) listener();
        return;
      }
      const next = versionOf(event);
      // An event about the version on screen (our own action's echo) needs no re-read.
      if (next !== null && next === version.current) return;
      onChanged.current();
    };
    let subscribing: Promise<{ unsubscribe: () => void }>;
    try {
      subscribing = realtime.subscribe(channel, onEvent, { contextOverrides: [Jira.Project], ...(subscribed.token ? { token: subscribed.token } : {}) });
    } catch (error) {
      subscribing = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    subscribing.then(
      (subscription) => {
        if (cancelled) subscription.unsubscribe();
        else {
          unsubscribe = () => subscription.unsubscribe();
          setMode('live');
          if (subscribed.expiresAt !== null) {
            const renewIn = Math.max(MIN_RENEW_MS, subscribed.expiresAt * 1000 - RENEW_BEFORE_MS - Date.now());
            renewTimer = setTimeout(() => {
              // Ask for a fresh view; the effect below resubscribes once its token is newer.
              awaitingToken.current = subscribed.expiresAt;
              onChanged.current();
            }, renewIn);
          }
          // Whatever happened while connecting.
          onChanged.current();
        }
      },
      () => {
        if (!cancelled) setMode('polling');
      },
    );
    return () => {
      cancelled = true;
      if (renewTimer !== null) clearTimeout(renewTimer);
      unsubscribe?.();
    };
    // `renewals`, not `token`: every view carries a new token, and resubscribing on each re-read would loop.
  }, [channel, renewals]);

  useEffect(() => {
    const waitingFor = awaitingToken.current;
    if (waitingFor === null || token === null || expiresAt === null || expiresAt <= waitingFor) return;
    awaitingToken.current = null;
    setRenewals((count) => count + 1);
  }, [token, expiresAt]);

  useEffect(() => {
    if (mode !== 'polling' || !args.active) return undefined;
    const timer = setInterval(() => onChanged.current(), pollSeconds * 1000);
    return () => clearInterval(timer);
  }, [mode, args.active, pollSeconds]);

  return mode;
}
