import type { Agenda } from '../../../src/contract';
import { formatPoints } from '../../shared/format';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** How many sprints the horizon was planned to cover: its target over the velocity it came from. */
export function horizonSprints(agenda: Pick<Agenda, 'horizon' | 'velocity'>): number | null {
  const { targetPoints } = agenda.horizon;
  const velocity = agenda.velocity.value;
  if (targetPoints === null || velocity === null || velocity <= 0) return null;
  return Math.max(1, Math.round(targetPoints / velocity));
}

/** "11 items, 43 points". */
export function horizonSize(agenda: Pick<Agenda, 'horizon'>): string {
  const h = agenda.horizon;
  return `${count(h.items, 'item', 'items')}, ${formatPoints(h.points)} ${h.points === 1 ? 'point' : 'points'}`;
}

/** What part of the backlog the agenda looked at, and why there, in one plain sentence. */
export function horizonSentence(agenda: Pick<Agenda, 'horizon' | 'velocity'>): string {
  const h = agenda.horizon;
  const size = horizonSize(agenda);
  const sprints = horizonSprints(agenda);
  const velocity = agenda.velocity.value;
  switch (h.stoppedBecause) {
    case 'points':
      return sprints === null || velocity === null
        ? `The agenda looks at the next ${size}.`
        : `The agenda looks at the next ${count(sprints, 'sprint', 'sprints')} of work (${size}; the team finishes about ${formatPoints(velocity)} points a sprint).`;
    case 'end-of-backlog':
      return `The agenda looks at every open item (${size}): there is no more ranked work.`;
    case 'item-limit':
      return `The agenda looks at the first ${size} in rank order; the backlog goes on beyond them.`;
  }
}
