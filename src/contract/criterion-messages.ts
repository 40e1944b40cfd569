/**
 * What a criterion saw and how to fix it, as a code with parameters: the UI renders the words
 * (static/shared/criterion-messages.ts), a first step toward translations. Parameters carry the
 * facts (counts, issue keys, text quoted from the issue), never English phrases, except where
 * noted. The server still renders English `detail`/`fix` for the words it must write itself
 * (Jira comments, the agenda's focus lines).
 */
import type { CardValue } from './estimation';

/** A message without parameters. */
// An empty parameter object is the point here: the message takes none.
// eslint-disable-next-line @typescript-eslint/no-generated-empty-object-type
type None = Record<never, never>;
/** Where acceptance criteria were found: a section named by the team, or a task list. */
export type AcSource = { kind: 'section'; title: string; via: 'heading' | 'label' } | { kind: 'tasks'; adf: boolean };

export interface CriterionMessageParams {
  'description.empty': { images: boolean };
  'description.placeholder': { words: number; placeholder: string };
  'description.short': { words: number; min: number };
  'description.vague-summary': { words: number; summary: string; summaryWords: number };
  'description.long-summary': { words: number; summaryWords: number };
  'description.ok': { words: number; headings: number };
  'description.fix.write': { min: number };
  'description.fix.replace-placeholder': { placeholder: string };
  'description.fix.summary': None;
  'story.none': None;
  'story.no-benefit': { sentence: string };
  'story.ok': { sentence: string };
  'story.fix.write': None;
  'story.fix.benefit': None;
  'bug.ok': None;
  'bug.no-expected': None;
  'bug.no-steps': None;
  'bug.none': None;
  'bug.fix': None;
  'spike.question': { question: string };
  'spike.no-question': None;
  'spike.fix.question': None;
  'ac.outline': { scenarios: number; examples: number; field: boolean };
  'ac.scenarios': { count: number; field: boolean };
  'ac.one-scenario': { field: boolean };
  'ac.items': { count: number; source: AcSource };
  'ac.one-item': { source: AcSource };
  'ac.empty-section': { source: AcSource };
  'ac.field-items': { count: number; first: string };
  'ac.field-one': { first: string };
  'ac.none': None;
  'ac.fix.edge-case': None;
  'ac.fix.missing': None;
  'scope.section': { title: string; first: string | null };
  'scope.phrase': { sentence: string };
  'scope.none': None;
  'scope.fix': None;
  'spike.timebox': { sentence: string };
  'spike.outcome': { sentence: string };
  'spike.unbounded': None;
  'spike.fix.bounds': None;
  'estimate.not-number': { raw: string };
  'estimate.none': None;
  'estimate.ok': { points: number };
  'estimate.fix.number': None;
  'estimate.fix.estimate': None;
  'size.no-estimate': None;
  'size.too-big': { points: number; max: number };
  'size.ok': { points: number; max: number };
  'size.fix.split': { max: number };
  'dependencies.blocked': { blockers: { key: string; status: string }[]; foreign: string[]; hidden: number };
  'dependencies.hidden': { hidden: number };
  'dependencies.done': { count: number };
  'dependencies.none': None;
  'dependencies.fix.blockers': None;
  'dependencies.fix.hidden': None;
  'unknowns.questions': { count: number; first: string };
  /** `shown`: up to two unknowns as the server words them (label, spike or quoted text); to be split into codes. */
  'unknowns.open': { count: number; shown: string[] };
  'unknowns.none': None;
  'unknowns.fix.questions': None;
  'unknowns.fix.answer': None;
  'design.seen': { attachments: number; images: number; tools: string[] };
  'design.none': None;
  'design.fix.attach': { reviewItem: string | null };
  'agreement.accepted': { points: number };
  'agreement.no-round': None;
  'agreement.not-revealed': { votes: number };
  /** `summary`: the estimation domain's divergence summary, still English. */
  'agreement.diverge': { summary: string };
  'agreement.ok': { votes: number; low: CardValue | null; high: CardValue | null };
  'agreement.fix.reveal': None;
  'agreement.fix.discuss': None;
}

export type CriterionMessageCode = keyof CriterionMessageParams;
export type CriterionMessage = { [C in CriterionMessageCode]: { code: C; params: CriterionMessageParams[C] } }[CriterionMessageCode];
