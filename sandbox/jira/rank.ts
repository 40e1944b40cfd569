/**
 * Lexorank-like rank strings: "0|" + six base-36 digits + ":" + optional decimals.
 * Plain string comparison gives the rank order, as with Jira's Rank field.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 6;

/** The rank of the n-th item of a freshly seeded list, with gaps for later inserts. */
export function rankAt(position: number): string {
  const value = 1_000_000 + position * 4096;
  return `0|${toBase36(BigInt(value), BODY_LENGTH)}:`;
}

function toBase36(value: bigint, length: number): string {
  let text = '';
  let rest = value;
  while (rest > 0n) {
    text = DIGITS.charAt(Number(rest % 36n)) + text;
    rest /= 36n;
  }
  return text.padStart(length, '0');
}

function digitsOf(rank: string): string {
  const match = /^0\|([0-9a-z]+):([0-9a-z]*)$/.exec(rank);
  if (!match) throw new Error(`Not a rank: ${rank}`);
  return (match[1] ?? '') + (match[2] ?? '');
}

function fromBase36(text: string): bigint {
  let value = 0n;
  for (const ch of text) value = value * 36n + BigInt(DIGITS.indexOf(ch));
  return value;
}

/** A rank strictly between `low` and `high` (either may be null for the ends). */
export function rankBetween(low: string | null, high: string | null): string {
  const lowDigits = low ? digitsOf(low) : '0'.repeat(BODY_LENGTH);
  const highDigits = high ? digitsOf(high) : 'z'.repeat(BODY_LENGTH + 1);
  for (let length = Math.max(lowDigits.length, highDigits.length, BODY_LENGTH); length < 64; length += 1) {
    const a = fromBase36(lowDigits.padEnd(length, '0'));
    const b = fromBase36(highDigits.padEnd(length, '0'));
    if (b - a >= 2n) {
      const digits = toBase36((a + b) / 2n, length);
      const decimals = digits.slice(BODY_LENGTH).replace(/0+$/, '');
      return `0|${digits.slice(0, BODY_LENGTH)}:${decimals}`;
    }
  }
  throw new Error('Rank space exhausted');
}
