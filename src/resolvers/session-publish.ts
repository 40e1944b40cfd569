/**
 * Forge Realtime for the refinement session (realtime/platform/realtime-events-api "Publish API"):
 * resolvers publish with `@forge/realtime`; `contextOverrides: [Jira.Project]` scopes the channel to
 * the project the page was opened in, and the UI subscribes with the same override
 * (apis-reference/ui-api-bridge/realtime), so another project's page never receives the event.
 *
 * The channel is secured with Realtime tokens (realtime/authorizing-realtime-channels "Custom channel
 * context with Realtime tokens" and "Distinct subscriber and publisher roles"): pages get a
 * subscribe-only token, resolvers publish with a publish-only one. Both carry the same claims (the
 * project id from the trusted Forge context, never from a payload), since "the claims object must
 * match exactly between the publisher and subscriber".
 * A failed publish is not an error of the action: followers fall back to polling.
 */
import { Jira, publish, signRealtimeToken } from '@forge/realtime';
import { z } from 'zod';
import { ROUND_CHANGED_EVENT, sessionChannelName, type SessionLive } from '../usecases/session-live';

const claimsOf = (project: { id: string }) => ({ projectId: project.id });
/** The package types the result loosely; on errors token and expiresAt are null (realtime-events-api "TokenResult"). */
const tokenResultSchema = z.object({ token: z.string().min(1), expiresAt: z.number() });

async function signed(project: { id: string }, permission: 'subscribe' | 'publish'): Promise<{ token: string; expiresAt: number } | null> {
  const result = tokenResultSchema.safeParse(await signRealtimeToken(sessionChannelName(project.id), claimsOf(project), [permission]));
  return result.success ? result.data : null;
}

async function publishToSession(project: { id: string }, event: Record<string, unknown>): Promise<void> {
  const publishing = await signed(project, 'publish');
  if (!publishing) return;
  await publish(sessionChannelName(project.id), event, { token: publishing.token, contextOverrides: [Jira.Project] });
}

export const sessionPublisher: SessionLive = {
  async publish({ project, version }) {
    try {
      await publishToSession(project, { version });
    } catch {
      // Realtime is a nicety; polling catches up within 5 s.
    }
  },
  async roundChanged({ project }) {
    try {
      await publishToSession(project, { ...ROUND_CHANGED_EVENT });
    } catch {
      // "Refresh votes" and the next item change still bring the votes.
    }
  },
  async subscribeToken({ project }) {
    try {
      return await signed(project, 'subscribe');
    } catch {
      // Without a token the page polls.
      return null;
    }
  },
};
