export const CRITERION_IDS = [
  'description',
  'story-format',
  'acceptance-criteria',
  'scope-bounds',
  'estimate',
  'size',
  'dependencies',
  'unknowns',
  'design-assets',
  'estimate-agreement',
] as const;
export type AutoCriterionId = (typeof CRITERION_IDS)[number];
/** Manual checklist items use `manual:<itemId>`. */
export type CriterionId = AutoCriterionId | `manual:${string}`;

export type CriterionStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface Criterion {
  id: CriterionId;
  label: string;
  status: CriterionStatus;
  /** What the engine saw, quoting the issue where it can ("2 Given/When/Then scenarios"). */
  detail: string;
  /** How to fix it; absent when passing. */
  fix?: string;
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
export type DependencyKind = 'blocked' | 'order' | 'cycle' | 'cross-project' | 'hidden';

export interface Flag {
  type: FlagType;
  severity: FlagSeverity;
  message: string;
  /** Issue keys the flag talks about. */
  related: string[];
  /** Only on dependency flags. */
  kind?: DependencyKind;
}

export interface IssueReadiness {
  issueKey: string;
  summary: string;
  issueType: string;
  /** 0–100. */
  score: number;
  ready: boolean;
  threshold: number;
  /** Failing first, then warnings, then passes, then skipped. */
  criteria: Criterion[];
  flags: Flag[];
  estimate: number | null;
  /** Name of the field the estimate came from ("Story Points"), when known. */
  estimateFieldName: string | null;
  /** True when the issue type is excluded from the Definition of Ready (epics by default). */
  excluded: boolean;
  evaluatedAt: string;
  /** Non-fatal problems met while evaluating (e.g. "2 linked issues are hidden from you"). */
  warnings: string[];
}

/** Value of the issue entity property `refinement-radar-readiness`. */
export interface ReadinessProperty {
  score: number;
  state: 'ready' | 'not-ready';
  gaps: string[];
  evaluatedAt: string;
  v: 1;
}
