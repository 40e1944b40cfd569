/**
 * Forge Realtime in the sandbox: resolvers publish (`@forge/realtime` → forge-fetch `{type:'realtime'}`),
 * open frames subscribe (`realtime.subscribe` in @forge/bridge → bridge stub → server-sent events from
 * the sandbox server), and the hub hands each published event to the subscribers of the same channel
 * *in the same channel context*.
 *
 * The channel context follows realtime/authorizing-realtime-channels: by default it is the whole
 * Atlassian app context of the module ("a subscription in a module … will only receive messages that
 * are published from the same module in the same Jira issue"); with `contextOverrides` it is only the
 * listed properties, and "the properties in contextOverrides must match exactly in the subscribe() and
 * publish() calls". Global channels (`isGlobal`) ignore the context.
 *
 * Tokens (realtime/authorizing-realtime-channels "Custom channel context with Realtime tokens",
 * "Distinct subscriber and publisher roles"): a token's claims join the channel context, and its
 * permissions decide what it may do — a publish needs a token granting `publish`, a subscription one
 * granting `subscribe`, each signed for that channel. The sandbox is stricter than Forge here: Forge
 * lets a token-less call through into a context without the claims (where it reaches nobody of the
 * app's), the sandbox refuses it, so an app that forgets its token fails loudly in tests.
 */
import { createRealtimeTokens, type RealtimePermission } from './realtime-token';

/** Where a publish or a subscription happens: the frame's module and what Jira shows in it. */
export interface ChannelPlace {
  moduleKey: string;
  issueKey?: string | undefined;
  projectKey?: string | undefined;
}

export interface RealtimeSubscriber {
  deliver(payload: string): void;
}

export interface PublishedEvent {
  channel: string;
  context: string;
  payload: string;
  delivered: number;
}

/** A subscription or publish the channel's tokens do not allow. */
export class RealtimeRefused extends Error {}

export interface RealtimeHub {
  /** `signRealtimeToken` (runtime-reference/realtime-events-api "Realtime token API"); `exp`/expiresAt in epoch seconds. */
  signToken(params: { channel: string; claims: unknown; permissions: RealtimePermission[] | null }): { jwt: string; expiresAt: number };
  /** Throws RealtimeRefused without a subscribe token for the channel. */
  subscribe(params: { channel: string; place: ChannelPlace; contextOverrides: string[] | null; isGlobal: boolean; token: string | null; subscriber: RealtimeSubscriber }): () => void;
  /** How many subscribers received the event, or why the publish was refused (no publish token for the channel). */
  publish(params: { channel: string; place: ChannelPlace | null; contextOverrides: string[] | null; isGlobal: boolean; token: string | null; payload: string }): { ok: true; delivered: number } | { ok: false; reason: string };
  /** Every publish since start (the bench counts the re-reads each one causes). */
  readonly published: PublishedEvent[];
  subscriberCount(channel?: string): number;
}

const ALLOWED_OVERRIDES = new Set(['project', 'issue', 'board']);

/** The channel context as a comparable key: the whole place, or only the overridden properties. */
function contextKey(place: ChannelPlace | null, contextOverrides: string[] | null, isGlobal: boolean): string {
  if (isGlobal) return 'global';
  const values: Record<string, string | undefined> = { project: place?.projectKey, issue: place?.issueKey, module: place?.moduleKey };
  const names = contextOverrides === null ? ['module', 'project', 'issue'] : [...new Set(contextOverrides.filter((name) => ALLOWED_OVERRIDES.has(name)))].sort();
  return names.map((name) => `${name}=${values[name] ?? ''}`).join('|');
}

export function createRealtimeHub(options: { nowMs?: () => number } = {}): RealtimeHub {
  const nowMs = options.nowMs ?? (() => Date.now());
  const tokens = createRealtimeTokens();
  const subscriptions = new Set<{ channel: string; context: string; subscriber: RealtimeSubscriber }>();
  const published: PublishedEvent[] = [];
  return {
    published,
    signToken: ({ channel, claims, permissions }) => tokens.sign({ channel, claims, permissions, nowMs: nowMs() }),
    subscribe({ channel, place, contextOverrides, isGlobal, token, subscriber }) {
      const verified = tokens.verify({ token, channel, permission: 'subscribe', nowMs: nowMs() });
      if (!verified.ok) throw new RealtimeRefused(`Realtime token validation failed: ${verified.reason}`);
      const entry = { channel, context: `${contextKey(place, contextOverrides, isGlobal)}|claims=${verified.value.claimsKey}`, subscriber };
      subscriptions.add(entry);
      return () => subscriptions.delete(entry);
    },
    publish({ channel, place, contextOverrides, isGlobal, token, payload }) {
      const verified = tokens.verify({ token, channel, permission: 'publish', nowMs: nowMs() });
      if (!verified.ok) return { ok: false, reason: verified.reason };
      const context = `${contextKey(place, contextOverrides, isGlobal)}|claims=${verified.value.claimsKey}`;
      let delivered = 0;
      for (const entry of subscriptions) {
        if (entry.channel !== channel || entry.context !== context) continue;
        entry.subscriber.deliver(payload);
        delivered++;
      }
      published.push({ channel, context, payload, delivered });
      return { ok: true, delivered };
    },
    subscriberCount: (channel) => [...subscriptions].filter((entry) => channel === undefined || entry.channel === channel).length,
  };
}
