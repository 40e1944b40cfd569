import { type CriterionJudge } from '../criterion-context';
import { plural } from '../quote';
import { points } from './estimate';
import { defineCriterion, on } from './criterion-definition';

export const judgeEstimateAgreement: CriterionJudge = ({ estimation }) => {
  if (estimation?.acceptedPoints != null) return { status: 'pass', detail: `team accepted ${points(estimation.acceptedPoints)}`, message: { code: 'agreement.accepted', params: { points: estimation.acceptedPoints } } };
  if (estimation === null || estimation.voterCount === 0) return { status: 'skip', detail: 'no estimation round yet', message: { code: 'agreement.no-round', params: {} } };
  const votes = plural(estimation.voterCount, 'vote');
  if (!estimation.revealed) {
    return { status: 'warn', detail: `${votes}, not revealed yet`, fix: 'Reveal the votes once everyone has voted', message: { code: 'agreement.not-revealed', params: { votes: estimation.voterCount } }, fixMessage: { code: 'agreement.fix.reveal', params: {} } };
  }
  const divergence = estimation.divergence;
  // Fails until the team accepts an estimate or votes again within range: a revealed 3 vs 13
  // means the team does not yet share an understanding of the work.
  if (divergence?.diverges) {
    return {
      status: 'fail',
      detail: `votes diverge: ${divergence.summary}`,
      fix: 'Let the highest and lowest voters explain, then vote again or accept an estimate',
      message: { code: 'agreement.diverge', params: { summary: divergence.summary } },
      fixMessage: { code: 'agreement.fix.discuss', params: {} },
    };
  }
  const range = divergence && divergence.lowValue !== divergence.highValue ? ` (${divergence.lowValue}–${divergence.highValue})` : '';
  const spread = divergence && divergence.lowValue !== divergence.highValue ? { low: divergence.lowValue, high: divergence.highValue } : { low: null, high: null };
  return { status: 'pass', detail: `${votes} agree${range}`, message: { code: 'agreement.ok', params: { votes: estimation.voterCount, ...spread } } };
};

export const estimateAgreement = defineCriterion({
  id: 'estimate-agreement',
  label: 'Estimates agree',
  gapLabel: 'Estimates diverge',
  hint: 'Revealed votes are close, or the team accepted an estimate',
  // A revealed 3 vs 13 means the team does not share one picture of the work yet: not ready until
  // it accepts an estimate or votes again within range (defaults revision 2; see DEFAULTS_VERSION).
  defaults: { story: on(1, true) },
  judge: judgeEstimateAgreement,
});
