import { countWords, extractText } from '../../../../src/domain/text';
import { segmenterWordCount } from '../../../../src/domain/text/count-words';
import { READY_STORY, REALISTIC_300_WORDS } from '../../../fixtures/text/adf';
import { HUGE_DESCRIPTION, MARKDOWN_STORY, OPEN_QUESTIONS, WIKI_STORY } from '../../../fixtures/text/strings';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['a-b', 1],
    ['a-', 1],
    ['a--b', 2],
    ["a-'b", 2],
    ['don’t stop', 2],
    // Intl.Segmenter keeps an abbreviation whole: "e.g." is one word (it was two before).
    ['e.g. this', 2],
    ['tab\tand\nnew line', 4],
    ['no\u00a0break', 2],
    ['日本語 text', 2],
    ['😀 emoji', 1],
    ["don't split e-mail addresses", 4],
    ['Ünïcödé wörds — and 42 numbers', 5],
    ['  * - | ', 0],
    ['version 3.5 costs 1,000 points', 5],
    ['node.js and api_key', 3],
  ])('%j has %d words', (input, expected) => expect(countWords(input)).toBe(expected));

  it('counts the words of Chinese text, written without spaces', () => {
    // 90 characters of a user story: a whitespace split would see 6 "words".
    const story = '作为一个经常在手机上购物的回头客，我希望购物车里的商品在下次访问时仍然保留，以便我不用重新搜索和挑选之前已经看中的商品，节省时间并且更快完成下单。另外，如果商品缺货，我希望能看到明确的提示。';
    expect(story.split(/\s+/)).toHaveLength(1);
    expect(countWords(story)).toBeGreaterThan(40);
  });

  it.each([
    ['the ready story', extractText(READY_STORY).plain],
    ['a realistic description', extractText(REALISTIC_300_WORDS).plain],
    ['wiki markup', WIKI_STORY],
    ['markdown', MARKDOWN_STORY],
    ['questions', OPEN_QUESTIONS],
    ['a long description', HUGE_DESCRIPTION],
    ['mixed scripts', 'Café-Bar: naïve façade, 東京 and Zürich. Größe 3,5 m².'],
  ])('gives what Intl.Segmenter gives for %s', (_name, text) => {
    expect(countWords(text)).toBe(segmenterWordCount(text));
  });
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
