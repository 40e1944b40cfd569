import type { AutoCriterionId, CriterionSetting, ProfileId } from '../../../contract';
import { acceptanceCriteria } from './acceptance-criteria';
import { type CriterionDefinition } from './criterion-definition';
import { dependencies } from './dependencies';
import { description } from './description';
import { designAssets } from './design-assets';
import { estimate } from './estimate';
import { estimateAgreement } from './estimate-agreement';
import { scopeBounds } from './scope-bounds';
import { size } from './size';
import { storyFormat } from './story-format';
import { unknowns } from './unknowns';

/**
 * Every automatic criterion, in the order the panel judges and the settings page lists them. The
 * one list: the ids, the settings schema's keys, the default settings and every name of a criterion
 * derive from it.
 *
 * Why the contract's table is generated from here rather than written there: the UI may import
 * only src/contract and the domain may import only types from it, yet both need the names at
 * runtime (the panel and settings page; the domain's Criterion.label and flag messages). A table
 * written in the contract and copied here would write every name twice. So each name is written
 * once, in its criterion's file, and `npm run generate:criteria` writes the contract's data-only
 * table (src/contract/criteria.generated.ts) from this list; a unit test fails when the two differ,
 * and CRITERIA_MATCH_CONTRACT below fails to compile when the ids do.
 */
export const CRITERIA = [
  description,
  storyFormat,
  acceptanceCriteria,
  scopeBounds,
  estimate,
  size,
  dependencies,
  unknowns,
  designAssets,
  estimateAgreement,
] as const satisfies readonly CriterionDefinition[];

type RegistryId = (typeof CRITERIA)[number]['id'];
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** The generated contract lists exactly these ids; regenerate after adding or removing one. */
export const CRITERIA_MATCH_CONTRACT: Exact<RegistryId, AutoCriterionId> = true;

export const CRITERION_IDS: readonly AutoCriterionId[] = CRITERIA.map((criterion) => criterion.id);

const BY_ID: ReadonlyMap<AutoCriterionId, CriterionDefinition<AutoCriterionId>> = new Map(CRITERIA.map((criterion) => [criterion.id, criterion]));

export function criterionById(id: AutoCriterionId): CriterionDefinition<AutoCriterionId> {
  const found = BY_ID.get(id);
  // Unreachable while CRITERIA_MATCH_CONTRACT compiles.
  if (found === undefined) throw new Error(`No criterion "${id}" in the registry`);
  return found;
}

/**
 * A record with one entry per criterion. Object.fromEntries types its keys as `string`; the keys
 * here are the registry's ids, which CRITERIA_MATCH_CONTRACT proves are every AutoCriterionId.
 */
export function perCriterion<V>(value: (criterion: CriterionDefinition<AutoCriterionId>) => V): Record<AutoCriterionId, V> {
  const entries = CRITERIA.map((criterion): [AutoCriterionId, V] => [criterion.id, value(criterion)]);
  return Object.fromEntries(entries) as Record<AutoCriterionId, V>;
}

/** The criterion's default setting for a profile (a copy: callers may change it). */
export function defaultSettingFor({ criterion, profile }: { criterion: CriterionDefinition; profile: ProfileId }): CriterionSetting {
  const own = profile === 'story' || profile === 'epic' ? undefined : criterion.defaults[profile];
  return { ...(own ?? criterion.defaults.story) };
}

/** The name of a criterion for an issue profile ("A question to answer" for a spike's story form). */
export function criterionLabel({ id, profile }: { id: AutoCriterionId; profile: ProfileId }): string {
  const criterion = criterionById(id);
  return criterion.profileLabels?.[profile] ?? criterion.label;
}

/** "Estimates diverge": a criterion named as the gap it leaves; its name where it has no gap name. */
export function criterionGapLabel(id: AutoCriterionId): string {
  const criterion = criterionById(id);
  return criterion.gapLabel ?? criterion.label;
}
