import type { Flag } from '../../contract/readiness';
import type { ProjectSettings } from '../../contract/settings';

export type TimeboxSettings = Pick<ProjectSettings['agenda'], 'baseMinutesPerItem' | 'minutesPerGap' | 'maxMinutesPerItem'>;

/**
 * Serious gaps, each counted once however many flags show it: a blocker that is both open and
 * ranked below is one dependency problem to talk through, not two. A cycle counts apart because
 * breaking it needs its own decision.
 */
export function seriousGaps(flags: readonly Flag[]): number {
  const gaps = new Set<string>();
  for (const flag of flags) {
    if (flag.type === 'dependency') {
      if (flag.kind === 'cycle') gaps.add('cycle');
      else if (flag.kind === 'blocked' || flag.kind === 'order') gaps.add('dependency');
    } else if (flag.type !== 'stale') {
      gaps.add(flag.type);
    }
  }
  return gaps.size;
}

/** Base minutes plus minutes per serious gap, capped so one item cannot eat the session. */
export function timeboxMinutes({ flags, settings }: { flags: readonly Flag[]; settings: TimeboxSettings }): number {
  const wanted = settings.baseMinutesPerItem + settings.minutesPerGap * seriousGaps(flags);
  return Math.max(0, Math.min(wanted, settings.maxMinutesPerItem));
}
