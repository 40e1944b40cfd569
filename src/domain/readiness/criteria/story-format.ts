import { type CriterionContext, type CriterionJudge, type Judgement } from '../criterion-context';
import { quote } from '../quote';

const ROLE = /\bas an?\s+[^,\n]{2,}/i;
const GOAL = /\bi\s+(?:want|need|would like|wish|can|should be able|am able)\b/i;
/** Story sentences run long; quote enough to show the benefit clause. */
const STORY_QUOTE = 140;
const BENEFIT = /\b(?:so that|so i can|so we can|in order to)\b/i;

/** Finds the role–goal sentence ("As a …, I want …"), in the summary or the text. */
function storySentence(ctx: CriterionContext): string | null {
  const { summary } = ctx.issue;
  if (ROLE.test(summary) && GOAL.test(summary)) return summary;
  // Every line that matches also matches inside the joined text, so one search of it skips
  // the line-by-line tests when no line can match.
  if (!ROLE.test(ctx.facts.all)) return null;
  for (const candidate of ctx.facts.lines) {
    if (ROLE.test(candidate) && GOAL.test(candidate)) return candidate;
  }
  return null;
}

function judgeStory(ctx: CriterionContext): Judgement {
  const sentence = storySentence(ctx);
  if (sentence === null) {
    return {
      status: 'fail',
      detail: 'no “As a …, I want …, so that …” sentence',
      fix: 'Start with “As a <role>, I want <goal>, so that <benefit>”',
    };
  }
  if (!BENEFIT.test(sentence)) {
    return {
      status: 'warn',
      detail: `role and goal, but no “so that”: ${quote(sentence, STORY_QUOTE)}`,
      fix: 'Add the benefit: “…, so that <why it matters>”',
    };
  }
  return { status: 'pass', detail: `role, goal and benefit: ${quote(sentence, STORY_QUOTE)}` };
}

const STEPS = /\b(?:steps to reproduce|steps to repro|repro steps|reproduction steps|how to reproduce|to reproduce)\b|^steps\b/im;
const EXPECTED = /\bexpected\b|\bshould\s+(?:be|show|display|return)\b/i;
const ACTUAL = /\bactual(?:ly)?\b|\bobserved\b|\binstead\b|\bcurrently\b|\bbut\s+(?:it|the|we|i)\b/i;

function judgeBug({ facts, issue }: CriterionContext): Judgement {
  const text = [issue.description.headings.join('\n'), facts.all].join('\n');
  const steps = STEPS.test(text);
  const expectedVsActual = EXPECTED.test(text) && ACTUAL.test(text);
  if (steps && expectedVsActual) return { status: 'pass', detail: 'steps to reproduce, and expected vs actual behaviour' };
  const fix = 'Add “Steps to reproduce”, then “Expected” and “Actual” behaviour';
  if (steps) return { status: 'warn', detail: 'steps to reproduce, but no expected vs actual behaviour', fix };
  if (expectedVsActual) return { status: 'warn', detail: 'expected vs actual behaviour, but no steps to reproduce', fix };
  return { status: 'fail', detail: 'no steps to reproduce and no expected vs actual behaviour', fix };
}

const RESEARCH_GOAL = /\b(?:find out|investigate (?:whether|if|how)|determine (?:whether|if|how)|evaluate (?:whether|if)|decide (?:whether|between)|hypothesis|the question is)\b/i;

function judgeSpike({ facts, issue }: CriterionContext): Judgement {
  const question =
    [issue.summary, ...facts.sentences].find((s) => s.trimEnd().endsWith('?')) ?? facts.sentences.find((s) => RESEARCH_GOAL.test(s));
  if (question !== undefined) return { status: 'pass', detail: `question to answer: ${quote(question)}` };
  return {
    status: 'fail',
    detail: 'no question to answer',
    fix: 'State the question the spike answers, e.g. “Can we … within …?”',
  };
}

/** Role–goal–benefit for stories; steps + expected/actual for bugs; a question for spikes. */
export const judgeStoryFormat: CriterionJudge = (ctx) => {
  if (ctx.profile === 'bug') return judgeBug(ctx);
  if (ctx.profile === 'spike') return judgeSpike(ctx);
  return judgeStory(ctx);
};
