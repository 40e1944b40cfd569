import type { SessionChannel } from '../contract/session';

/** Participants poll at most this often when realtime is not available. */
export const POLL_SECONDS = 5;

/**
 * Tells followers that the session changed. The event carries only the new version, never session
 * data: each browser then reads the session as itself (getSession, asUser), so nobody learns more
 * through the channel than they may read. Implemented with Forge Realtime in src/resolvers.
 */
export interface SessionLive {
  publish(params: { project: { id: string }; version: number }): Promise<void>;
  /**
   * Tells the project's session pages that an estimation round changed (a vote, a reveal, an
   * accepted estimate), so the current item's voter list refreshes without a click. The event
   * carries no key and no value: each page re-reads its current item's round as its own user.
   */
  roundChanged(params: { project: { id: string } }): Promise<void>;
  /**
   * A subscribe-only token for the project's channel (realtime/authorizing-realtime-channels "Distinct
   * subscriber and publisher roles"): pages may listen but never publish; only resolvers publish, with
   * a publish-only token. Null when signing failed (the page then polls).
   */
  subscribeToken(params: { project: { id: string } }): Promise<{ token: string; expiresAt: number } | null>;
}

/** The event a round change publishes (no issue key: the channel reaches people who may not see the issue). */
export const ROUND_CHANGED_EVENT = { kind: 'round' } as const;

/** The channel name of a project's session (the project context scopes it, see src/resolvers/session-publish.ts). */
export const sessionChannelName = (projectId: string): string => `refinement-session-${projectId}`;

/** The project's channel with a fresh subscribe-only token (none without a live port: the page polls). */
export async function sessionChannel({ project, live }: { project: { id: string }; live?: SessionLive | undefined }): Promise<SessionChannel> {
  const signed = live ? await live.subscribeToken({ project }) : null;
  return { channel: sessionChannelName(project.id), token: signed?.token ?? null, expiresAt: signed?.expiresAt ?? null, pollSeconds: POLL_SECONDS };
}
