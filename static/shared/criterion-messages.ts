import type { AcSource, CriterionMessageCode, CriterionMessageParams } from '../../src/contract';

/**
 * The English words for the codes criteria judge with (the panel's checklist detail and fix
 * lines). One table, so a translation is one more table of the same shape. The server words the
 * same sentences itself only where it must write them (Jira comments, the agenda's focus lines); a
 * unit test (test/unit/ui/criterion-messages.test.ts) keeps the two alike.
 */

const plural = (count: number, singular: string, many = `${singular}s`): string => `${count} ${count === 1 ? singular : many}`;
const points = (value: number): string => `${value} ${value === 1 ? 'point' : 'points'}`;

/** Issue text quoted on one line, shortened so a criterion stays one line in the panel. */
function quote(text: string, max = 80): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean}”`;
}

/** "an ‘Acceptance criteria’", "a ‘DoD’": acronyms read letter by letter, words by their first sound. */
function withArticle(title: string): string {
  const text = title.trim();
  const acronym = /^[A-Z](?:[A-Z/]|$)/.test(text);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(text) : /^[aeiou]/i.test(text) && !/^(?:uni|use|usu|uti|eu|one\b|once\b)/i.test(text);
  return `${vowelSound ? 'an' : 'a'} ‘${text}’`;
}

function acSource(source: AcSource): string {
  if (source.kind === 'tasks') return source.adf ? 'ADF task list' : 'checklist';
  return `${withArticle(source.title)} ${source.via}`;
}

const field = (inField: boolean): string => (inField ? 'AC field: ' : '');
const NO_EDGE_CASE = 'Add a scenario for an edge case or an error path';

type Templates = { [C in CriterionMessageCode]: (params: CriterionMessageParams[C]) => string };

const ENGLISH: Templates = {
  'description.empty': (p) => (p.images ? 'only images, no text' : 'no description'),
  'description.placeholder': (p) => `${plural(p.words, 'word')}; reads as a placeholder: ${quote(p.placeholder)}`,
  'description.short': (p) => `${plural(p.words, 'word')} — fewer than ${p.min}`,
  'description.vague-summary': (p) => `${plural(p.words, 'word')}; summary ${quote(p.summary)} is vague (${plural(p.summaryWords, 'word')})`,
  'description.long-summary': (p) => `${plural(p.words, 'word')}; summary reads as a paragraph (${p.summaryWords} words)`,
  'description.ok': (p) => `${plural(p.words, 'word')}${p.headings > 0 ? ` under ${plural(p.headings, 'heading')}` : ''}`,
  'description.fix.write': (p) => `Describe the problem, who has it and the outcome you want (at least ${p.min} words)`,
  'description.fix.replace-placeholder': (p) => `Replace ${quote(p.placeholder)} with the actual content`,
  'description.fix.summary': () => 'Give it a short, specific summary (a title, not a paragraph)',
  'story.none': () => 'no “As a …, I want …, so that …” sentence',
  'story.no-benefit': (p) => `role and goal, but no “so that”: ${quote(p.sentence, 140)}`,
  'story.ok': (p) => `role, goal and benefit: ${quote(p.sentence, 140)}`,
  'story.fix.write': () => 'Start with “As a <role>, I want <goal>, so that <benefit>”',
  'story.fix.benefit': () => 'Add the benefit: “…, so that <why it matters>”',
  'bug.ok': () => 'steps to reproduce, and expected vs actual behaviour',
  'bug.no-expected': () => 'steps to reproduce, but no expected vs actual behaviour',
  'bug.no-steps': () => 'expected vs actual behaviour, but no steps to reproduce',
  'bug.none': () => 'no steps to reproduce and no expected vs actual behaviour',
  'bug.fix': () => 'Add “Steps to reproduce”, then “Expected” and “Actual” behaviour',
  'spike.question': (p) => `question to answer: ${quote(p.question)}`,
  'spike.no-question': () => 'no question to answer',
  'spike.fix.question': () => 'State the question the spike answers, e.g. “Can we … within …?”',
  'ac.outline': (p) => `${field(p.field)}${plural(p.scenarios, 'scenario')}, including a Scenario Outline with ${p.examples} examples`,
  'ac.scenarios': (p) => `${field(p.field)}${p.count} Given/When/Then scenarios`,
  'ac.one-scenario': (p) => `${field(p.field)}1 scenario only — no edge case`,
  'ac.items': (p) => `${acSource(p.source)} with ${plural(p.count, 'item')}`,
  'ac.one-item': (p) => `${acSource(p.source)} with 1 item only — no edge case`,
  'ac.empty-section': (p) => `${acSource(p.source)} with nothing under it`,
  'ac.field-items': (p) => `AC field: ${plural(p.count, 'item')}, starting ${quote(p.first, 50)}`,
  'ac.field-one': (p) => `AC field: ${quote(p.first, 60)} — 1 item only, no edge case`,
  'ac.none': () => 'no acceptance criteria found',
  'ac.fix.edge-case': () => NO_EDGE_CASE,
  'ac.fix.missing': () => 'Add acceptance criteria: Given/When/Then scenarios or a checklist under an ‘Acceptance criteria’ heading',
  'scope.section': (p) => `${withArticle(p.title)} section${p.first === null ? '' : `: ${quote(p.first, 60)}`}`,
  'scope.phrase': (p) => `states what is out: ${quote(p.sentence, 60)}`,
  'scope.none': () => 'no ‘Out of scope’ or ‘Non-goals’ section',
  'scope.fix': () => 'Add an ‘Out of scope’ section listing what this item will not do',
  'spike.timebox': (p) => `timebox: ${quote(p.sentence, 60)}`,
  'spike.outcome': (p) => `expected outcome: ${quote(p.sentence, 60)}`,
  'spike.unbounded': () => 'no timebox and no expected outcome',
  'spike.fix.bounds': () => 'Timebox the spike (e.g. “2 days”) and say what it delivers (a decision, a prototype, a write-up)',
  'estimate.not-number': (p) => `estimate ${quote(p.raw, 30)} is not a number`,
  'estimate.none': () => 'no estimate',
  'estimate.ok': (p) => points(p.points),
  'estimate.fix.number': () => 'Enter a number in the estimation field, or estimate it together and accept the result',
  'estimate.fix.estimate': () => 'Estimate it together in the estimation round and accept the result',
  'size.no-estimate': () => 'no estimate to judge the size by',
  'size.too-big': (p) => `${points(p.points)} is above the team’s limit of ${p.max} — split it`,
  'size.ok': (p) => `${points(p.points)}, within the limit of ${p.max}`,
  'size.fix.split': (p) => `Split it into items of at most ${points(p.max)} each`,
  'dependencies.blocked': (p) => {
    const notes = [`blocked by ${p.blockers.map((b) => `${b.key} (${b.status})`).join(', ')}`];
    if (p.foreign.length > 0) notes.push(`${p.foreign.join(', ')} ${p.foreign.length === 1 ? 'is' : 'are'} in another project — agree a date with that team`);
    if (p.hidden > 0) notes.push(hiddenLinks(p.hidden));
    return notes.join('; ');
  },
  'dependencies.hidden': (p) => hiddenLinks(p.hidden),
  'dependencies.done': (p) => `${plural(p.count, 'blocker')}, all done`,
  'dependencies.none': () => 'no open blockers',
  'dependencies.fix.blockers': () => 'Finish or re-plan the blockers first, or remove the link if it no longer applies',
  'dependencies.fix.hidden': () => 'Ask someone who can see the linked issue whether it blocks this one',
  'unknowns.questions': (p) => `${plural(p.count, 'open question')} from refinement: ${quote(p.first, 60)}${p.count > 1 ? ` and ${p.count - 1} more` : ''}`,
  'unknowns.open': (p) => `${plural(p.count, 'open unknown')}: ${p.shown.join('; ')}${p.count > p.shown.length ? ` and ${p.count - p.shown.length} more` : ''}`,
  'unknowns.none': () => 'no open questions, TBDs or unresolved spikes',
  'unknowns.fix.questions': () => 'Answer the open questions (their owners are named with them), then refine again',
  'unknowns.fix.answer': () => 'Answer the open questions in the description, or create a time-boxed spike and link it',
  'design.seen': (p) => {
    const seen: string[] = [];
    if (p.attachments > 0) seen.push(plural(p.attachments, 'attachment'));
    if (p.images > 0) seen.push(`${plural(p.images, 'image')} in the description`);
    if (p.tools.length > 0) seen.push(`${p.tools.length === 1 ? 'a' : ''} ${p.tools.join(' and ')} ${p.tools.length === 1 ? 'link' : 'links'}`.trim());
    return seen.join(', ');
  },
  'design.none': () => 'no attachments, images or design links',
  'design.fix.attach': (p) =>
    p.reviewItem === null
      ? 'Attach mock-ups or link the design (Figma, Miro…) if the change has a user interface'
      : `Attach mock-ups or link the design (Figma, Miro…), or tick ‘${p.reviewItem}’ if none is needed`,
  'agreement.accepted': (p) => `team accepted ${points(p.points)}`,
  'agreement.no-round': () => 'no estimation round yet',
  'agreement.not-revealed': (p) => `${plural(p.votes, 'vote')}, not revealed yet`,
  'agreement.diverge': (p) => `votes diverge: ${p.summary}`,
  'agreement.ok': (p) => `${plural(p.votes, 'vote')} agree${p.low !== null && p.high !== null ? ` (${p.low}–${p.high})` : ''}`,
  'agreement.fix.reveal': () => 'Reveal the votes once everyone has voted',
  'agreement.fix.discuss': () => 'Let the highest and lowest voters explain, then vote again or accept an estimate',
};

function hiddenLinks(count: number): string {
  return count === 1 ? '1 linked issue is hidden from you or deleted' : `${count} linked issues are hidden from you or deleted`;
}

type MessageOf<C extends CriterionMessageCode> = { [K in C]: { code: K; params: CriterionMessageParams[K] } }[C];

/** The words for one message (generic over the code, so each template gets its own parameters). */
export function renderMessage<C extends CriterionMessageCode>(message: MessageOf<C>): string {
  return ENGLISH[message.code](message.params);
}
