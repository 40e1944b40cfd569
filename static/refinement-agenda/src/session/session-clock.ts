import { useEffect, useState } from 'react';
import type { RefinementSession, SessionItem } from '../../../../src/contract';

/**
 * Countdowns computed from the stored start times: no timer runs on the server, and a page opened
 * (or re-opened) mid-session shows the same figures as everyone else's.
 */
export function itemElapsedSeconds(item: SessionItem, now: number): number {
  const running = item.currentSince === null ? 0 : Math.max(0, Math.round((now - Date.parse(item.currentSince)) / 1000));
  return item.spentSeconds + running;
}

export const itemTimeboxSeconds = (item: SessionItem): number => (item.timeboxMinutes + item.extendedMinutes) * 60;

/** Seconds left on the item's timebox; negative once it ran over. */
export const itemRemainingSeconds = (item: SessionItem, now: number): number => itemTimeboxSeconds(item) - itemElapsedSeconds(item, now);

export function sessionRemainingSeconds(session: RefinementSession, now: number): number {
  const end = session.endedAt === null ? now : Date.parse(session.endedAt);
  return session.sessionMinutes * 60 - Math.max(0, Math.round((end - Date.parse(session.startedAt)) / 1000));
}

/** "7:05", "0:09", "−1:30" (over time). */
export function formatCountdown(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const abs = Math.abs(seconds);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** "12 min" for spent time in the summary. */
export const formatMinutes = (seconds: number): string => `${Math.round(seconds / 60)} min`;

/** The current time, refreshed every `everyMs` while mounted (drives the countdowns). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
