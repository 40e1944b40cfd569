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
  const base = { id: `manual:${item.id}` as const, label: item.label, manual: true, weight: item.weight, required: item.required };
  if (entry?.checked) {
    const day = ISO_DATE.exec(entry.at)?.[0] ?? entry.at;
    return {
      ...base,
      status: 'pass',
      detail: `Ticked by ${entry.byName} on ${day}`,
      checkedBy: { accountId: entry.by, displayName: entry.byName, at: entry.at },
    };
  }
  return { ...base, status: 'fail', detail: 'Not ticked yet', fix: 'Tick it in the readiness panel once it is true' };
}
