import type { ManualItem, ProjectSettings } from '../../contract';
import { defaultSettings } from './default-settings';
import { parseSettings } from './parse-settings';
import { MANUAL_ITEM_ID } from './settings-schema';

/**
 * Turns whatever was stored (any older version, partial, hand-edited or garbage) into valid
 * current settings. Valid stored values are kept; missing or invalid ones take the default.
 * Never throws: a project must always be scorable.
 */

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 0 (before `version` existed) stored a flat object:
 * `{ threshold, labels: { notReady }, maxPoints?, staleDays?, checklist?: string[], acField? }`.
 */
function fromV0(stored: Json): Json {
  const labels = isRecord(stored.labels) ? stored.labels : {};
  const migrated: Json = { version: 1 };
  if (stored.threshold !== undefined) migrated.readyThreshold = stored.threshold;
  if (labels.notReady !== undefined) migrated.sprintFlags = { label: labels.notReady };
  if (stored.maxPoints !== undefined) migrated.size = { maxPoints: stored.maxPoints };
  if (stored.staleDays !== undefined) migrated.staleDays = stored.staleDays;
  if (stored.acField !== undefined) migrated.text = { acFieldId: stored.acField };
  if (Array.isArray(stored.checklist)) {
    migrated.manualItems = stored.checklist
      .filter((label): label is string => typeof label === 'string' && label.trim().length > 0)
      .map((label) => ({ id: slug(label), label: label.trim(), enabled: true, required: false, weight: 1 }));
  }
  return migrated;
}

function slug(label: string): string {
  const id = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return id.length > 0 ? id : 'item';
}

/** Takes each stored value whose type matches the default's; recurses into objects. */
function mergeOnto(defaults: unknown, stored: unknown): unknown {
  if (stored === undefined) return defaults;
  if (isRecord(defaults)) {
    if (!isRecord(stored)) return defaults;
    const merged: Json = {};
    for (const [key, value] of Object.entries(defaults)) merged[key] = mergeOnto(value, stored[key]);
    return merged;
  }
  if (Array.isArray(defaults)) return Array.isArray(stored) ? stored : defaults;
  // Nullable fields (acFieldId, boardId) default to null and accept null or a value.
  if (defaults === null) return stored === null || typeof stored === 'string' || typeof stored === 'number' ? stored : null;
  return typeof stored === typeof defaults ? stored : defaults;
}

/** Keeps the stored checklist items that are valid, dropping broken ones and repeated ids. */
function cleanManualItems(stored: unknown, fallback: ManualItem[]): unknown {
  if (!Array.isArray(stored)) return fallback;
  const seen = new Set<string>();
  const items: unknown[] = [];
  for (const item of stored) {
    if (!isRecord(item) || typeof item.id !== 'string' || !MANUAL_ITEM_ID.test(item.id) || seen.has(item.id)) continue;
    seen.add(item.id);
    items.push({ enabled: true, required: false, weight: 1, ...item });
  }
  return items;
}

function setAt(target: Json, path: string[], value: unknown): void {
  let node: Json = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecord(next)) return;
    node = next;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

function getAt(source: unknown, path: string[]): unknown {
  let node: unknown = source;
  for (const key of path) {
    if (isRecord(node)) node = node[key];
    else if (Array.isArray(node)) node = node[Number(key)];
    else return undefined;
  }
  return node;
}

/** Replaces each invalid field by its default, nearest enclosing default when the path is deeper. */
function repair(candidate: Json, defaults: ProjectSettings): ProjectSettings {
  let current = candidate;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const parsed = parseSettings(current);
    if (parsed.ok) return parsed.settings;
    const next: Json = structuredClone(current);
    for (const error of parsed.fieldErrors) {
      const path = error.path.split('.');
      // Array items have no default of their own: reset the whole list.
      const listIndex = path.findIndex((part) => /^\d+$/.test(part));
      const target = listIndex >= 0 ? path.slice(0, listIndex) : path;
      setAt(next, target, structuredClone(getAt(defaults, target)));
    }
    current = next;
  }
  return defaults;
}

/** "Team agrees on the estimate" as every profile had it before defaults revision 2. */
const AGREEMENT_BEFORE_V2 = { enabled: true, required: false, weight: 1 };

/**
 * Settings saved before revision 2 made "Team agrees on the estimate" required. A profile whose row
 * still reads exactly as the old default never chose otherwise and gets the new default; a row the
 * team changed (switched off, re-weighted) was a choice and is kept as it is.
 */
function toDefaultsV2(stored: Json): Json {
  if (typeof stored.defaultsVersion === 'number' && stored.defaultsVersion >= 2) return stored;
  if (!isRecord(stored.profiles)) return stored;
  const profiles: Json = {};
  for (const [id, profile] of Object.entries(stored.profiles)) {
    const agreement = isRecord(profile) && isRecord(profile.criteria) ? profile.criteria['estimate-agreement'] : undefined;
    const untouched =
      isRecord(agreement) &&
      agreement.enabled === AGREEMENT_BEFORE_V2.enabled &&
      agreement.required === AGREEMENT_BEFORE_V2.required &&
      agreement.weight === AGREEMENT_BEFORE_V2.weight;
    profiles[id] =
      untouched && isRecord(profile) && isRecord(profile.criteria)
        ? { ...profile, criteria: { ...profile.criteria, 'estimate-agreement': { ...agreement, required: true } } }
        : profile;
  }
  return { ...stored, profiles };
}

export function migrateSettings(stored: unknown): ProjectSettings {
  const defaults = defaultSettings();
  try {
    if (!isRecord(stored)) return defaults;
    const current = toDefaultsV2(stored.version === undefined || stored.version === 0 ? fromV0(stored) : stored);
    const merged = mergeOnto(defaults, current);
    if (!isRecord(merged)) return defaults;
    merged.version = 1;
    merged.manualItems = cleanManualItems(current.manualItems, defaults.manualItems);
    return repair(merged, defaults);
  } catch {
    return defaults;
  }
}
