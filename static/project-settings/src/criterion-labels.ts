import type { AutoCriterionId } from '../../../src/contract';

export const CRITERION_LABELS: Record<AutoCriterionId, { label: string; hint: string }> = {
  description: { label: 'Description', hint: 'Has a description with enough words' },
  'story-format': { label: 'User story form', hint: '"As a … I want … so that …"' },
  'acceptance-criteria': { label: 'Acceptance criteria', hint: 'AC heading, Given/When/Then or the AC field' },
  'scope-bounds': { label: 'Scope bounds', hint: 'Says what is out of scope' },
  estimate: { label: 'Estimated', hint: 'Has a story-point estimate' },
  size: { label: 'Small enough', hint: 'Estimate at or below the size limit' },
  dependencies: { label: 'Dependencies resolved', hint: 'No open blockers ranked below it' },
  unknowns: { label: 'No open unknowns', hint: 'No TBD, open questions or spikes pending' },
  'design-assets': { label: 'Design assets', hint: 'UI work links its designs' },
  'estimate-agreement': { label: 'Estimates agree', hint: 'Last estimation round did not diverge' },
};

export const PROFILE_LABELS = { story: 'Story', bug: 'Bug', task: 'Task', spike: 'Spike', epic: 'Epic' } as const;
