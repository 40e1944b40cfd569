import type { ManualItem } from '../../../src/contract';
import { errorsFor, normalizePath, parseNumber, parseWordList, unclaimedErrors } from '../../../static/project-settings/src/field-errors';
import { addManualItem, slugify, uniqueItemId } from '../../../static/project-settings/src/manual-items';
import { faultList, fieldLabel, focusCandidates, profileOfPath } from '../../../static/project-settings/src/field-focus';
import { divergenceHint, hintCards, sizeLimitHint } from '../../../static/project-settings/src/settings-hints';
import { numericCards } from '../../../src/domain/estimation';
import { SCALE_IDS } from '../../../src/contract';

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

describe('hints that follow the scale', () => {
  const tshirtPoints = { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 };

  it.each(SCALE_IDS)('the %s deck matches the one the estimation engine counts steps in', (scale) => {
    const custom = { XS: 1, S: 3, M: 5, L: 8, XL: 20, XXL: 40 };
    expect(hintCards({ scale, tshirtPoints: custom })).toEqual(numericCards({ scale, tshirtPoints: custom }));
  });

  it('names two cards of the chosen deck that are the chosen number of steps apart', () => {
    expect(divergenceHint({ scale: 'fibonacci', tshirtPoints, steps: 3 })).toBe('On Fibonacci, 2 and 8 are 3 steps apart: such votes diverge.');
    expect(divergenceHint({ scale: 't-shirt', tshirtPoints, steps: 2 })).toBe('On T-shirt sizes, M and XL are 2 steps apart: such votes diverge.');
    expect(divergenceHint({ scale: 'powers-of-two', tshirtPoints, steps: 1 })).toBe('On Powers of two, 2 and 4 are 1 step apart: such votes diverge.');
  });

  it('says when no two cards are that far apart', () => {
    expect(divergenceHint({ scale: 't-shirt', tshirtPoints, steps: 6 })).toContain('votes never diverge');
  });

  it('lists the cards above the size limit, in sizes for T-shirt', () => {
    expect(sizeLimitHint({ scale: 'fibonacci', tshirtPoints, maxPoints: 8 })).toBe('Flagged too big: 13, 21 points.');
    expect(sizeLimitHint({ scale: 't-shirt', tshirtPoints, maxPoints: 5 })).toBe('Flagged too big: XL (8), XXL (13).');
    expect(sizeLimitHint({ scale: 'powers-of-two', tshirtPoints, maxPoints: 32 })).toContain('nothing is flagged too big');
  });
});

describe('fields at fault', () => {
  it('names each field as the page labels it and merges messages per field', () => {
    const faults = faultList([
      { path: 'settings.readyThreshold', message: 'Must be 0–100' },
      { path: 'settings.profiles.bug.criteria.estimate.weight', message: 'Must be 0–10' },
      { path: 'settings.manualItems[1].label', message: 'Required' },
      { path: 'settings.readyThreshold', message: 'Must be a number' },
    ]);
    expect(faults.map((f) => f.path)).toEqual(['readyThreshold', 'profiles.bug.criteria.estimate.weight', 'manualItems.1.label']);
    expect(faults[0]?.messages).toEqual(['Must be 0–100', 'Must be a number']);
    expect(fieldLabel('profiles.bug.criteria.estimate.weight')).toMatch(/^Bug: .+ weight$/);
    expect(fieldLabel('manualItems.1.label')).toBe('Manual item 2 label');
    expect(fieldLabel('estimation.tshirtPoints.XL')).toBe('XL points');
    expect(fieldLabel('size.maxPoints')).toBe('Split above');
  });

  it('focuses the most specific control on screen and knows which profile to show', () => {
    expect(focusCandidates('settings.manualItems[0]')).toEqual(['field-manualItems.0.label', 'field-manualItems.0', 'field-manualItems']);
    expect(focusCandidates('settings.text.acHeadings')[0]).toBe('field-text.acHeadings');
    expect(profileOfPath('settings.profiles.spike.criteria.size.weight')).toBe('spike');
    expect(profileOfPath('profiles.nope.excluded')).toBeNull();
    expect(profileOfPath('readyThreshold')).toBeNull();
  });
});
