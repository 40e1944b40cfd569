/**
 * Memo for one Forge invocation only. Forge reuses module state across invocations (and
 * tenants), so nothing tenant-specific may live at module level: the entry point creates one
 * of these per call and passes it down.
 */
import type { Board, FieldCatalog } from '../usecases/ports';

export interface InvocationCache {
  /** Keyed by site (one per invocation in practice). */
  fieldCatalog: Map<string, Promise<FieldCatalog>>;
  /** Keyed by principal and board. */
  boardEstimationField: Map<string, Promise<{ id: string; name: string } | null>>;
  /** Keyed by principal, project and board id. */
  boards: Map<string, Promise<Board | null>>;
  /** Keyed by principal, project and permission. */
  permissions: Map<string, Promise<boolean>>;
}

export function createInvocationCache(): InvocationCache {
  return { fieldCatalog: new Map(), boardEstimationField: new Map(), boards: new Map(), permissions: new Map() };
}

/**
 * Returns the cached promise for `key`, or starts `load` and caches it. A failed load is
 * forgotten so a later call in the same invocation may try again.
 */
export function memoize<K, V>(params: { map: Map<K, Promise<V>>; key: K; load: () => Promise<V> }): Promise<V> {
  const cached = params.map.get(params.key);
  if (cached) return cached;
  const pending = params.load();
  params.map.set(params.key, pending);
  pending.catch(() => params.map.delete(params.key));
  return pending;
}
