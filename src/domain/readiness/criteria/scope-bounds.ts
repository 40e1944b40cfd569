import { firstSection } from '../../text';
import { type CriterionContext, type CriterionJudge, type Judgement } from '../criterion-context';
import { quote } from '../quote';

const SCOPE_PHRASE = /\b(?:out of scope|not in scope|non[- ]goals?|won['’]t do|will not (?:include|cover|do)|excluded)\b/i;

function judgeScope({ settings, facts }: CriterionContext): Judgement {
  const section = firstSection({ lines: facts.description, names: settings.text.scopeHeadings });
  if (section) {
    const first = section.lines[0];
    const detail = first === undefined ? `an ‘${section.heading}’ section` : `an ‘${section.heading}’ section: ${quote(first, 60)}`;
    return { status: 'pass', detail };
  }
  // The phrases hold no newline and no sentence-ending punctuation, so a match in the whole text
  // lies inside one sentence: one search of `all` rules out the common case of none.
  const sentence = SCOPE_PHRASE.test(facts.all) ? facts.sentences.find((s) => SCOPE_PHRASE.test(s)) : undefined;
  if (sentence !== undefined) return { status: 'pass', detail: `states what is out: ${quote(sentence, 60)}` };
  // Scope bounds are good practice, not a gate: missing them only warns.
  return {
    status: 'warn',
    detail: 'no ‘Out of scope’ or ‘Non-goals’ section',
    fix: 'Add an ‘Out of scope’ section listing what this item will not do',
  };
}

const TIMEBOX =
  /\btime[- ]?box(?:ed)?\b|\b(?:\d+(?:\.\d+)?|one|two|three|four|five|half an?)\s*-?\s*(?:h|hrs?|hours?|d|days?|weeks?|sprints?)\b|\bby the end of (?:the )?sprint\b/i;
const OUTCOME =
  /\b(?:outcome|deliverables?|we will (?:produce|deliver|decide|know|recommend)|recommendation|decision record|adr|proof of concept|poc|prototype|write[- ]?up)\b/i;

function judgeSpikeBounds({ facts, issue }: CriterionContext): Judgement {
  const timebox = [issue.summary, ...facts.sentences].find((s) => TIMEBOX.test(s));
  if (timebox !== undefined) return { status: 'pass', detail: `timebox: ${quote(timebox, 60)}` };
  const heading = issue.description.headings.find((h) => OUTCOME.test(h));
  const outcome = heading ?? facts.sentences.find((s) => OUTCOME.test(s));
  if (outcome !== undefined) return { status: 'pass', detail: `expected outcome: ${quote(outcome, 60)}` };
  return {
    status: 'fail',
    detail: 'no timebox and no expected outcome',
    fix: 'Timebox the spike (e.g. “2 days”) and say what it delivers (a decision, a prototype, a write-up)',
  };
}

/** Stories, tasks, bugs: an out-of-scope section. Spikes: a timebox or an outcome. */
export const judgeScopeBounds: CriterionJudge = (ctx) => (ctx.profile === 'spike' ? judgeSpikeBounds(ctx) : judgeScope(ctx));
