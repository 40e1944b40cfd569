import { type CriterionJudge } from '../criterion-context';
import { plural } from '../quote';
import { describeLink, hiddenLinksMessage, isCrossProject, openBlockers } from './blocker-facts';
import { defineCriterion, on } from './criterion-definition';

export const judgeDependencies: CriterionJudge = ({ issue }) => {
  const open = openBlockers(issue);
  const hidden = issue.hiddenLinkCount > 0 ? hiddenLinksMessage(issue.hiddenLinkCount) : null;
  if (open.length > 0) {
    const notes = [`blocked by ${open.map(describeLink).join(', ')}`];
    const foreign = open.filter((link) => isCrossProject({ issue, link }));
    if (foreign.length > 0) {
      const keys = foreign.map((link) => link.key).join(', ');
      notes.push(`${keys} ${foreign.length === 1 ? 'is' : 'are'} in another project — agree a date with that team`);
    }
    if (hidden) notes.push(hidden);
    return {
      status: 'fail',
      detail: notes.join('; '),
      fix: 'Finish or re-plan the blockers first, or remove the link if it no longer applies',
      message: {
        code: 'dependencies.blocked',
        params: { blockers: open.map((link) => ({ key: link.key, status: link.statusName })), foreign: foreign.map((link) => link.key), hidden: issue.hiddenLinkCount },
      },
      fixMessage: { code: 'dependencies.fix.blockers', params: {} },
    };
  }
  if (hidden) {
    return {
      status: 'warn',
      detail: hidden,
      fix: 'Ask someone who can see the linked issue whether it blocks this one',
      message: { code: 'dependencies.hidden', params: { hidden: issue.hiddenLinkCount } },
      fixMessage: { code: 'dependencies.fix.hidden', params: {} },
    };
  }
  const done = issue.links.filter((link) => link.direction === 'blocked-by');
  if (done.length > 0) return { status: 'pass', detail: `${plural(done.length, 'blocker')}, all done`, message: { code: 'dependencies.done', params: { count: done.length } } };
  return { status: 'pass', detail: 'no open blockers', message: { code: 'dependencies.none', params: {} } };
};

export const dependencies = defineCriterion({
  id: 'dependencies',
  label: 'No open blockers',
  // The badge names the blocker ("Blocked by DEMO-31") and the lozenge the link.
  gapLabel: null,
  hint: 'No unresolved issue blocks it',
  defaults: { story: on(2, true) },
  judge: judgeDependencies,
});
