import type { Criterion, ManualItem } from '../../contract';

/** A checklist entry as stored per issue (KVS `checklist:<issueId>`). */
export interface ChecklistEntry {
  checked: boolean;
  by: string;
  byName: string;
  at: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** Judges a checklist item people tick: passes when ticked, names who ticked it and when. */
export function judgeManualItem({ item, entry }: { item: ManualItem; entry: ChecklistEntry | undefined }): Criterion {
  const id = `manual:${item.id}` as const;
  const { label, weight, required } = item;
  // Literal shapes rather than spreading a shared base: this runs for every item of every issue.
  if (entry?.checked) {
    const day = ISO_DATE.exec(entry.at)?.[0] ?? entry.at;
    return {
      id,
      label,
      manual: true,
      weight,
      required,
      status: 'pass',
      detail: `Ticked by ${entry.byName} on ${day}`,
      checkedBy: { accountId: entry.by, displayName: entry.byName, at: entry.at },
    };
  }
  return { id, label, manual: true, weight, required, status: 'fail', detail: 'Not ticked yet', fix: 'Confirm it with the team, then tick it in the Definition of Ready panel' };
}
