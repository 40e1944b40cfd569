/**
 * A short, stable hash of a text (two 32-bit FNV-1a lanes, 16 hex digits), for ids that must name
 * content, such as a queued step's page token and issue ids, within a KVS key's length and alphabet.
 * Not for security: only to tell different contents apart.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return `${a.toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
