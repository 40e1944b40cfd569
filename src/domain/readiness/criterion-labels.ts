import type { AutoCriterionId, CRITERION_GAP_LABELS, CRITERION_LABELS, PROFILE_CRITERION_LABELS, ProfileId } from '../../contract';

/**
 * The contract's names, repeated because the domain may only import types from it. Typed by the
 * contract's `as const` objects, so a word changed on one side and not the other does not compile:
 * the panel, badge, settings page and Markdown all say the same name.
 */
const LABELS: typeof CRITERION_LABELS = {
  description: 'Clear description',
  'story-format': 'User story form (role, goal, benefit)',
  'acceptance-criteria': 'Acceptance criteria',
  'scope-bounds': 'Scope bounds (out of scope)',
  estimate: 'Estimated',
  size: 'Small enough for a sprint',
  dependencies: 'No open blockers',
  unknowns: 'No open unknowns',
  'design-assets': 'Design assets',
  'estimate-agreement': 'Estimates agree',
};

/** The contract's gap names (CRITERION_GAP_LABELS), for the flag messages the domain writes. */
const GAP_LABELS: typeof CRITERION_GAP_LABELS = {
  description: 'Description too thin',
  'acceptance-criteria': 'No acceptance criteria',
  'scope-bounds': 'Scope not bounded',
  estimate: 'No estimate',
  size: 'Too big for a sprint',
  unknowns: 'Open unknowns',
  'design-assets': 'No design assets',
  'estimate-agreement': 'Estimates diverge',
};

/** "Estimates diverge": a criterion named as the gap it leaves. */
export function criterionGapLabel(id: keyof typeof CRITERION_GAP_LABELS): string {
  return GAP_LABELS[id];
}

/** Bugs and spikes judge two criteria differently, and their labels say so. */
const PROFILE_LABELS: typeof PROFILE_CRITERION_LABELS = {
  bug: { 'story-format': 'Steps to reproduce, expected vs actual' },
  spike: { 'story-format': 'A question to answer', 'scope-bounds': 'A timebox or outcome' },
};

export function criterionLabel({ id, profile }: { id: AutoCriterionId; profile: ProfileId }): string {
  const overrides: Partial<Record<ProfileId, Partial<Record<AutoCriterionId, string>>>> = PROFILE_LABELS;
  return overrides[profile]?.[id] ?? LABELS[id];
}
