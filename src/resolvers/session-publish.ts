/**
 * Forge Realtime for the refinement session (realtime/platform/realtime-events-api "Publish API"):
 * resolvers publish with `@forge/realtime`; `contextOverrides: [Jira.Project]` scopes the channel to
 * the project the page was opened in, and the UI subscribes with the same override
 * (apis-reference/ui-api-bridge/realtime), so another project's page never receives the event.
 * A failed publish is not an error of the action: followers fall back to polling.
 */
import { Jira, publish } from '@forge/realtime';
import { ROUND_CHANGED_EVENT, sessionChannelName, type SessionLive } from '../usecases/session-live';

export const sessionPublisher: SessionLive = {
  async publish({ project, version }) {
    try {
      await publish(sessionChannelName(project.id), { version }, { contextOverrides: [Jira.Project] });
    } catch {
      // Realtime is a nicety; polling catches up within 5 s.
    }
  },
  async roundChanged({ project }) {
    try {
      await publish(sessionChannelName(project.id), ROUND_CHANGED_EVENT, { contextOverrides: [Jira.Project] });
    } catch {
      // "Refresh votes" and the next item change still bring the votes.
    }
  },
};
