/**
 * The session channel is secured with Realtime tokens (realtime/authorizing-realtime-channels,
 * "Distinct subscriber and publisher roles"): the page gets a subscribe-only token in the session
 * view, the resolvers publish with a publish-only one, and the channel refuses the other way round.
 */
import { z } from 'zod';
import { RealtimeRefused } from '../../../sandbox/forge/realtime-hub';
import { setupSandbox } from '../../support/sandbox-env';
import { call, dataOf } from '../resolvers/resolver-helpers';

const onAgenda = (accountId: string) => ({ accountId, projectKey: 'DEMO' });

/** The JWT payload fields the documented token carries (channel name, permissions, exp). */
const tokenPayload = z.looseObject({ channel: z.looseObject({ name: z.string() }), permissions: z.array(z.string()), exp: z.number() });
const payloadOf = (jwt: string) => tokenPayload.parse(JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')));

describe('session realtime tokens', () => {
  const env = setupSandbox();

  it('hands the page a subscribe-only token that receives what the resolvers publish', async () => {
    const view = dataOf(await call({ env, key: 'getSession', as: onAgenda('raj') }));
    const { channel, token, expiresAt } = view.live;
    expect(typeof token).toBe('string');
    const claims = payloadOf(token ?? '');
    expect(claims).toMatchObject({ channel: { name: channel }, permissions: ['subscribe'] });
    expect(expiresAt).toBe(claims.exp);

    const received: string[] = [];
    const place = { moduleKey: 'refinement-agenda', projectKey: 'DEMO' };
    const unsubscribe = env.sandbox.realtime.subscribe({ channel, place, contextOverrides: ['project'], isGlobal: false, token, subscriber: { deliver: (payload) => received.push(payload) } });
    const started = dataOf(await call({ env, key: 'startSession', as: onAgenda('ana') }));
    unsubscribe();
    expect(received.map((payload): unknown => JSON.parse(payload))).toContainEqual({ version: started.session?.version });

    // The page's token may not publish, and a publish without a token is refused too.
    const asPage = env.sandbox.realtime.publish({ channel, place, contextOverrides: ['project'], isGlobal: false, token, payload: '{"version":999}' });
    expect(asPage).toEqual({ ok: false, reason: 'MISSING_PERMISSION' });
    expect(env.sandbox.realtime.publish({ channel, place, contextOverrides: ['project'], isGlobal: false, token: null, payload: '{}' })).toEqual({ ok: false, reason: 'MISSING_TOKEN' });
  });

  it('refuses a subscription without a subscribe token for that channel', () => {
    const hub = env.sandbox.realtime;
    const channel = 'refinement-session-10000';
    const place = { moduleKey: 'refinement-agenda', projectKey: 'DEMO' };
    const subscriber = { deliver: () => undefined };
    const publishOnly = hub.signToken({ channel, claims: { projectId: '10000' }, permissions: ['publish'] }).jwt;
    const otherChannel = hub.signToken({ channel: 'refinement-session-10001', claims: { projectId: '10001' }, permissions: ['subscribe'] }).jwt;
    for (const token of [null, publishOnly, otherChannel, `${publishOnly}x`]) {
      expect(() => hub.subscribe({ channel, place, contextOverrides: ['project'], isGlobal: false, token, subscriber })).toThrow(RealtimeRefused);
    }
    const subscribeOnly = hub.signToken({ channel, claims: { projectId: '10000' }, permissions: ['subscribe'] }).jwt;
    const unsubscribe = hub.subscribe({ channel, place, contextOverrides: ['project'], isGlobal: false, token: subscribeOnly, subscriber });
    expect(hub.subscriberCount(channel)).toBe(1);
    unsubscribe();
  });
});
