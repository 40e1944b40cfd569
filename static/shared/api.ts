import { invoke } from '@forge/bridge';
import type { DataOf, PayloadOf, ResolverKey } from '../../src/contract';
import { toCallError, unwrapEnvelope } from './envelope';

/**
 * Calls one resolver through the Forge bridge and unwraps its envelope.
 * Resolves with the contract's data type; rejects with a ResolverCallError
 * (code, message, fieldErrors) whatever went wrong, so screens have one error path.
 */
export async function call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<DataOf<K>> {
  let raw: unknown;
  try {
    raw = await invoke(key, payload);
  } catch (error) {
    throw toCallError(error);
  }
  return unwrapEnvelope<DataOf<K>>(raw);
}
