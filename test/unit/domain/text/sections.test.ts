import { extractText, findSection, headingMatches } from '../../../../src/domain/text';
import { READY_STORY } from '../../../fixtures/text/adf';
import { PLAIN_WITH_TITLE_LINES, WIKI_STORY } from '../../../fixtures/text/strings';

const AC = ['acceptance criteria', 'ac', 'a c', 'definition of done', 'dod'];
const texts = (blocks: readonly { text: string }[]) => blocks.map((block) => block.text);

describe('findSection', () => {
  it('takes the blocks under a heading, up to the next heading', () => {
    const section = findSection({ blocks: extractText(READY_STORY).blocks, names: ['acceptance criteria'] });
    expect(section).toMatchObject({ title: 'Acceptance criteria', via: 'heading', inline: '' });
    expect(section?.blocks).toHaveLength(2);
  });

  it('treats a bare line equal to a wanted name as a heading in plain text', () => {
    const blocks = extractText(PLAIN_WITH_TITLE_LINES).blocks;
    const ac = findSection({ blocks, names: ['acceptance criteria'] });
    expect(ac).toMatchObject({ title: 'Acceptance criteria', via: 'heading' });
    expect(texts(ac?.blocks ?? [])).toEqual(['Route shows all stops in order', 'Breaks are suggested every 4 hours']);
    expect(texts(findSection({ blocks, names: ['out of scope'] })?.blocks ?? [])).toEqual(['Live traffic']);
  });

  it('finds wiki sections by name regardless of case', () => {
    expect(findSection({ blocks: extractText(WIKI_STORY).blocks, names: ['acceptance criteria'] })?.blocks).toHaveLength(3);
  });

  it.each([
    ['Acceptance criteria: * 100 agents can connect * 100 builds can run', 'Acceptance criteria', '* 100 agents can connect * 100 builds can run'],
    ['AC: 1. export works 2. import works', 'AC', '1. export works 2. import works'],
    ['A/C: 1) export works', 'A/C', '1) export works'],
    ['DoD - docs updated', 'DoD', 'docs updated'],
    ['Mockups are linked. Acceptance Criteria: # one # two', 'Acceptance Criteria', '# one # two'],
    ['See the wiki page Acceptance criteria: * one * two', 'Acceptance criteria', '* one * two'],
    ['Some context. h4. Acceptance Criteria The PO can run the demo', 'Acceptance Criteria', 'The PO can run the demo'],
  ])('reads a label inside a line: %j', (line, title, inline) => {
    expect(findSection({ blocks: extractText(line).blocks, names: AC })).toMatchObject({ title, via: 'label', inline });
  });

  it.each([
    ['The acceptance criteria are still unclear, see the thread.'],
    ['We need an AC adapter for the lab.'],
    ['Talk to the team about the definition of done next week.'],
  ])('does not take a name in passing for a label: %j', (line) => {
    expect(findSection({ blocks: extractText(line).blocks, names: AC })).toBeUndefined();
  });

  it.each([['Hvac: 1. filters 2. fans'], ['𝑥ac: * one * two']])('does not take a name ending a longer word for a label: %j', (line) => {
    // "𝑥" lies outside the Basic Multilingual Plane: the letter before the name is read whole.
    expect(findSection({ blocks: extractText(line).blocks, names: AC })).toBeUndefined();
  });

  it.each([['Hvac and AC: * one * two'], ['😀AC: * one * two']])('finds the label after a longer word or a symbol: %j', (line) => {
    expect(findSection({ blocks: extractText(line).blocks, names: AC })).toMatchObject({ title: 'AC', via: 'label', inline: '* one * two' });
  });

  it('keeps the list that follows an inline label, and stops at the prose after it', () => {
    const section = findSection({ blocks: extractText('AC: 1. export works\n2. import works\n\nNotes about the import.').blocks, names: AC });
    expect(section?.inline).toBe('1. export works');
    expect(texts(section?.blocks ?? [])).toEqual(['import works']);
  });

  it('prefers a heading to a label earlier in the text', () => {
    const blocks = extractText('Scope: the API only.\nh2. Out of scope\n* The UI').blocks;
    expect(findSection({ blocks, names: ['out of scope', 'scope'] })).toMatchObject({ title: 'Out of scope', via: 'heading' });
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
