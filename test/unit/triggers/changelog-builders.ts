/**
 * Changelog items in the shape Jira sends them (ChangeDetails: field, fieldtype, fieldId,
 * from, fromString, to, toString), parsed through the trigger's own schema as the handler does.
 */
import { type ChangelogItem, changelogItemSchema } from '../../../src/triggers/events';

export interface RawChangelogItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

/**
 * Overrides name the new value `toText`: every object literal already has an inherited
 * `toString` method, so TypeScript would reject `{ field: 'x' }` against a `toString?: string`.
 */
export type ChangelogOverrides = Partial<Omit<RawChangelogItem, 'toString'>> & { toText?: string | null };

export function aRawChangelogItem({ toText = 'Short text, now with more words', ...overrides }: ChangelogOverrides = {}): RawChangelogItem {
  return {
    field: 'description',
    fieldtype: 'jira',
    fieldId: 'description',
    from: null,
    fromString: 'Short text',
    to: null,
    toString: toText,
    ...overrides,
  };
}

export function aChangelogItem(overrides: ChangelogOverrides = {}): ChangelogItem {
  return changelogItemSchema.parse(aRawChangelogItem(overrides));
}

/** A labels edit: Jira writes the whole label set before and after, space separated. */
export function labelsChange({ from, to }: { from: string[]; to: string[] }): ChangelogItem {
  return aChangelogItem({ field: 'labels', fieldId: 'labels', fromString: from.join(' '), toText: to.join(' ') });
}

/** Jira Software's Flagged checkbox (a custom field; its id differs per site). */
export function flaggedChange({ set }: { set: boolean }): ChangelogItem {
  return aChangelogItem({
    field: 'Flagged',
    fieldtype: 'custom',
    fieldId: 'customfield_10021',
    from: set ? null : '[10019]',
    fromString: set ? null : 'Impediment',
    to: set ? '[10019]' : null,
    toText: set ? 'Impediment' : null,
  });
}

/** Moving an issue between sprints: Jira writes sprint ids in from/to and names in the strings. */
export function sprintChange(overrides: ChangelogOverrides = {}): ChangelogItem {
  return aChangelogItem({
    field: 'Sprint',
    fieldtype: 'custom',
    fieldId: 'customfield_10020',
    from: '1',
    fromString: 'DEMO Sprint 1',
    to: '2',
    toText: 'DEMO Sprint 2',
    ...overrides,
  });
}
