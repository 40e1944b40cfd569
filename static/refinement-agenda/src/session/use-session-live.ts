import { useEffect, useRef, useState } from 'react';
import { Jira, realtime } from '@forge/bridge';
import type { SessionChannel } from '../../../../src/contract';

export type LiveMode = 'connecting' | 'live' | 'polling';

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
 */
export function useSessionLive(args: { live: SessionChannel | null; version: number | null; active: boolean; onChanged: () => void }): LiveMode {
  const [mode, setMode] = useState<LiveMode>('connecting');
  const onChanged = useRef(args.onChanged);
  onChanged.current = args.onChanged;
  const version = useRef(args.version);
  version.current = args.version;
  const channel = args.live?.channel ?? null;
  const token = args.live?.token ?? null;
  const pollSeconds = Math.max(5, args.live?.pollSeconds ?? 5);

  useEffect(() => {
    if (channel === null) return undefined;
    let cancelled = false;
    let unsubscribe: (() => void) | null = null;
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
      subscribing = realtime.subscribe(channel, onEvent, { contextOverrides: [Jira.Project], ...(token ? { token } : {}) });
    } catch (error) {
      subscribing = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    subscribing.then(
      (subscription) => {
        if (cancelled) subscription.unsubscribe();
        else {
          unsubscribe = () => subscription.unsubscribe();
          setMode('live');
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
      unsubscribe?.();
    };
  }, [channel, token]);

  useEffect(() => {
    if (mode !== 'polling' || !args.active) return undefined;
    const timer = setInterval(() => onChanged.current(), pollSeconds * 1000);
    return () => clearInterval(timer);
  }, [mode, args.active, pollSeconds]);

  return mode;
}
