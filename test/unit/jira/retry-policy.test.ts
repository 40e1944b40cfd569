import { backoffDelayMs, parseRetryAfterMs, retryDelayMs } from '../../../src/jira/retry-policy';

describe('parseRetryAfterMs', () => {
  const nowMs = Date.parse('2026-11-21T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs({ header: '7', nowMs })).toBe(7000);
    expect(parseRetryAfterMs({ header: ' 0 ', nowMs })).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfterMs({ header: 'Sat, 21 Nov 2026 10:00:12 GMT', nowMs })).toBe(12_000);
    expect(parseRetryAfterMs({ header: 'Sat, 21 Nov 2026 09:59:00 GMT', nowMs })).toBe(0);
  });

  it('returns null when the header is absent or unreadable', () => {
    expect(parseRetryAfterMs({ header: null, nowMs })).toBeNull();
    expect(parseRetryAfterMs({ header: 'soon', nowMs })).toBeNull();
  });
});

describe('retry delays', () => {
  it('grows exponentially under a cap, scaled by the jitter draw', () => {
    const almostOne = () => 0.999;
    const delays = [0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs({ retry, random: almostOne }));
    expect(delays).toEqual([499, 999, 1998, 3996, 7992, 7992, 7992]);
    expect(backoffDelayMs({ retry: 3, random: () => 0 })).toBe(0);
  });

  it('never waits less than Retry-After', () => {
    expect(retryDelayMs({ retry: 0, retryAfterMs: 2000, random: () => 0 })).toBe(2000);
    expect(retryDelayMs({ retry: 0, retryAfterMs: 2000, random: () => 0.99 })).toBeLessThan(2250);
  });
});
