import { countWords, extractText, findSections, headingMatches, sectionsByHeading } from '../../../../src/domain/text';
import { READY_STORY } from '../../../fixtures/text/adf';
import { PLAIN_WITH_TITLE_LINES, WIKI_STORY } from '../../../fixtures/text/strings';

describe('sectionsByHeading', () => {
  it('splits ADF text at its headings, keeping the lead text', () => {
    const sections = sectionsByHeading({ doc: extractText(READY_STORY) });
    expect(sections.map((s) => [s.heading, s.lines.length])).toEqual([
      ['', 2],
      ['Acceptance criteria', 2],
      ['Out of scope', 2],
    ]);
  });

  it('treats bare lines equal to a wanted name as headings in plain text', () => {
    const doc = extractText(PLAIN_WITH_TITLE_LINES);
    expect(findSections({ doc, names: ['acceptance criteria'] })).toEqual([
      { heading: 'Acceptance criteria', lines: ['Route shows all stops in order', 'Breaks are suggested every 4 hours'] },
    ]);
    expect(findSections({ doc, names: ['out of scope'] })).toEqual([{ heading: 'Out of scope', lines: ['Live traffic'] }]);
  });

  it('finds wiki sections by name regardless of case', () => {
    const [section] = findSections({ doc: extractText(WIKI_STORY), names: ['acceptance criteria'] });
    expect(section?.lines).toHaveLength(3);
  });
});

describe('headingMatches', () => {
  it.each([
    ['Acceptance Criteria:', true],
    ['AC', true],
    ['Acceptance criteria (draft)', true],
    ['Definition of Done', true],
    ['Accessibility', false],
    ['', false],
  ])('%s → %s', (heading, expected) => {
    expect(headingMatches({ heading, names: ['acceptance criteria', 'ac', 'definition of done'] })).toBe(expected);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ["don't split e-mail addresses", 4],
    ['Ünïcödé wörds — and 42 numbers', 5],
    ['  * - | ', 0],
  ])('%j has %d words', (input, expected) => expect(countWords(input)).toBe(expected));
});
