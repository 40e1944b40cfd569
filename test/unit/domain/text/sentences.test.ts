import { splitSentences } from '../../../../src/domain/text';

describe('splitSentences', () => {
  it('splits after full stops, exclamation and question marks', () => {
    expect(splitSentences('First one. Second one! Third one? yes')).toEqual(['First one.', 'Second one!', 'Third one?', 'yes']);
  });

  it.each([
    ['Use a cache, e.g. the Redis one, for sessions.'],
    ['Use a cache, e.g. Redis, for sessions.'],
    ['Pick one store (e.g. Redis) for sessions.'],
    ['Version 3.5 ships with i.e. nothing new.'],
  ])('does not end a sentence at an abbreviation or a decimal: %j', (text) => {
    expect(splitSentences(text)).toEqual([text]);
  });

  it('splits Chinese and Japanese sentences', () => {
    expect(splitSentences('这是第一句。这是第二句！第三句？')).toEqual(['这是第一句。', '这是第二句！', '第三句？']);
  });

  it('gives nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
  });
});
