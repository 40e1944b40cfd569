import type { ManualItem } from '../../../src/contract';

const MAX_ID_LENGTH = 40;

/** "Design reviewed with UX!" → "design-reviewed-with-ux"; ids are [a-z0-9-] so they are safe KVS key parts. */
export function slugify(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/g, '');
  return slug === '' ? 'item' : slug;
}

/** A slug not used yet: "design-review", then "design-review-2", "design-review-3"… */
export function uniqueItemId(args: { label: string; existingIds: readonly string[] }): string {
  const base = slugify(args.label);
  if (!args.existingIds.includes(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
    if (!args.existingIds.includes(candidate)) return candidate;
  }
}

/** Appends a new enabled, optional item with weight 1; the id is fixed from now on (renames keep it). */
export function addManualItem(args: { items: readonly ManualItem[]; label: string }): ManualItem[] {
  const label = args.label.trim();
  if (label === '') return [...args.items];
  const id = uniqueItemId({ label, existingIds: args.items.map((i) => i.id) });
  return [...args.items, { id, label, enabled: true, required: false, weight: 1 }];
}
