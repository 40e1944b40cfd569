import { countWords, extractText } from '../../../../src/domain/text';

describe('countWords', () => {
  it.each([
    ['a-b', 1],
    ['a-', 1],
    ['a--b', 2],
    ["a-'b", 2],
    ['don’t stop', 2],
    ['e.g. this', 3],
    ['tab\tand\nnew line', 4],
    ['no\u00a0break', 2],
    ['日本語 text', 2],
    ['😀 emoji', 1],
  ])('%j has %d words', (input, expected) => expect(countWords(input)).toBe(expected));
});

describe('extractText word count and spacing', () => {
  it('counts the same words as countWords over the whole text', () => {
    const raw = 'h2. Acceptance criteria\n* Given a cart\twith  items\n* Then it   stays\n\nOut of scope:\nno\u00a0break space';
    const doc = extractText(raw);
    expect(doc.words).toBe(countWords(doc.plain));
  });

  it('collapses tabs, runs of spaces and no-break spaces but leaves single spaces alone', () => {
    expect(extractText('one\t two   three\u00a0four five').plain).toBe('one two three four five');
  });
});
