import type { AutoCriterionId } from '../../../src/contract';

/**
 * What each criterion checks, as a hint under its name. The names themselves come from the
 * contract (`criterionLabelFor`), so the settings page says what the panel, badge and agenda say.
 */
export const CRITERION_HINTS: Record<AutoCriterionId, string> = {
  description: 'Has a description with enough words',
  'story-format': '"As a … I want … so that …" (bugs: steps, expected, actual; spikes: a question)',
  'acceptance-criteria': 'AC heading, Given/When/Then or the AC field',
  'scope-bounds': 'Says what is out of scope (spikes: a timebox or outcome)',
  estimate: 'Has a story-point estimate',
  size: 'Estimate at or below the size limit',
  dependencies: 'No unresolved issue blocks it',
  unknowns: 'No TBD, open questions or spikes pending',
  'design-assets': 'UI work links its designs',
  'estimate-agreement': 'Revealed votes are close, or the team accepted an estimate',
};

export const PROFILE_LABELS = { story: 'Story', bug: 'Bug', task: 'Task', spike: 'Spike', epic: 'Epic' } as const;
