import type { SessionOutcome } from '../../../../src/contract';

/** The outcome names the facilitator picks from (the same words the write-back comment uses). */
export const OUTCOME_NAMES: Record<SessionOutcome, string> = {
  ready: 'Ready',
  'needs-refinement': 'Needs more refinement',
  split: 'Split',
  spike: 'Spike needed',
  drop: 'Drop',
};

export function outcomeAppearance(outcome: SessionOutcome): 'success' | 'moved' | 'removed' | 'new' | 'default' {
  switch (outcome) {
    case 'ready':
      return 'success';
    case 'needs-refinement':
      return 'moved';
    case 'split':
    case 'spike':
      return 'new';
    case 'drop':
      return 'removed';
  }
}
