import { type CriterionContext, type CriterionJudge } from '../criterion-context';
import { quote } from '../quote';
import { defineCriterion, off, on } from './criterion-definition';

const NEEDS_SPIKE_LABEL = 'needs-spike';
const MAX_QUOTES = 2;

export interface Unknowns {
  /** Signals that need a spike before the item can be built (label, unresolved linked spike). */
  blocking: string[];
  /** Open questions and markers in the text, quoted. */
  textual: string[];
}

/** Collects every unknown the issue shows; shared by the criterion and the unknowns flag. */
export function findUnknowns({ issue, facts }: Pick<CriterionContext, 'issue' | 'facts'>): Unknowns {
  const blocking: string[] = [];
  if (issue.labels.some((label) => label.toLowerCase() === NEEDS_SPIKE_LABEL)) blocking.push(`label “${NEEDS_SPIKE_LABEL}”`);
  for (const link of issue.links) {
    if (link.issueKind === 'spike' && link.statusCategory !== 'done') blocking.push(`unresolved spike ${link.key} (${link.statusName})`);
  }
  return { blocking, textual: [...facts.unknownSentences] };
}

export const judgeUnknowns: CriterionJudge = (ctx) => {
  const asked = ctx.openQuestions?.length ?? 0;
  // A question someone asked and nobody answered is an unknown the team named itself: not ready.
  if (asked > 0) {
    const detail = `${asked === 1 ? '1 open question' : `${asked} open questions`} from refinement: ${quote(ctx.openQuestions?.[0] ?? '', 60)}${asked > 1 ? ` and ${asked - 1} more` : ''}`;
    return {
      status: 'fail',
      detail,
      fix: 'Answer the open questions (their owners are named with them), then refine again',
      message: { code: 'unknowns.questions', params: { count: asked, first: ctx.openQuestions?.[0] ?? '' } },
      fixMessage: { code: 'unknowns.fix.questions', params: {} },
    };
  }
  const { blocking, textual } = findUnknowns(ctx);
  const count = blocking.length + textual.length;
  if (count === 0) return { status: 'pass', detail: 'no open questions, TBDs or unresolved spikes', message: { code: 'unknowns.none', params: {} } };
  const quoted = [...blocking, ...textual.map((s) => quote(s, 60))].slice(0, MAX_QUOTES);
  const more = count > MAX_QUOTES ? ` and ${count - MAX_QUOTES} more` : '';
  const detail = `${count === 1 ? '1 open unknown' : `${count} open unknowns`}: ${quoted.join('; ')}${more}`;
  const fix = 'Answer the open questions in the description, or create a time-boxed spike and link it';
  // One stray question is worth a look; a needed spike or several open points mean not ready.
  const message = { code: 'unknowns.open', params: { count, shown: quoted } } as const;
  return { status: blocking.length > 0 || textual.length > 1 ? 'fail' : 'warn', detail, fix, message, fixMessage: { code: 'unknowns.fix.answer', params: {} } };
};

export const unknowns = defineCriterion({
  id: 'unknowns',
  label: 'No open unknowns',
  gapLabel: 'Open unknowns',
  hint: 'No TBD, open questions or spikes pending',
  // A spike exists to resolve unknowns, so open questions in it are expected.
  defaults: { story: on(2), spike: off() },
  judge: judgeUnknowns,
});
