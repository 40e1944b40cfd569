import { invoke } from '@forge/bridge';
import type { DataOf, Envelope, PayloadOf, ResolverKey } from '../../src/contract';
import { toCallError, unwrapEnvelope } from './envelope';

/**
 * Asks one resolver through the Forge bridge. The type argument of `invoke` declares what the
 * resolver `key` answers: an envelope around the contract's result type, which is what the
 * resolver's handler map is typed to return (src/resolvers/resolver.ts, `Handler<K>`). It is a
 * declaration on the bridge's own generic, checked against the contract on both sides at compile
 * time, not a cast of a value; at run time unwrapEnvelope checks the envelope with zod.
 */
async function ask<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Envelope<DataOf<K>>> {
  try {
    const answer = await invoke<Envelope<DataOf<K>>>(key, payload);
    // The bridge wraps the answer in `{ body, metadata }` only when asked for rate-limit metadata.
    return 'body' in answer ? answer.body : answer;
  } catch (error) {
    throw toCallError(error);
  }
}

/**
 * Calls one resolver and unwraps its envelope. Resolves with the contract's data type; rejects
 * with a ResolverCallError (code, message, fieldErrors) whatever went wrong, so screens have one
 * error path.
 */
export async function call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<DataOf<K>> {
  return unwrapEnvelope(await ask(key, payload));
}
