import type { SprintFieldChange } from './history-types';

/**
 * The sprint ids an issue's sprint field held at `at`, replayed from its history: the value the
 * last change before `at` set; before any change, what the first change replaced; without any
 * change, today's value (the issue was created with it, or never moved).
 */
export function sprintsAt(params: { changes: readonly SprintFieldChange[]; current: readonly number[]; at: string }): number[] {
  const time = Date.parse(params.at);
  let before: SprintFieldChange | undefined;
  let after: SprintFieldChange | undefined;
  for (const change of params.changes) {
    if (Date.parse(change.at) <= time) before = change;
    else if (!after) after = change;
  }
  if (before) return before.to;
  if (after) return after.from;
  return [...params.current];
}

/** Whether the sprint field gained `sprintId` at some moment inside (from, to]. */
export function addedWithin(params: { changes: readonly SprintFieldChange[]; sprintId: number; from: string; to: string | null }): boolean {
  const start = Date.parse(params.from);
  const end = params.to === null ? Number.POSITIVE_INFINITY : Date.parse(params.to);
  return params.changes.some((change) => {
    const time = Date.parse(change.at);
    return time > start && time <= end && change.to.includes(params.sprintId) && !change.from.includes(params.sprintId);
  });
}
