import type { ChangelogItem } from './events';

/** Fields whose change can move an issue's readiness (names as Jira's changelog writes them). */
const READINESS_FIELDS = new Set([
  'summary',
  'description',
  'issuetype',
  'labels',
  'attachment',
  'link',
  'status',
  'resolution',
  'story points',
  'story point estimate',
  'acceptance criteria',
]);

export interface ChangeKind {
  sprintChanged: boolean;
  readinessInputsChanged: boolean;
  /** Only the app's own kind of edits (its label, the Flagged field): never react, so writes cannot loop. */
  onlyAppEdits: boolean;
}

export function classifyChange({
  items,
  sprintFieldId,
  estimationFieldIds,
  appLabel,
}: {
  items: ChangelogItem[];
  sprintFieldId: string | null;
  estimationFieldIds: string[];
  appLabel: string;
}): ChangeKind {
  const isSprint = (item: ChangelogItem) => item.field.toLowerCase() === 'sprint' || (sprintFieldId !== null && item.fieldId === sprintFieldId);
  const isAppEdit = (item: ChangelogItem) => {
    const field = item.field.toLowerCase();
    if (field === 'flagged') return true;
    if (field !== 'labels') return false;
    const before = new Set((item.fromString ?? '').split(/\s+/).filter(Boolean));
    const after = new Set((item.toString ?? '').split(/\s+/).filter(Boolean));
    const changed = [...before, ...after].filter((label) => before.has(label) !== after.has(label));
    return changed.length > 0 && changed.every((label) => label === appLabel);
  };
  const touchesReadiness = (item: ChangelogItem) =>
    READINESS_FIELDS.has(item.field.toLowerCase()) || (item.fieldId !== undefined && estimationFieldIds.includes(item.fieldId));
  return {
    sprintChanged: items.some(isSprint),
    readinessInputsChanged: items.some((item) => touchesReadiness(item) && !isAppEdit(item)),
    onlyAppEdits: items.length > 0 && items.every(isAppEdit),
  };
}
