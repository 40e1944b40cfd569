import type { Criterion, CriterionId, Flag, FlagSeverity, FlagType } from '../../contract';
import { findUnknowns, hiddenLinksMessage, isCrossProject, openBlockers } from './criteria';
import { type CriterionContext } from './criterion-context';
import { criterionGapLabel } from './criteria/registry';

const DAY_MS = 86_400_000;
const SEVERITY_ORDER: Record<FlagSeverity, number> = { high: 0, medium: 1, low: 2 };

function dependencyFlags({ issue }: CriterionContext): Flag[] {
  const flags: Flag[] = [];
  const open = openBlockers(issue);
  if (open.length > 0) {
    flags.push({
      type: 'dependency',
      kind: 'blocked',
      severity: 'high',
      message: `Blocked by ${open.map((link) => `${link.key} (${link.statusName})`).join(', ')}`,
      related: open.map((link) => link.key),
    });
  }
  const foreign = open.filter((link) => isCrossProject({ issue, link }));
  if (foreign.length > 0) {
    flags.push({
      type: 'dependency',
      kind: 'cross-project',
      severity: 'medium',
      message: `Depends on another project: ${foreign.map((link) => `${link.key} (${link.projectKey})`).join(', ')}`,
      related: foreign.map((link) => link.key),
    });
  }
  if (issue.hiddenLinkCount > 0) {
    flags.push({ type: 'dependency', kind: 'hidden', severity: 'low', message: hiddenLinksMessage(issue.hiddenLinkCount), related: [] });
  }
  return flags;
}

function divergenceFlag({ estimation }: CriterionContext): Flag[] {
  const divergence = estimation?.divergence;
  if (!estimation?.revealed || !divergence?.diverges || estimation.acceptedPoints != null) return [];
  return [{ type: 'divergence', severity: 'high', message: `${criterionGapLabel('estimate-agreement')}: ${divergence.summary}`, related: [] }];
}

function sizeFlags({ issue, settings }: CriterionContext): Flag[] {
  if (issue.estimate === null) {
    const message = issue.estimateProblem !== null ? `Estimate “${issue.estimateProblem}” is not a number` : criterionGapLabel('estimate');
    return [{ type: 'no-estimate', severity: 'medium', message, related: [] }];
  }
  if (issue.estimate > settings.size.maxPoints) {
    return [
      {
        type: 'too-big',
        severity: 'medium',
        message: `${issue.estimate} points — above the limit of ${settings.size.maxPoints}; split it`,
        related: [],
      },
    ];
  }
  return [];
}

/** The criterion with this id, if it was judged; a dozen criteria make a scan cheaper than a Map. */
function judgedCriterion({ criteria, id }: { criteria: readonly Criterion[]; id: CriterionId }): Criterion | undefined {
  for (const criterion of criteria) if (criterion.id === id) return criterion;
  return undefined;
}

function unknownsFlag(ctx: CriterionContext, criteria: readonly Criterion[]): Flag[] {
  // Only where the profile cares (a spike is made of unknowns), and only when the criterion saw some.
  const criterion = judgedCriterion({ criteria, id: 'unknowns' });
  if (criterion === undefined || criterion.status === 'pass' || criterion.status === 'skip') return [];
  const { blocking, textual } = findUnknowns(ctx);
  if (blocking.length + textual.length === 0) return [];
  const first = blocking[0] ?? `“${textual[0] ?? ''}”`;
  const count = blocking.length + textual.length;
  return [
    {
      type: 'unknowns',
      severity: blocking.length > 0 ? 'high' : 'medium',
      message: count === 1 ? `Open unknown: ${first}` : `${count} open unknowns, e.g. ${first}`,
      related: ctx.issue.links.filter((l) => l.issueKind === 'spike' && l.statusCategory !== 'done').map((l) => l.key),
    },
  ];
}

function acFlag(criteria: readonly Criterion[]): Flag[] {
  const ac = judgedCriterion({ criteria, id: 'acceptance-criteria' });
  if (ac?.status !== 'fail') return [];
  return [{ type: 'no-acceptance-criteria', severity: 'medium', message: criterionGapLabel('acceptance-criteria'), related: [] }];
}

function staleFlag({ issue, settings, now }: CriterionContext): Flag[] {
  if (issue.updated === null) return [];
  const updated = Date.parse(issue.updated);
  if (Number.isNaN(updated)) return [];
  const days = Math.floor((now.getTime() - updated) / DAY_MS);
  if (days <= settings.staleDays) return [];
  return [{ type: 'stale', severity: 'low', message: `Not updated for ${days} days`, related: [] }];
}

/** The criterion each flag repeats; the stale flag has none. */
const CRITERION_OF_FLAG: Partial<Record<FlagType, CriterionId>> = {
  dependency: 'dependencies',
  divergence: 'estimate-agreement',
  'too-big': 'size',
  'no-estimate': 'estimate',
  unknowns: 'unknowns',
  'no-acceptance-criteria': 'acceptance-criteria',
};

/** A flag whose criterion is only a gap to consider would contradict "ready": it is not raised. */
function contradictsJudgement({ flag, criteria }: { flag: Flag; criteria: readonly Criterion[] }): boolean {
  const id = CRITERION_OF_FLAG[flag.type];
  return id !== undefined && judgedCriterion({ criteria, id })?.status === 'consider';
}

/**
 * The flags one issue raises on its own (ordering and cycle flags need the whole backlog and
 * are added by the dependency graph). Most severe first.
 */
export function issueFlags({ ctx, criteria }: { ctx: CriterionContext; criteria: readonly Criterion[] }): Flag[] {
  const sizeJudged = judgedCriterion({ criteria, id: 'estimate' }) !== undefined || judgedCriterion({ criteria, id: 'size' }) !== undefined;
  const flags = [
    ...dependencyFlags(ctx),
    ...divergenceFlag(ctx),
    ...(sizeJudged ? sizeFlags(ctx) : []),
    ...unknownsFlag(ctx, criteria),
    ...acFlag(criteria),
    ...staleFlag(ctx),
  ].filter((flag) => !contradictsJudgement({ flag, criteria }));
  return flags.length > 1 ? flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) : flags;
}
