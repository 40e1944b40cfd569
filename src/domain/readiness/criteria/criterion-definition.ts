import type { CriterionSetting, ProfileId } from '../../../contract';
import type { CriterionJudge } from '../criterion-context';

/**
 * A criterion's default setting per issue profile. `story` is the full Definition of Ready and the
 * fallback for every profile not named; epics are excluded from scoring and carry the story's.
 */
export type CriterionDefaults = { story: CriterionSetting } & Partial<Record<Exclude<ProfileId, 'story' | 'epic'>, CriterionSetting>>;

/**
 * Everything the app knows about one automatic criterion, in one file per criterion. The registry
 * lists these; ids, settings schema keys, default settings and every name of a criterion derive
 * from them (the contract's table is generated from them, see scripts/generate-criterion-table.ts).
 */
export interface CriterionDefinition<Id extends string = string> {
  id: Id;
  /** Its name in the panel, badge, settings page and Markdown. */
  label: string;
  /** Profiles that judge it differently and are named accordingly (bugs, spikes). */
  profileLabels?: Partial<Record<ProfileId, string>>;
  /**
   * Its name as the gap it leaves ("Estimates diverge"), for the badge, flag lozenges and the
   * copied agenda; null where a view names the cause itself instead.
   */
  gapLabel: string | null;
  /** What it checks, as the settings page's hint under the name. */
  hint: string;
  defaults: CriterionDefaults;
  judge: CriterionJudge;
}

/** Keeps the literal id, so the registry's ids form a union type. */
export function defineCriterion<const Id extends string>(definition: CriterionDefinition<Id>): CriterionDefinition<Id> {
  return definition;
}

/** Switched on, with a weight; `required` makes a failure block "ready" whatever the score. */
export const on = (weight: number, required = false): CriterionSetting => ({ enabled: true, required, weight });
/** Switched off for a profile (weight kept at 1 so switching it on gives it a sensible weight). */
export const off = (weight = 1): CriterionSetting => ({ enabled: false, required: false, weight });
