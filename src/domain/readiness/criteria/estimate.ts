import { type CriterionJudge } from '../criterion-context';
import { quote } from '../quote';
import { defineCriterion, on } from './criterion-definition';

export function points(value: number): string {
  return `${value} ${value === 1 ? 'point' : 'points'}`;
}

export const judgeEstimate: CriterionJudge = ({ issue }) => {
  if (issue.estimateProblem !== null) {
    return {
      status: 'fail',
      detail: `estimate ${quote(issue.estimateProblem, 30)} is not a number`,
      fix: 'Enter a number in the estimation field, or estimate it together and accept the result',
      message: { code: 'estimate.not-number', params: { raw: issue.estimateProblem } },
      fixMessage: { code: 'estimate.fix.number', params: {} },
    };
  }
  if (issue.estimate === null) {
    return { status: 'fail', detail: 'no estimate', fix: 'Estimate it together in the estimation round and accept the result', message: { code: 'estimate.none', params: {} }, fixMessage: { code: 'estimate.fix.estimate', params: {} } };
  }
  return { status: 'pass', detail: points(issue.estimate), message: { code: 'estimate.ok', params: { points: issue.estimate } } };
};

export const estimate = defineCriterion({
  id: 'estimate',
  label: 'Estimated',
  gapLabel: 'No estimate',
  hint: 'Has a story-point estimate',
  defaults: { story: on(2, true), bug: on(1), spike: on(1) },
  judge: judgeEstimate,
});
