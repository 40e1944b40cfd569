import { findUserStory, mayHoldUserStory, splitSentences } from '../../text';
import { type CriterionContext, type CriterionJudge, type Judgement } from '../criterion-context';
import { quote } from '../quote';
import { defineCriterion, off, on } from './criterion-definition';

/** Story sentences run long; quote enough to show the benefit clause. */
const STORY_QUOTE = 140;

/**
 * Role–goal–benefit ("As a …, I want …, so that …"; also "In order to …, as a … I want …",
 * German "Als … möchte ich …, damit …", French "En tant que … je veux … afin de …", Spanish,
 * Portuguese and Dutch), in the summary or the text.
 */
function judgeStory(ctx: CriterionContext): Judgement {
  const { summary } = ctx.issue;
  const { all, lines } = ctx.facts;
  const story = mayHoldUserStory(summary) || mayHoldUserStory(all) ? findUserStory([summary, ...lines]) : null;
  if (story === null) {
    return {
      status: 'fail',
      detail: 'no “As a …, I want …, so that …” sentence',
      fix: 'Start with “As a <role>, I want <goal>, so that <benefit>”',
      message: { code: 'story.none', params: {} },
      fixMessage: { code: 'story.fix.write', params: {} },
    };
  }
  if (!story.benefit) {
    return {
      status: 'warn',
      detail: `role and goal, but no “so that”: ${quote(story.sentence, STORY_QUOTE)}`,
      fix: 'Add the benefit: “…, so that <why it matters>”',
      message: { code: 'story.no-benefit', params: { sentence: story.sentence } },
      fixMessage: { code: 'story.fix.benefit', params: {} },
    };
  }
  return { status: 'pass', detail: `role, goal and benefit: ${quote(story.sentence, STORY_QUOTE)}`, message: { code: 'story.ok', params: { sentence: story.sentence } } };
}

const STEPS = /\b(?:steps to reproduce|steps to repro|repro steps|reproduction steps|how to reproduce|to reproduce)\b|^steps\b/im;
const EXPECTED = /\bexpected\b|\bshould\s+(?:be|show|display|return)\b/i;
const ACTUAL = /\bactual(?:ly)?\b|\bobserved\b|\binstead\b|\bcurrently\b|\bbut\s+(?:it|the|we|i)\b/i;

function judgeBug({ facts }: CriterionContext): Judgement {
  const text = facts.all;
  const steps = STEPS.test(text);
  const expectedVsActual = EXPECTED.test(text) && ACTUAL.test(text);
  if (steps && expectedVsActual) return { status: 'pass', detail: 'steps to reproduce, and expected vs actual behaviour', message: { code: 'bug.ok', params: {} } };
  const fix = 'Add “Steps to reproduce”, then “Expected” and “Actual” behaviour';
  const fixMessage = { code: 'bug.fix', params: {} } as const;
  if (steps) return { status: 'warn', detail: 'steps to reproduce, but no expected vs actual behaviour', fix, message: { code: 'bug.no-expected', params: {} }, fixMessage };
  if (expectedVsActual) return { status: 'warn', detail: 'expected vs actual behaviour, but no steps to reproduce', fix, message: { code: 'bug.no-steps', params: {} }, fixMessage };
  return { status: 'fail', detail: 'no steps to reproduce and no expected vs actual behaviour', fix, message: { code: 'bug.none', params: {} }, fixMessage };
}

const RESEARCH_GOAL = /\b(?:find out|investigate (?:whether|if|how)|determine (?:whether|if|how)|evaluate (?:whether|if)|decide (?:whether|between)|hypothesis|the question is)\b/i;

/**
 * The first sentence of the summary or the text that `sentence` accepts; only the lines that
 * `line` accepts (a cheap necessary condition) are split into sentences.
 */
function firstSentence({ ctx, line, sentence }: { ctx: CriterionContext; line: (text: string) => boolean; sentence: (text: string) => boolean }): string | undefined {
  for (const text of [ctx.issue.summary, ...ctx.facts.lines]) {
    if (!line(text)) continue;
    const found = splitSentences(text).find(sentence);
    if (found !== undefined) return found;
  }
  return undefined;
}

function judgeSpike(ctx: CriterionContext): Judgement {
  const asks = (text: string) => text.includes('?');
  const researches = (text: string) => RESEARCH_GOAL.test(text);
  const question =
    firstSentence({ ctx, line: asks, sentence: (s) => s.trimEnd().endsWith('?') }) ?? firstSentence({ ctx, line: researches, sentence: researches });
  if (question !== undefined) return { status: 'pass', detail: `question to answer: ${quote(question)}`, message: { code: 'spike.question', params: { question } } };
  return {
    status: 'fail',
    detail: 'no question to answer',
    fix: 'State the question the spike answers, e.g. “Can we … within …?”',
    message: { code: 'spike.no-question', params: {} },
    fixMessage: { code: 'spike.fix.question', params: {} },
  };
}

/** Role–goal–benefit for stories; steps + expected/actual for bugs; a question for spikes. */
export const judgeStoryFormat: CriterionJudge = (ctx) => {
  if (ctx.profile === 'bug') return judgeBug(ctx);
  if (ctx.profile === 'spike') return judgeSpike(ctx);
  return judgeStory(ctx);
};

export const storyFormat = defineCriterion({
  id: 'story-format',
  label: 'User story form (role, goal, benefit)',
  profileLabels: { bug: 'Steps to reproduce, expected vs actual', spike: 'A question to answer' },
  // No gap name of its own: a gap reads "Missing: <name>", which already says it for every profile.
  gapLabel: null,
  hint: '"As a … I want … so that …" (bugs: steps, expected, actual; spikes: a question)',
  // Bugs and spikes lean on it more (steps to reproduce, the question); tasks are not stories.
  defaults: { story: on(2), bug: on(3), spike: on(3), task: off() },
  judge: judgeStoryFormat,
});
