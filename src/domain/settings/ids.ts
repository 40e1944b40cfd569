import type { FacilitatorRule, ProfileId, ScaleId, TshirtSize } from '../../contract';

/**
 * Runtime copies of the contract's name lists. The domain may only import types from the
 * contract, so the lists are repeated here and checked against the contract types:
 * a name added to the contract and not here fails to compile. Criterion ids are not repeated:
 * they come from the criterion registry (readiness/criteria/registry.ts), and the contract's
 * list is generated from it.
 */
export const PROFILE_IDS = ['story', 'bug', 'task', 'spike', 'epic'] as const satisfies readonly ProfileId[];
export const SCALE_IDS = ['fibonacci', 't-shirt', 'powers-of-two'] as const satisfies readonly ScaleId[];
export const TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const satisfies readonly TshirtSize[];
export const FACILITATOR_RULES = ['editors', 'admins', 'named'] as const satisfies readonly FacilitatorRule[];

type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const LISTS_COVER_CONTRACT: [
  Covers<ProfileId, (typeof PROFILE_IDS)[number]>,
  Covers<ScaleId, (typeof SCALE_IDS)[number]>,
  Covers<TshirtSize, (typeof TSHIRT_SIZES)[number]>,
] = [true, true, true];
export const FACILITATOR_LIST_COVERS_CONTRACT: Covers<FacilitatorRule, (typeof FACILITATOR_RULES)[number]> = true;
