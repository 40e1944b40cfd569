import type { ManualItem } from '../../../src/contract';
import { errorsFor, normalizePath, parseNumber, parseWordList, unclaimedErrors } from '../../../static/project-settings/src/field-errors';
import { addManualItem, slugify, uniqueItemId } from '../../../static/project-settings/src/manual-items';

describe('slugify', () => {
  it.each([
    ['Design reviewed with UX!', 'design-reviewed-with-ux'],
    ['  Légal  sign-off  ', 'legal-sign-off'],
    ['<script>', 'script'],
    ['???', 'item'],
  ])('%p → %p', (label, slug) => expect(slugify(label)).toBe(slug));

  it('stays within 40 characters without a trailing dash', () => {
    const slug = slugify('a'.repeat(39) + ' b c');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('uniqueItemId and addManualItem', () => {
  it('suffixes a taken id', () => {
    expect(uniqueItemId({ label: 'Design review', existingIds: ['design-review', 'design-review-2'] })).toBe('design-review-3');
  });

  it('adds an enabled optional item with weight 1 and ignores blank labels', () => {
    const items: ManualItem[] = [{ id: 'legal-ok', label: 'Legal OK', enabled: true, required: true, weight: 2 }];
    expect(addManualItem({ items, label: '  Legal OK ' })).toEqual([...items, { id: 'legal-ok-2', label: 'Legal OK', enabled: true, required: false, weight: 1 }]);
    expect(addManualItem({ items, label: '   ' })).toEqual(items);
  });
});

describe('field errors', () => {
  const errors = [
    { path: 'settings.readyThreshold', message: 'Must be 0–100' },
    { path: 'settings.manualItems[1].label', message: 'Required' },
    { path: 'settings.somethingNew', message: 'Unknown' },
  ];

  it('normalises paths', () => {
    expect(normalizePath('settings.manualItems[1].label')).toBe('manualItems.1.label');
  });

  it('finds errors for a field and its children', () => {
    expect(errorsFor({ errors, path: 'readyThreshold' }).map((e) => e.message)).toEqual(['Must be 0–100']);
    expect(errorsFor({ errors, path: 'manualItems.1' }).map((e) => e.message)).toEqual(['Required']);
    expect(errorsFor({ errors, path: 'manualItems.0' })).toEqual([]);
  });

  it('reports errors no field claims', () => {
    expect(unclaimedErrors({ errors, claimedPaths: ['readyThreshold', 'manualItems'] }).map((e) => e.path)).toEqual(['settings.somethingNew']);
  });
});

describe('parsing', () => {
  it('parses word lists and numbers', () => {
    expect(parseWordList(' acceptance criteria, AC,, AC ')).toEqual(['acceptance criteria', 'AC']);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('x')).toBeNaN();
  });
});
