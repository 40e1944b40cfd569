/**
 * Opaque nextPageToken values bound to the query they came from, like Jira's.
 */
import { createHash } from 'node:crypto';

const fingerprint = (jql: string): string => createHash('sha256').update(jql).digest('base64url').slice(0, 12);

export function encodePageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ q: fingerprint(jql), o: offset, t: Date.now() })).toString('base64url');
}

/** The offset a token stands for, or null when it is not a token for this query. */
export function decodePageToken(token: string, jql: string): number | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null) return null;
    const q: unknown = Reflect.get(decoded, 'q');
    const o: unknown = Reflect.get(decoded, 'o');
    if (q !== fingerprint(jql) || typeof o !== 'number' || !Number.isInteger(o) || o < 0) return null;
    return o;
  } catch {
    return null;
  }
}
