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
 */

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

export interface RealtimeHub {
  subscribe(params: { channel: string; place: ChannelPlace; contextOverrides: string[] | null; isGlobal: boolean; subscriber: RealtimeSubscriber }): () => void;
  /** Returns how many subscribers received the event. */
  publish(params: { channel: string; place: ChannelPlace | null; contextOverrides: string[] | null; isGlobal: boolean; payload: string }): number;
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

export function createRealtimeHub(): RealtimeHub {
  const subscriptions = new Set<{ channel: string; context: string; subscriber: RealtimeSubscriber }>();
  const published: PublishedEvent[] = [];
  return {
    published,
    subscribe({ channel, place, contextOverrides, isGlobal, subscriber }) {
      const entry = { channel, context: contextKey(place, contextOverrides, isGlobal), subscriber };
      subscriptions.add(entry);
      return () => subscriptions.delete(entry);
    },
    publish({ channel, place, contextOverrides, isGlobal, payload }) {
      const context = contextKey(place, contextOverrides, isGlobal);
      let delivered = 0;
      for (const entry of subscriptions) {
        if (entry.channel !== channel || entry.context !== context) continue;
        entry.subscriber.deliver(payload);
        delivered++;
      }
      published.push({ channel, context, payload, delivered });
      return delivered;
    },
    subscriberCount: (channel) => [...subscriptions].filter((entry) => channel === undefined || entry.channel === channel).length,
  };
}
