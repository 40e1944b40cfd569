import { backoffDelayMs, parseRateLimitResetMs, parseRetryAfterMs, rateLimitKindOf, retryDelayMs, serverWaitMs } from '../../../src/jira/retry-policy';

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

describe('rateLimitKindOf (RateLimit-Reason)', () => {
  it.each([
    ['jira-burst-based', 'burst'],
    ['jira-per-issue-on-write', 'per-issue-write'],
    ['jira-quota-tenant-based', 'quota'],
    ['jira-quota-global-based', 'quota'],
    // Values of the older rate-limiting page.
    ['jira-quota-based', 'quota'],
    ['jira-cost-based', 'burst'],
    [' JIRA-QUOTA-TENANT-BASED ', 'quota'],
    ['something-new', 'unspecified'],
    [null, 'unspecified'],
  ] as const)('%p is %s', (reason, kind) => {
    expect(rateLimitKindOf(reason)).toBe(kind);
  });
});

describe('parseRateLimitResetMs (X-RateLimit-Reset)', () => {
  const nowMs = Date.parse('2026-11-21T10:00:20Z');

  it('reads the documented yyyy-MM-ddTHH:mmZ form relative to now', () => {
    expect(parseRateLimitResetMs({ header: '2026-11-21T10:01Z', nowMs })).toBe(40_000);
  });

  it('tolerates seconds and offsets', () => {
    expect(parseRateLimitResetMs({ header: '2026-11-21T10:00:30Z', nowMs })).toBe(10_000);
    expect(parseRateLimitResetMs({ header: '2026-11-21T11:01+01:00', nowMs })).toBe(40_000);
  });

  it('says nothing for a reset that already passed, epoch numbers, garbage or no header', () => {
    expect(parseRateLimitResetMs({ header: '2026-11-21T10:00Z', nowMs })).toBeNull();
    expect(parseRateLimitResetMs({ header: String(Math.floor(nowMs / 1000) + 30), nowMs })).toBeNull();
    expect(parseRateLimitResetMs({ header: 'tomorrow', nowMs })).toBeNull();
    expect(parseRateLimitResetMs({ header: null, nowMs })).toBeNull();
  });
});

describe('serverWaitMs', () => {
  const nowMs = Date.parse('2026-11-21T10:00:20Z');

  it('takes Retry-After first, then X-RateLimit-Reset, else null', () => {
    expect(serverWaitMs({ retryAfter: '3', rateLimitReset: '2026-11-21T10:01Z', nowMs })).toBe(3000);
    expect(serverWaitMs({ retryAfter: null, rateLimitReset: '2026-11-21T10:01Z', nowMs })).toBe(40_000);
    expect(serverWaitMs({ retryAfter: 'soon', rateLimitReset: null, nowMs })).toBeNull();
  });
});
