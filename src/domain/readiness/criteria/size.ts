import { type CriterionJudge } from '../criterion-context';
import { points } from './estimate';

export const judgeSize: CriterionJudge = ({ issue, settings }) => {
  const max = settings.size.maxPoints;
  if (issue.estimate === null) return { status: 'skip', detail: 'no estimate to judge the size by' };
  if (issue.estimate > max) {
    return {
      status: 'fail',
      detail: `${points(issue.estimate)} is above the team’s limit of ${max} — split it`,
      fix: `Split it into items of at most ${points(max)} each`,
    };
  }
  return { status: 'pass', detail: `${points(issue.estimate)}, within the limit of ${max}` };
};
