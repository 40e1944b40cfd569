import type { CardValue, Criterion, CriterionId, CriterionStatus, DependencyFlag, DependencyKind, Flag, FlagSeverity, FlagType, IssueFlag, IssueReadiness } from '../../src/contract';
import { CRITERION_GAP_LABELS, FLAG_CRITERIA } from '../../src/contract';
import { CRITERION_LABELS, type ReadinessProperty } from '../../src/contract';

/** Lozenge appearances Atlaskit offers (kept here so helpers stay free of React). */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

/** "?" stays "?", "coffee" becomes a cup; every other card shows its value. */
export function cardLabel(value: CardValue): string {
  if (value === 'coffee') return '☕';
  return value;
}

/** Accessible name of a card, so screen readers do not announce an emoji. */
export function cardAriaLabel(value: CardValue): string {
  if (value === 'coffee') return 'Coffee break';
  if (value === '?') return 'Unsure';
  return value;
}

export function initials(displayName: string): string {
  const parts = displayName.trim().split(/\s+/).filter((p) => p !== '');
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

const DEFAULT_DATE_LOCALE = 'en-GB';
let dateLocale = DEFAULT_DATE_LOCALE;

/**
 * The locale every date on screen uses (the user's, from the Forge context, set once at mount),
 * so one panel never mixes "21 Nov 2026" and "Nov 21, 2026". A tag Intl rejects keeps the default.
 */
export function setDateLocale(locale: string | undefined): void {
  let supported: string | undefined;
  try {
    supported = locale === undefined ? undefined : Intl.DateTimeFormat.supportedLocalesOf(locale)[0];
  } catch {
    supported = undefined;
  }
  dateLocale = supported ?? DEFAULT_DATE_LOCALE;
}

/** "21 Nov 2026" (in the user's locale); the raw text when the date cannot be read (never "Invalid Date"). */
export function formatDate(args: { iso: string; locale?: string; withTime?: boolean }): string {
  const date = new Date(args.iso);
  if (Number.isNaN(date.getTime())) return args.iso;
  const options: Intl.DateTimeFormatOptions = args.withTime
    ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', year: 'numeric' };
  return new Intl.DateTimeFormat(args.locale ?? dateLocale, options).format(date);
}

export function statusAppearance(status: CriterionStatus): LozengeAppearance {
  switch (status) {
    case 'pass':
      return 'success';
    case 'warn':
      return 'moved';
    case 'fail':
      return 'removed';
    case 'consider':
      return 'inprogress';
    case 'skip':
      return 'default';
  }
}

export function statusLabel(status: CriterionStatus): string {
  switch (status) {
    case 'pass':
      return 'Pass';
    case 'warn':
      return 'Check';
    case 'fail':
      return 'Missing';
    case 'consider':
      return 'Consider';
    case 'skip':
      return 'Skipped';
  }
}

export function severityAppearance(severity: FlagSeverity): LozengeAppearance {
  switch (severity) {
    case 'high':
      return 'removed';
    case 'medium':
      return 'moved';
    case 'low':
      return 'default';
  }
}

/** A flag that reports a failing criterion says that criterion's gap name, as the badge and Markdown do. */
const FLAG_LABELS: Record<FlagType, string> = {
  dependency: 'Dependency',
  divergence: CRITERION_GAP_LABELS[FLAG_CRITERIA.divergence],
  'too-big': CRITERION_GAP_LABELS[FLAG_CRITERIA['too-big']],
  unknowns: CRITERION_GAP_LABELS[FLAG_CRITERIA.unknowns],
  'no-estimate': CRITERION_GAP_LABELS[FLAG_CRITERIA['no-estimate']],
  'no-acceptance-criteria': CRITERION_GAP_LABELS[FLAG_CRITERIA['no-acceptance-criteria']],
  stale: 'Stale',
};

const KIND_LABELS: Record<DependencyKind, string> = {
  blocked: 'Blocked',
  order: 'Rank order',
  cycle: 'Cycle',
  'cross-project': 'Cross-project',
  hidden: 'Hidden link',
};

/** Short text for a flag lozenge: "Blocked", "Too big for a sprint", "No estimate"… */
/** The part of a flag that names it; the dependency variant keeps its kind. */
export type FlagName = Pick<DependencyFlag, 'type' | 'kind'> | Pick<IssueFlag, 'type'>;

export function flagLabel(flag: FlagName): string {
  return flag.type === 'dependency' ? KIND_LABELS[flag.kind] : FLAG_LABELS[flag.type];
}

/** The dependency kind of a flag; other flags have none. */
export function flagKind(flag: FlagName): DependencyKind | undefined {
  return flag.type === 'dependency' ? flag.kind : undefined;
}

/** The flag's message when it says more than its label ("No estimate" needs no second "No estimate"). */
export function flagDetail(flag: FlagName & Pick<Flag, 'message'>): string | null {
  return flag.message.trim().toLowerCase() === flagLabel(flag).trim().toLowerCase() ? null : flag.message;
}

/** `flag-<KEY>-<type>[-<kind>]`, the hook browser tests use. */
export function flagTestId(args: { issueKey: string; flag: FlagName }): string {
  const kind = args.flag.type === 'dependency' ? `-${args.flag.kind}` : '';
  return `flag-${args.issueKey}-${args.flag.type}${kind}`;
}

/** Table sort key for an issue key: by project, then number ("DEMO-9" before "DEMO-10"). */
export function issueKeySortValue(issueKey: string): string {
  const match = /^(.*)-(\d+)$/.exec(issueKey);
  return match === null ? issueKey : `${match[1]}-${(match[2] ?? '').padStart(9, '0')}`;
}

/** `manual:definition-reviewed` → `definition-reviewed`; null for automatic criteria. */
export function manualItemId(criterionId: string): string | null {
  return criterionId.startsWith('manual:') ? criterionId.slice('manual:'.length) : null;
}

/** What a criterion that keeps an item from "ready" means, in the badge's plain words: its gap name. */
const BLOCKING_WORDS: Partial<Record<CriterionId, string>> = CRITERION_GAP_LABELS;

/** What matters most when several criteria fail: a blocker first, then a disagreement, then missing AC… */
const PRIORITY: readonly CriterionId[] = [
  'dependencies',
  'estimate-agreement',
  'acceptance-criteria',
  'estimate',
  'size',
  'story-format',
  'description',
  'unknowns',
  'scope-bounds',
  'design-assets',
];

function priorityOf(criterion: Criterion): number {
  const at = PRIORITY.indexOf(criterion.id);
  return at < 0 ? PRIORITY.length : at;
}

/** "DEMO-31", "DEMO-31 and DEMO-40", "DEMO-31 and 2 more". */
function keyList(keys: readonly string[]): string {
  const [first = 'another issue', second] = keys;
  if (keys.length <= 1) return first;
  if (keys.length === 2) return `${first} and ${second ?? ''}`;
  return `${first} and ${keys.length - 1} more`;
}

function blockingWords(args: { criterion: Criterion; flags: readonly Flag[] }): string {
  const { criterion } = args;
  if (criterion.id === 'dependencies') {
    const blockers = [...new Set(args.flags.filter((f) => f.type === 'dependency' && f.kind === 'blocked').flatMap((f) => f.related))];
    return `Blocked by ${keyList(blockers)}`;
  }
  if (criterion.manual) return `To confirm: ${criterion.label}`;
  return BLOCKING_WORDS[criterion.id] ?? `Missing: ${criterion.label}`;
}

/**
 * The one thing that keeps the item from "ready", in plain words ("Blocked by DEMO-31",
 * "No acceptance criteria"), or "Ready" / "Not scored". A failing required criterion always wins;
 * below the threshold without one, the heaviest failing criterion does.
 */
export function badgeHeadline(readiness: IssueReadiness): string {
  if (readiness.status === 'excluded') return 'Not part of the Definition of Ready';
  if (readiness.ready) return 'Ready';
  const failing = readiness.criteria.filter((c) => c.status === 'fail');
  const byPriority = (a: Criterion, b: Criterion) => priorityOf(a) - priorityOf(b);
  const required = failing.filter((c) => c.required).sort(byPriority)[0];
  const heaviest = [...failing].sort((a, b) => b.weight - a.weight || byPriority(a, b))[0];
  const pick = required ?? heaviest;
  if (pick !== undefined) return blockingWords({ criterion: pick, flags: readiness.flags });
  return `Score ${Math.round(readiness.score)}, ready at ${readiness.threshold}`;
}

/** "Epics are excluded…" uses the plural of the type name. */
export function pluralType(issueType: string): string {
  const t = issueType.trim() === '' ? 'Issue' : issueType.trim();
  if (/(s|x|ch|sh)$/i.test(t)) return `${t}es`;
  if (/[^aeiou]y$/i.test(t)) return `${t.slice(0, -1)}ies`;
  return `${t}s`;
}

export function formatPoints(points: number | null): string {
  if (points === null) return '—';
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

/**
 * The badge's words from the stored judgement alone (the issue property: score, state, gap ids),
 * when no open panel has announced its own: the gap that matters most by the same priority, or
 * "Not ready" when the gap is not an automatic criterion (a manual item) or none is named. The
 * stored gaps do not say who blocks the issue, so a blocker reads "Open blockers" until the panel speaks.
 */
export function storedHeadline(property: Pick<ReadinessProperty, 'state' | 'gaps'>): string {
  if (property.state === 'ready') return 'Ready';
  const gap = PRIORITY.find((id) => property.gaps.includes(id));
  if (gap === undefined) return 'Not ready';
  if (gap === 'dependencies') return 'Open blockers';
  const label: Partial<Record<CriterionId, string>> = CRITERION_LABELS;
  return BLOCKING_WORDS[gap] ?? `Missing: ${label[gap] ?? gap}`;
}
