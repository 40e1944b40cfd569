import { CRITERION_LABELS, PROFILE_CRITERION_LABELS, type AutoCriterionId, type CRITERION_GAP_LABELS } from './criteria.generated';
import type { CriterionMessage } from './criterion-messages';
import type { ProfileId } from './settings';

// Ids and names of the automatic criteria, generated from the domain's criterion registry.
export * from './criteria.generated';

/** Manual checklist items use `manual:<itemId>`. */
export type CriterionId = AutoCriterionId | `manual:${string}`;

/**
 * `consider`: a criterion that is not required fails, but the item reaches the threshold anyway, so
 * it does not stand between the item and "ready" — a gap worth a thought, never a red ✕. Only the
 * evaluation assigns it (criteria themselves judge pass, warn, fail or skip).
 */
export type CriterionStatus = 'pass' | 'warn' | 'fail' | 'consider' | 'skip';

/** Flags that report a failing criterion carry that criterion's gap name (see CRITERION_GAP_LABELS). */
export const FLAG_CRITERIA = {
  divergence: 'estimate-agreement',
  'too-big': 'size',
  unknowns: 'unknowns',
  'no-estimate': 'estimate',
  'no-acceptance-criteria': 'acceptance-criteria',
} as const satisfies Partial<Record<FlagType, keyof typeof CRITERION_GAP_LABELS>>;

/** The name of a criterion for an issue type's profile. */
export function criterionLabelFor(args: { id: AutoCriterionId; profile: ProfileId }): string {
  const overrides: Partial<Record<ProfileId, Partial<Record<AutoCriterionId, string>>>> = PROFILE_CRITERION_LABELS;
  return overrides[args.profile]?.[args.id] ?? CRITERION_LABELS[args.id];
}

export interface Criterion {
  id: CriterionId;
  label: string;
  status: CriterionStatus;
  /** What the engine saw, quoting the issue where it can ("2 Given/When/Then scenarios"). */
  detail: string;
  /** How to fix it; absent when passing. */
  fix?: string;
  /** `detail` and `fix` as codes the UI renders; automatic criteria only. */
  message?: CriterionMessage;
  fixMessage?: CriterionMessage;
  manual: boolean;
  weight: number;
  /** A failing required criterion makes the issue not ready whatever the score. */
  required: boolean;
  /** Manual items: who ticked it and when. */
  checkedBy?: { accountId: string; displayName: string; at: string };
}

export const FLAG_TYPES = [
  'dependency',
  'divergence',
  'too-big',
  'unknowns',
  'no-estimate',
  'no-acceptance-criteria',
  'stale',
] as const;
export type FlagType = (typeof FLAG_TYPES)[number];
export type FlagSeverity = 'high' | 'medium' | 'low';
/**
 * What a dependency flag is about: an open blocker, a blocker ranked below its dependant, a cycle,
 * a blocker in another project, or links the caller may not see (`hidden`, no keys to name).
 */
export const DEPENDENCY_KINDS = ['blocked', 'order', 'cycle', 'cross-project', 'hidden'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

interface FlagFields {
  severity: FlagSeverity;
  message: string;
  /** Issue keys the flag talks about. */
  related: string[];
}

/** A dependency flag always says which kind of dependency problem it is. */
export interface DependencyFlag extends FlagFields {
  type: 'dependency';
  kind: DependencyKind;
}

/** Every other flag is about the issue itself and has no kind. */
export interface IssueFlag extends FlagFields {
  type: Exclude<FlagType, 'dependency'>;
}

/** Discriminated by `type`: only the dependency variant carries `kind`. */
export type Flag = DependencyFlag | IssueFlag;

interface ReadinessFields {
  issueKey: string;
  summary: string;
  issueType: string;
  threshold: number;
  estimate: number | null;
  /** Name of the field the estimate came from ("Story Points"), when known. */
  estimateFieldName: string | null;
  evaluatedAt: string;
  /** Non-fatal problems met while evaluating (e.g. "2 linked issues are hidden from you"). */
  warnings: string[];
}

/** An issue judged against the Definition of Ready. */
export interface JudgedReadiness extends ReadinessFields {
  status: 'judged';
  /** 0–100. */
  score: number;
  ready: boolean;
  /** Failing first, then warnings, then passes, then skipped. */
  criteria: Criterion[];
  flags: Flag[];
  /** Kept for answers read by older UIs; `status` says the same. */
  excluded: false;
}

/** Why an issue is not judged: so far only its issue type's profile is excluded (epics by default). */
export type ExclusionReason = 'issue-type';

/**
 * An issue outside the Definition of Ready: it has no score and is neither ready nor not ready, so
 * no view can count it as ready by mistake (it used to report score 100, ready).
 */
export interface ExcludedReadiness extends ReadinessFields {
  status: 'excluded';
  reason: ExclusionReason;
  /** Never present; declared so a reader of the union gets `undefined`, never a made-up 100. */
  score?: never;
  /** Never present: an excluded issue is neither ready nor not ready. */
  ready?: never;
  /** Always empty: nothing is judged. Present so lists of criteria and flags read alike. */
  criteria: [];
  flags: [];
  /** Kept for answers read by older UIs; `status` says the same. */
  excluded: true;
}

/** Discriminated by `status`: only a judged issue has a score and a ready state. */
export type IssueReadiness = JudgedReadiness | ExcludedReadiness;

/** Value of the issue entity property `refinement-radar-readiness`. */
export interface ReadinessProperty {
  score: number;
  state: 'ready' | 'not-ready';
  gaps: string[];
  evaluatedAt: string;
  v: 1;
}
