import type { PanelReadiness } from '../contract';
import type { UseCaseDeps } from './deps';
import { viewOfSnapshot } from './estimation-round';
import { issueStateOf, loadIssueRecords } from './evaluate-issue';
import { judge, readIssue, type IssueRef } from './get-readiness';
import { issueQuestionsOf } from './session-questions';

/**
 * Everything the issue panel shows on opening, in one invocation: the judgement, the estimation
 * round and the issue's questions. One read of the issue as the user (which also proves they may
 * see it, so the round and the questions need no read of their own) and one read of each stored
 * record, shared by the judgement and the views built from them.
 */
export async function panelView({ deps, ref, accountId }: { deps: UseCaseDeps; ref: IssueRef; accountId: string }): Promise<PanelReadiness> {
  const [read, records] = await Promise.all([readIssue({ deps, ref }), loadIssueRecords({ deps, issueId: ref.issue.id, projectId: ref.project.id })]);
  const [view, round] = await Promise.all([
    judge({ deps, read, state: issueStateOf({ records, issueId: ref.issue.id }) }),
    viewOfSnapshot({ deps, ref, accountId, settings: read.settings, snapshot: records.snapshot }),
  ]);
  return { ...view.readiness, round, questions: issueQuestionsOf({ ref, questions: records.questions.questions }) };
}
