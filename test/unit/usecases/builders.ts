/**
 * Builders for the use-case tests: contract values built by hand, so each test states only
 * the judgement it is about (the readiness engine has its own tests).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { z } from 'zod';
import type { Criterion, ExcludedReadiness, JudgedReadiness } from '../../../src/contract';
import type { FieldPlan, StoredVote } from '../../../src/usecases/ports';

export function aCriterion(overrides: Partial<Criterion> = {}): Criterion {
  return {
    id: 'acceptance-criteria',
    label: 'Acceptance criteria',
    status: 'fail',
    detail: 'No acceptance criteria found',
    fix: 'Add 2–3 Given/When/Then scenarios under an “Acceptance criteria” heading.',
    manual: false,
    weight: 3,
    required: true,
    ...overrides,
  };
}

/** A not-ready story: one failing required criterion, score below the default threshold. */
export function aReadiness(overrides: Partial<JudgedReadiness> = {}): JudgedReadiness {
  return {
    status: 'judged',
    issueKey: 'DEMO-42',
    summary: 'Save the shopping cart between visits',
    issueType: 'Story',
    score: 55,
    ready: false,
    threshold: 80,
    criteria: [aCriterion(), aCriterion({ id: 'description', label: 'Description', status: 'pass', detail: '48 words', fix: undefined, weight: 2, required: false })],
    flags: [],
    estimate: 5,
    estimateFieldName: 'Story Points',
    excluded: false,
    evaluatedAt: '2026-11-20T10:00:00.000Z',
    warnings: [],
    ...overrides,
  };
}

/** The same issue excluded from the Definition of Ready (its type's profile, epics by default): no score, no ready state. */
export function asExcluded(readiness: JudgedReadiness): ExcludedReadiness {
  const { issueKey, summary, issueType, threshold, estimate, estimateFieldName, evaluatedAt, warnings } = readiness;
  return { issueKey, summary, issueType, threshold, estimate, estimateFieldName, evaluatedAt, warnings, status: 'excluded', reason: 'issue-type', criteria: [], flags: [], excluded: true };
}

export function aReadyReadiness(overrides: Partial<JudgedReadiness> = {}): JudgedReadiness {
  return aReadiness({
    score: 92,
    ready: true,
    criteria: [aCriterion({ status: 'pass', detail: '2 Given/When/Then scenarios', fix: undefined })],
    ...overrides,
  });
}

export function aFieldPlan(overrides: Partial<FieldPlan> = {}): FieldPlan {
  return {
    estimation: { id: 'customfield_10016', name: 'Story point estimate' },
    sprint: { id: 'customfield_10020', name: 'Sprint' },
    flagged: { id: 'customfield_10021', name: 'Flagged' },
    rank: { id: 'customfield_10019', name: 'Rank' },
    acceptanceCriteria: null,
    ...overrides,
  };
}

export function aStoredVote(overrides: Partial<StoredVote> = {}): StoredVote {
  return {
    accountId: 'acc-ana',
    displayName: 'Ana Lopez',
    value: '5',
    votedAt: '2026-11-20T10:00:00.000Z',
    roundNumber: 1,
    ...overrides,
  };
}

/**
 * Atlassian's published ADF JSON schema (draft-04; ajv reads it fine without the meta-schema),
 * shipped with @atlaskit/adf-schema, a dependency of @forge/bridge.
 */
function loadAdfValidator() {
  const file = path.join(path.dirname(require.resolve('@atlaskit/adf-schema/package.json')), 'dist/json-schema/v1/full.json');
  const { $schema: _draft, ...schema } = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

let adfValidator: ReturnType<typeof loadAdfValidator> | undefined;

/** Problems that make `doc` invalid ADF; empty when Jira would accept it. */
export function adfProblems(doc: unknown): string[] {
  adfValidator ??= loadAdfValidator();
  if (adfValidator(doc)) return [];
  return (adfValidator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
