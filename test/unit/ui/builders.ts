import type { Agenda, AgendaItem, Criterion, ExcludedReadiness, JudgedReadiness } from '../../../src/contract';

export function aCriterion(overrides: Partial<Criterion> = {}): Criterion {
  return { id: 'description', label: 'Description', status: 'pass', detail: '40 words', manual: false, weight: 2, required: false, ...overrides };
}

export function aReadiness(overrides: Partial<JudgedReadiness> = {}): JudgedReadiness {
  return {
    status: 'judged',
    issueKey: 'DEMO-1',
    summary: 'Remember the last zone',
    issueType: 'Story',
    score: 86,
    ready: true,
    threshold: 80,
    criteria: [aCriterion()],
    flags: [],
    estimate: 5,
    estimateFieldName: 'Story Points',
    excluded: false,
    evaluatedAt: '2026-11-21T09:00:00Z',
    warnings: [],
    ...overrides,
  };
}

/** The same issue excluded from the Definition of Ready (its type's profile, epics by default): no score, no ready state. */
export function asExcluded(readiness: JudgedReadiness): ExcludedReadiness {
  const { issueKey, summary, issueType, threshold, estimate, estimateFieldName, evaluatedAt, warnings } = readiness;
  return { issueKey, summary, issueType, threshold, estimate, estimateFieldName, evaluatedAt, warnings, status: 'excluded', reason: 'issue-type', criteria: [], flags: [], excluded: true };
}

export function anAgendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    issueKey: 'DEMO-1',
    summary: 'Remember the last zone',
    issueType: 'Story',
    rank: 1,
    score: 42,
    ready: false,
    estimate: null,
    plannedIn: 'Sprint 14',
    beyondHorizon: false,
    flags: [],
    timeboxMinutes: 12,
    focus: ['Write acceptance criteria'],
    ...overrides,
  };
}

export function anAgenda(overrides: Partial<Agenda> = {}): Agenda {
  return {
    projectKey: 'DEMO',
    boardId: 1,
    boardName: 'DEMO board',
    sessionMinutes: 60,
    totalMinutes: 55,
    items: [anAgendaItem()],
    carryOver: [],
    runway: { items: [], readyPoints: 28, velocity: 20, sprints: 1.4, targetSprints: 2, message: '1.4 sprints of ready work; keep at least 2' },
    horizon: { items: 18, points: 41, targetPoints: 40, stoppedBecause: 'points' },
    truncated: false,
    velocity: { value: 20, sprintsUsed: ['Sprint 12', 'Sprint 13'] },
    estimationFieldName: 'Story Points',
    generatedAt: '2026-11-21T09:00:00Z',
    warnings: [],
    ...overrides,
  };
}
