import { classifyLink } from '../../../src/jira/classify-link';

describe('classifyLink', () => {
  it.each([
    ['Blocks', 'is blocked by', 'inward', 'blocked-by'],
    ['Blocks', 'blocks', 'outward', 'blocks'],
    ['Dependent', 'depends on', 'inward', 'blocked-by'],
    ['Dependent', 'is depended by', 'outward', 'blocks'],
    ['Dependency', 'is dependent on', 'outward', 'blocked-by'],
    ['Dependency', 'is depended on by', 'inward', 'blocks'],
    ['Relates', 'relates to', 'inward', 'other'],
    ['Duplicate', 'is duplicated by', 'inward', 'other'],
    ['Cloners', 'is cloned by', 'inward', 'other'],
  ] as const)('%s / "%s" (%s) → %s', (typeName, phrase, side, expected) => {
    expect(classifyLink({ typeName, phrase, side })).toBe(expected);
  });

  it('falls back to the side for blocking link types with custom phrases', () => {
    expect(classifyLink({ typeName: 'Blocker', phrase: 'is held up by', side: 'inward' })).toBe('blocked-by');
    expect(classifyLink({ typeName: 'Blocker', phrase: 'holds up', side: 'outward' })).toBe('blocks');
  });
});
