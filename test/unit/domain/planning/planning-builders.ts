/**
 * Builders for the planning tests. Local (not ../builders.ts) so these tests do not depend on the
 * text extractor: planning only reads keys, status, links and estimates.
 */
import type { Criterion, DependencyFlag, ExcludedReadiness, Flag, IssueFlag, JudgedReadiness } from '../../../../src/contract/readiness';
import type { ProjectSettings } from '../../../../src/contract/settings';
import type { LinkedIssue, NormalizedIssue } from '../../../../src/domain/issue';
import type { AgendaCandidate } from '../../../../src/domain/planning';

export function anIssue(overrides: Partial<NormalizedIssue> = {}): NormalizedIssue {
  const key = overrides.key ?? 'DEMO-1';
  return {
    id: `1${key.replace(/\D/g, '')}`,
    key,
    projectKey: key.split('-')[0] ?? 'DEMO',
    projectId: '10000',
    summary: `Summary of ${key}`,
    issueTypeName: 'Story',
    kind: 'story',
    statusName: 'To Do',
    statusCategory: 'new',
    description: { format: 'plain', blocks: [{ kind: 'paragraph', text: 'Some text' }], plain: 'Some text', words: 2, mediaCount: 0, urls: [], problems: [] },
    acceptanceField: null,
    labels: [],
    estimate: 3,
    estimateProblem: null,
    attachmentCount: 0,
    links: [],
    hiddenLinkCount: 0,
    sprintIds: [],
    rank: null,
    created: null,
    updated: null,
    flagged: false,
    ...overrides,
  };
}

/** By default: this issue is blocked by an unresolved DEMO issue. */
export function aLink(overrides: Partial<LinkedIssue> & { key: string }): LinkedIssue {
  return {
    direction: 'blocked-by',
    typeName: 'Blocks',
    phrase: overrides.direction === 'blocks' ? 'blocks' : 'is blocked by',
    id: `1${overrides.key.replace(/\D/g, '')}`,
    summary: `Summary of ${overrides.key}`,
    statusName: 'To Do',
    statusCategory: 'new',
    projectKey: overrides.key.split('-')[0] ?? 'DEMO',
    issueKind: 'story',
    issueTypeName: 'Story',
    ...overrides,
  };
}

export function aReadiness(overrides: Partial<JudgedReadiness> = {}): JudgedReadiness {
  return {
    status: 'judged',
    issueKey: 'DEMO-1',
    summary: 'Summary',
    issueType: 'Story',
    score: 50,
    ready: false,
    threshold: 80,
    criteria: [],
    flags: [],
    estimate: 3,
    estimateFieldName: 'Story Points',
    excluded: false,
    evaluatedAt: '2025-03-03T09:00:00.000Z',
    warnings: [],
    ...overrides,
  };
}

/** The same issue excluded from the Definition of Ready (its type's profile, epics by default): no score, no ready state. */
export function asExcluded(readiness: JudgedReadiness): ExcludedReadiness {
  const { issueKey, summary, issueType, threshold, estimate, estimateFieldName, evaluatedAt, warnings } = readiness;
  return { issueKey, summary, issueType, threshold, estimate, estimateFieldName, evaluatedAt, warnings, status: 'excluded', reason: 'issue-type', criteria: [], flags: [], excluded: true };
}

/** A flag of either variant: a dependency flag needs its kind, the others have none. */
export function aFlag(overrides: (Partial<DependencyFlag> & Pick<DependencyFlag, 'type' | 'kind'>) | (Partial<IssueFlag> & Pick<IssueFlag, 'type'>)): Flag {
  return { severity: 'medium', message: `${overrides.type} flag`, related: [], ...overrides };
}

export function aCriterion(overrides: Partial<Criterion> & Pick<Criterion, 'id'>): Criterion {
  return { label: overrides.id, status: 'fail', detail: 'missing', manual: false, weight: 1, required: false, ...overrides };
}

/** A not-ready candidate at `position` in the walk; readiness follows the issue's key and estimate. */
export function aCandidate({
  position,
  plannedIn = 'Backlog',
  issue = {},
  readiness = {},
  excluded = false,
  beyondHorizon,
}: {
  position: number;
  plannedIn?: string;
  issue?: Partial<NormalizedIssue>;
  readiness?: Partial<JudgedReadiness>;
  /** Its type is excluded from the Definition of Ready. */
  excluded?: boolean;
  beyondHorizon?: boolean;
}): AgendaCandidate {
  const built = anIssue({ key: `DEMO-${position}`, ...issue });
  const judged = aReadiness({ issueKey: built.key, summary: built.summary, estimate: built.estimate, ...readiness });
  return {
    issue: built,
    plannedIn,
    position,
    ...(beyondHorizon === undefined ? {} : { beyondHorizon }),
    readiness: excluded ? asExcluded(judged) : judged,
  };
}

export function agendaSettings(overrides: Partial<ProjectSettings['agenda']> = {}): Pick<ProjectSettings, 'agenda'> {
  return {
    agenda: {
      sessionMinutes: 60,
      outcomeComments: true,
      minItems: 4,
      maxItems: 10,
      baseMinutesPerItem: 5,
      minutesPerGap: 3,
      maxMinutesPerItem: 15,
      horizonSprints: 2,
      runwayTargetSprints: 2,
      boardId: null,
      ...overrides,
    },
  };
}
