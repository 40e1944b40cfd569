import type { AutoCriterionId, ProfileId } from '../../contract';

const LABELS: Record<AutoCriterionId, string> = {
  description: 'Clear description',
  'story-format': 'User story form (role, goal, benefit)',
  'acceptance-criteria': 'Acceptance criteria',
  'scope-bounds': 'Scope bounds (out of scope)',
  estimate: 'Estimated',
  size: 'Small enough for a sprint',
  dependencies: 'No open blockers',
  unknowns: 'No open unknowns',
  'design-assets': 'Design assets',
  'estimate-agreement': 'Team agrees on the estimate',
};

/** Bugs and spikes judge two criteria differently, and their labels say so. */
const PROFILE_LABELS: Partial<Record<ProfileId, Partial<Record<AutoCriterionId, string>>>> = {
  bug: { 'story-format': 'Steps to reproduce, expected vs actual' },
  spike: { 'story-format': 'A question to answer', 'scope-bounds': 'A timebox or outcome' },
};

export function criterionLabel({ id, profile }: { id: AutoCriterionId; profile: ProfileId }): string {
  return PROFILE_LABELS[profile]?.[id] ?? LABELS[id];
}
