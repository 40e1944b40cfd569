import { events } from '@forge/bridge';
import { useEffect } from 'react';

/**
 * The issue panel and the readiness badge are separate iframes of the same app. When a person
 * changes the judgement in the panel (ticks an item, accepts an estimate), the panel says so on
 * the bridge's event bus and the badge re-reads its own readiness from the resolver; the event
 * carries only the issue key, never data the badge would have to trust.
 */
const READINESS_CHANGED = 'refinement-radar.readiness-changed';

export function announceReadinessChanged(issueKey: string): void {
  events.emit(READINESS_CHANGED, { issueKey }).catch(() => undefined);
}

export function useReadinessChanged(args: { issueKey: string | null; onChanged: () => void }): void {
  const { issueKey, onChanged } = args;
  useEffect(() => {
    if (issueKey === null) return undefined;
    let unsubscribe: (() => void) | null = null;
    let active = true;
    events
      .on(READINESS_CHANGED, (payload: unknown) => {
        const key: unknown = typeof payload === 'object' && payload !== null ? Reflect.get(payload, 'issueKey') : undefined;
        if (key === issueKey) onChanged();
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
  }, [issueKey, onChanged]);
}
