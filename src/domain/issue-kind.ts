import type { IssueKind } from './issue';

/** Issue-type names (lowercase) that map to a Definition-of-Ready profile. */
const KIND_BY_NAME: ReadonlyMap<string, IssueKind> = new Map<string, IssueKind>([
  ['story', 'story'],
  ['user story', 'story'],
  ['bug', 'bug'],
  ['defect', 'bug'],
  ['spike', 'spike'],
  ['research', 'spike'],
  ['investigation', 'spike'],
  ['epic', 'epic'],
  ['sub-task', 'subtask'],
  ['subtask', 'subtask'],
]);

/**
 * Chooses the profile an issue type is judged by. Names are matched case-insensitively;
 * the hierarchy level and subtask flag win over the name because sites rename types
 * ("Feature" at level 1 is an epic, "Technical sub-task" is a subtask).
 */
export function issueKindFromType({
  name,
  hierarchyLevel,
  subtask,
}: {
  name: string;
  hierarchyLevel?: number | null;
  subtask?: boolean | null;
}): IssueKind {
  if (subtask === true || hierarchyLevel === -1) return 'subtask';
  if (typeof hierarchyLevel === 'number' && hierarchyLevel >= 1) return 'epic';
  return KIND_BY_NAME.get(name.trim().toLowerCase()) ?? 'task';
}
