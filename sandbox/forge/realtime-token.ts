/**
 * Forge Realtime tokens in the sandbox (runtime-reference/realtime-events-api "Realtime token API",
 * realtime/authorizing-realtime-channels "Custom channel context with Realtime tokens" and "Distinct
 * subscriber and publisher roles"). `signRealtimeToken(channelName, claims, permissions?)` returns a
 * JWT whose payload names the channel (`channel.name`, which `@forge/realtime`'s own validateToken
 * reads), the claims, the permissions and `exp` ("expiresAt … in Epoch time", seconds). Permissions
 * omitted grant both subscribe and publish. The sandbox signs with a per-run HMAC key, so a token the
 * app did not get from signRealtimeToken is refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export type RealtimePermission = 'subscribe' | 'publish';

/** How long a token lives in the sandbox (Forge does not document it; the app must renew before `exp`). */
export const TOKEN_SECONDS = 15 * 60;

const payloadSchema = z.object({
  channel: z.object({ name: z.string() }),
  claims: z.unknown(),
  permissions: z.array(z.enum(['subscribe', 'publish'])).nullish(),
  exp: z.number(),
});

export interface VerifiedToken {
  /** The claims as a comparable key: they join the channel context ("must match exactly"). */
  claimsKey: string;
}

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** JSON with sorted object keys, so equal claims give equal keys. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(Reflect.get(value, key))}`)
      .join(',')}}`;
  }
  return JSON.stringify(value === undefined ? null : value);
}

export interface RealtimeTokens {
  sign(params: { channel: string; claims: unknown; permissions: RealtimePermission[] | null; nowMs: number }): { jwt: string; expiresAt: number };
  /** The token's claims when it is genuine, for this channel, unexpired and grants `permission`; else why not. */
  verify(params: { token: string | null | undefined; channel: string; permission: RealtimePermission; nowMs: number }): { ok: true; value: VerifiedToken } | { ok: false; reason: string };
}

export function createRealtimeTokens(): RealtimeTokens {
  const key = randomBytes(32);
  const signature = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    sign({ channel, claims, permissions, nowMs }) {
      const expiresAt = Math.floor(nowMs / 1000) + TOKEN_SECONDS;
      const body = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ channel: { name: channel }, claims, permissions, exp: expiresAt }))}`;
      return { jwt: `${body}.${signature(body)}`, expiresAt };
    },
    verify({ token, channel, permission, nowMs }) {
      if (!token) return { ok: false, reason: 'MISSING_TOKEN' };
      const parts = token.split('.');
      if (parts.length !== 3) return { ok: false, reason: 'INVALID_TOKEN' };
      const expected = Buffer.from(signature(`${parts[0]}.${parts[1]}`));
      const given = Buffer.from(parts[2] ?? '');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'INVALID_TOKEN' };
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'INVALID_TOKEN' };
      }
      const payload = payloadSchema.safeParse(decoded);
      if (!payload.success) return { ok: false, reason: 'INVALID_TOKEN' };
      if (nowMs / 1000 >= payload.data.exp) return { ok: false, reason: 'TOKEN_EXPIRED' };
      if (payload.data.channel.name !== channel) return { ok: false, reason: 'CHANNEL_NAME_MISMATCH' };
      const permissions = payload.data.permissions ?? ['subscribe', 'publish'];
      if (!permissions.includes(permission)) return { ok: false, reason: 'MISSING_PERMISSION' };
      return { ok: true, value: { claimsKey: stableJson(payload.data.claims) } };
    },
  };
}
