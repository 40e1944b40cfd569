/**
 * Scenario 1: how many issues per second the pure readiness judgement handles on one core.
 * Three cuts of the same work: evaluate only (issues already normalized), extract + evaluate
 * (text extraction of the description redone per issue), and normalize + evaluate (the whole
 * REST issue → NormalizedIssue path, zod field parsing included).
 */
import type { IssueReadiness } from '../../src/contract';
import type { NormalizedIssue } from '../../src/domain/issue';
import { evaluateReadiness } from '../../src/domain/readiness';
import { defaultSettings } from '../../src/domain/settings';
import { extractText } from '../../src/domain/text';
import { normalizeIssue } from '../../src/jira/normalize-issue';
import { restIssueSchema, type RestIssue } from '../../src/jira/schemas/issue';
import type { FieldPlan } from '../../src/usecases/ports';
import { FIELD_IDS } from '../../sandbox/jira/catalog';
import { createRng, generateRestIssue, wordCount } from '../generate-issues';
import { percentile, round, withMemory } from '../measure';
import type { BenchRow } from '../report';

const ISSUES = 10_000;
const BATCH = 1_000;
const PASSES = 5;
const TARGET_PER_SECOND = 20_000;

const PLAN: FieldPlan = {
  estimation: { id: FIELD_IDS.storyPoints, name: 'Story Points' },
  sprint: { id: FIELD_IDS.sprint, name: 'Sprint' },
  flagged: { id: FIELD_IDS.flagged, name: 'Flagged' },
  rank: { id: FIELD_IDS.rank, name: 'Rank' },
  acceptanceCriteria: null,
};

interface Corpus {
  rest: RestIssue[];
  normalized: NormalizedIssue[];
  rawDescriptions: unknown[];
  meanWords: number;
}

function buildCorpus(): Corpus {
  const rng = createRng(7);
  const rest = Array.from({ length: ISSUES }, (_, index) => restIssueSchema.parse(generateRestIssue({ rng, index })));
  const rawDescriptions = rest.map((issue) => issue.fields?.['description'] ?? null);
  // Mean over the ADF documents: the malformed and empty shapes would only blur the figure.
  const words = rawDescriptions.filter((raw) => typeof raw === 'object' && raw !== null).map((raw) => wordCount(raw));
  return {
    rest,
    normalized: rest.map((issue) => normalizeIssue({ issue, plan: PLAN })),
    rawDescriptions,
    meanWords: Math.round(words.reduce((sum, count) => sum + count, 0) / words.length),
  };
}

interface Mode {
  name: string;
  judge: (corpus: Corpus, index: number) => IssueReadiness;
}

const settings = defaultSettings();
const now = new Date('2025-06-15T09:00:00.000Z');
const judge = (issue: NormalizedIssue) => evaluateReadiness({ issue, settings, checklist: {}, estimation: null, now, estimateFieldName: 'Story Points' });

const MODES: Mode[] = [
  { name: 'evaluate only', judge: (corpus, i) => judge(corpus.normalized[i]!) },
  { name: 'extract + evaluate', judge: (corpus, i) => judge({ ...corpus.normalized[i]!, description: extractText(corpus.rawDescriptions[i]) }) },
  { name: 'normalize + evaluate', judge: (corpus, i) => judge(normalizeIssue({ issue: corpus.rest[i]!, plan: PLAN })) },
];

function runMode(corpus: Corpus, mode: Mode): { batchMs: number[]; perSecond: number; meanPerSecond: number; ready: number } {
  // One warm-up pass so the JIT has compiled the hot paths before anything is timed.
  for (let i = 0; i < ISSUES; i++) mode.judge(corpus, i);
  const batchMs: number[] = [];
  let ready = 0;
  let total = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (let start = 0; start < ISSUES; start += BATCH) {
      const began = performance.now();
      for (let i = start; i < start + BATCH; i++) if (mode.judge(corpus, i).ready) ready++;
      const ms = performance.now() - began;
      batchMs.push(ms);
      total += ms;
    }
  }
  // The rate comes from the median batch: on a shared 2-core machine the mean mostly measures
  // the neighbours; the mean rate is kept in the JSON as well.
  return {
    batchMs,
    perSecond: Math.round(BATCH / (percentile(batchMs, 50) / 1000)),
    meanPerSecond: Math.round((ISSUES * PASSES) / (total / 1000)),
    ready: ready / PASSES,
  };
}

export async function readinessThroughput(): Promise<BenchRow[]> {
  const corpus = buildCorpus();
  const rows: BenchRow[] = [];
  for (const mode of MODES) {
    const { value, memory } = await withMemory(() => Promise.resolve(runMode(corpus, mode)));
    const verdict = value.perSecond >= TARGET_PER_SECOND ? 'ok' : 'BELOW TARGET';
    rows.push({
      scenario: `1 readiness: ${mode.name}`,
      jiraCalls: null,
      lowerBound: null,
      p50Ms: percentile(value.batchMs, 50),
      p95Ms: percentile(value.batchMs, 95),
      ...memory,
      outcome: `${verdict}: ${value.perSecond.toLocaleString('en-US')} issues/s at the median batch (target ≥ ${TARGET_PER_SECOND.toLocaleString('en-US')}, mean ${value.meanPerSecond.toLocaleString('en-US')}/s); times per ${BATCH}-issue batch`,
      details: {
        issues: ISSUES,
        batch: BATCH,
        passes: PASSES,
        issuesPerSecondFromMedianBatch: value.perSecond,
        issuesPerSecondMean: value.meanPerSecond,
        readyShare: round(value.ready / ISSUES, 3),
        meanAdfDescriptionWords: corpus.meanWords,
      },
    });
  }
  return rows;
}
