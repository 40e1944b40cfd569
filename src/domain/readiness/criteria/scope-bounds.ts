import { findSection, splitSentences } from '../../text';
import { type CriterionContext, type CriterionJudge, type Judgement } from '../criterion-context';
import { quote, withArticle } from '../quote';
import { defineCriterion, off, on } from './criterion-definition';

const SCOPE_PHRASE = /\b(?:out of scope|not in scope|non[- ]goals?|won['’]t do|will not (?:include|cover|do)|excluded)\b/i;

/** The first sentence `test` accepts; only the texts holding a match are split into sentences. */
function firstSentence({ texts, test }: { texts: readonly string[]; test: (text: string) => boolean }): string | undefined {
  for (const text of texts) {
    if (!test(text)) continue;
    const found = splitSentences(text).find(test);
    if (found !== undefined) return found;
  }
  return undefined;
}

function judgeScope({ settings, facts }: CriterionContext): Judgement {
  const section = findSection({ blocks: facts.blocks, names: settings.text.scopeHeadings });
  if (section) {
    const first = section.inline.length > 0 ? section.inline : section.blocks[0]?.text;
    const detail = first === undefined ? `${withArticle(section.title)} section` : `${withArticle(section.title)} section: ${quote(first, 60)}`;
    return { status: 'pass', detail, message: { code: 'scope.section', params: { title: section.title, first: first ?? null } } };
  }
  // One look at the whole text rules out the common case of no phrase at all.
  const sentence = SCOPE_PHRASE.test(facts.all) ? firstSentence({ texts: facts.lines, test: (s) => SCOPE_PHRASE.test(s) }) : undefined;
  if (sentence !== undefined) return { status: 'pass', detail: `states what is out: ${quote(sentence, 60)}`, message: { code: 'scope.phrase', params: { sentence } } };
  // Scope bounds are good practice, not a gate: missing them only warns.
  return {
    status: 'warn',
    detail: 'no ‘Out of scope’ or ‘Non-goals’ section',
    fix: 'Add an ‘Out of scope’ section listing what this item will not do',
    message: { code: 'scope.none', params: {} },
    fixMessage: { code: 'scope.fix', params: {} },
  };
}

const TIMEBOX =
  /\btime[- ]?box(?:ed)?\b|\b(?:\d+(?:\.\d+)?|one|two|three|four|five|half an?)\s*-?\s*(?:h|hrs?|hours?|d|days?|weeks?|sprints?)\b|\bby the end of (?:the )?sprint\b/i;
const OUTCOME =
  /\b(?:outcome|deliverables?|we will (?:produce|deliver|decide|know|recommend)|recommendation|decision record|adr|proof of concept|poc|prototype|write[- ]?up)\b/i;

function judgeSpikeBounds({ facts, issue }: CriterionContext): Judgement {
  const timebox = firstSentence({ texts: [issue.summary, ...facts.lines], test: (s) => TIMEBOX.test(s) });
  if (timebox !== undefined) return { status: 'pass', detail: `timebox: ${quote(timebox, 60)}`, message: { code: 'spike.timebox', params: { sentence: timebox } } };
  const heading = issue.description.blocks.find((block) => block.kind === 'heading' && OUTCOME.test(block.text))?.text;
  const outcome = heading ?? firstSentence({ texts: facts.lines, test: (s) => OUTCOME.test(s) });
  if (outcome !== undefined) return { status: 'pass', detail: `expected outcome: ${quote(outcome, 60)}`, message: { code: 'spike.outcome', params: { sentence: outcome } } };
  return {
    status: 'fail',
    detail: 'no timebox and no expected outcome',
    fix: 'Timebox the spike (e.g. “2 days”) and say what it delivers (a decision, a prototype, a write-up)',
    message: { code: 'spike.unbounded', params: {} },
    fixMessage: { code: 'spike.fix.bounds', params: {} },
  };
}

/** Stories, tasks, bugs: an out-of-scope section. Spikes: a timebox or an outcome. */
export const judgeScopeBounds: CriterionJudge = (ctx) => (ctx.profile === 'spike' ? judgeSpikeBounds(ctx) : judgeScope(ctx));

export const scopeBounds = defineCriterion({
  id: 'scope-bounds',
  label: 'Scope bounds (out of scope)',
  profileLabels: { spike: 'A timebox or outcome' },
  gapLabel: 'Scope not bounded',
  hint: 'Says what is out of scope (spikes: a timebox or outcome)',
  // Out-of-scope sections are good practice, not a gate: missing only warns, and weighs little.
  // A spike without a timebox or outcome never ends, so there it weighs most.
  defaults: { story: on(1), bug: off(), spike: on(3), task: off() },
  judge: judgeScopeBounds,
});
