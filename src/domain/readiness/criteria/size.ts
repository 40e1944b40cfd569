import { type CriterionJudge } from '../criterion-context';
import { points } from './estimate';
import { defineCriterion, on } from './criterion-definition';

export const judgeSize: CriterionJudge = ({ issue, settings }) => {
  const max = settings.size.maxPoints;
  if (issue.estimate === null) return { status: 'skip', detail: 'no estimate to judge the size by', message: { code: 'size.no-estimate', params: {} } };
  if (issue.estimate > max) {
    return {
      status: 'fail',
      detail: `${points(issue.estimate)} is above the team’s limit of ${max} — split it`,
      fix: `Split it into items of at most ${points(max)} each`,
      message: { code: 'size.too-big', params: { points: issue.estimate, max } },
      fixMessage: { code: 'size.fix.split', params: { max } },
    };
  }
  return { status: 'pass', detail: `${points(issue.estimate)}, within the limit of ${max}`, message: { code: 'size.ok', params: { points: issue.estimate, max } } };
};

export const size = defineCriterion({
  id: 'size',
  label: 'Small enough for a sprint',
  gapLabel: 'Too big for a sprint',
  hint: 'Estimate at or below the size limit',
  defaults: { story: on(2), spike: on(1) },
  judge: judgeSize,
});
