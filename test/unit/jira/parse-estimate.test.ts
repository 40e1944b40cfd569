import { parseEstimate } from '../../../src/jira/parse-estimate';

describe('parseEstimate', () => {
  it.each([
    [8, 8],
    [0.5, 0.5],
    [0, 0],
    ['8.0', 8],
    ['8,5', 8.5],
    [' 5 ', 5],
    ['13', 13],
  ])('reads %p as %p', (raw, expected) => {
    expect(parseEstimate(raw)).toEqual({ estimate: expected, problem: null });
  });

  it.each([null, undefined, '', '   '])('treats %p as no estimate, without a problem', (raw) => {
    expect(parseEstimate(raw)).toEqual({ estimate: null, problem: null });
  });

  it.each([
    ['abc', 'abc'],
    [' large ', 'large'],
    ['5 points', '5 points'],
    [-3, '-3'],
    [Number.NaN, 'NaN'],
    [{ value: 5 }, '{"value":5}'],
    [[3], '[3]'],
  ])('keeps garbage %p as the problem', (raw, problem) => {
    expect(parseEstimate(raw)).toEqual({ estimate: null, problem });
  });
});
