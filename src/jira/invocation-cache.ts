/**
 * The gateway's memos for one Forge invocation (src/usecases/invocation-memo.ts): the entry
 * point creates one per call and shares it between the user and app gateways of that call.
 * Keys hold the principal, so an answer for the app is never reused for the user.
 */
import { createInvocationMemo } from '../usecases/invocation-memo';
import type { Board, FieldCatalog, InvocationMemo } from '../usecases/ports';

export interface InvocationCache {
  /** Keyed by site (one per invocation in practice). */
  fieldCatalog: InvocationMemo<string, FieldCatalog>;
  /** Keyed by principal and board. */
  boardEstimationField: InvocationMemo<string, { id: string; name: string } | null>;
  /** Keyed by principal, project and board id. */
  boards: InvocationMemo<string, Board | null>;
  /** Keyed by principal, project and permission. */
  permissions: InvocationMemo<string, boolean>;
}

const asIs = (key: string) => key;

export function createInvocationCache(): InvocationCache {
  return {
    fieldCatalog: createInvocationMemo({ keyOf: asIs }),
    boardEstimationField: createInvocationMemo({ keyOf: asIs }),
    boards: createInvocationMemo({ keyOf: asIs }),
    permissions: createInvocationMemo({ keyOf: asIs }),
  };
}
