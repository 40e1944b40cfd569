import type { IssueReadiness, ProjectSettings } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import { evaluateReadiness } from '../domain/readiness';
import type { UseCaseDeps } from './deps';
import { estimationInput } from './estimation-input';
import type { ChecklistTick, QuestionBook, RoundSnapshot, RoundState, StoredVote } from './ports';

export interface IssueState {
  checklist: Record<string, ChecklistTick>;
  round: RoundState | undefined;
  votes: StoredVote[];
  /** Unanswered refinement questions about the issue. */
  openQuestions?: string[];
}

/** Unanswered question texts per issue id. */
function openQuestionsOf(books: QuestionBook[]): Map<string, string[]> {
  const byIssue = new Map<string, string[]>();
  for (const book of books) {
    for (const question of book.questions) if (question.answer === null) byIssue.set(question.issueId, [...(byIssue.get(question.issueId) ?? []), question.text]);
  }
  return byIssue;
}

/** Unanswered questions per issue id, from the projects' question records (one read per project). */
async function openQuestionsByIssue({ deps, projectIds }: { deps: Pick<UseCaseDeps, 'stores'>; projectIds: string[] }): Promise<Map<string, string[]>> {
  // An issue Jira answered without its project (a malformed body) has no questions we could attribute.
  const known = [...new Set(projectIds)].filter((projectId) => projectId !== '');
  const books = await Promise.all(known.map((projectId) => deps.stores.questions.load(projectId)));
  return openQuestionsOf(books.map(({ value }) => value));
}

/**
 * The stored records behind one issue's judgement, as read: the panel also shows the round and the
 * questions from these same reads, so it needs no second call to see them.
 */
export interface IssueRecords {
  checklist: Record<string, ChecklistTick>;
  snapshot: RoundSnapshot | undefined;
  /** The project's question book (empty without a project). */
  questions: QuestionBook;
}

export async function loadIssueRecords({ deps, issueId, projectId }: { deps: Pick<UseCaseDeps, 'stores'>; issueId: string; projectId?: string }): Promise<IssueRecords> {
  const [checklist, snapshot, book] = await Promise.all([
    deps.stores.checklist.list(issueId),
    deps.stores.rounds.get(issueId),
    projectId === undefined || projectId === '' ? Promise.resolve({ questions: [] }) : deps.stores.questions.load(projectId).then(({ value }) => value),
  ]);
  return { checklist, snapshot, questions: book };
}

/** The judgement's view of the records of one issue. */
export function issueStateOf({ records, issueId }: { records: IssueRecords; issueId: string }): IssueState {
  return {
    checklist: records.checklist,
    round: records.snapshot?.round,
    votes: records.snapshot?.votes ?? [],
    openQuestions: openQuestionsOf([records.questions]).get(issueId) ?? [],
  };
}

/** Everything stored about one issue that the readiness judgement needs. */
export async function loadIssueState({ deps, issueId, projectId }: { deps: Pick<UseCaseDeps, 'stores'>; issueId: string; projectId?: string }): Promise<IssueState> {
  return issueStateOf({ records: await loadIssueRecords({ deps, issueId, projectId }), issueId });
}

export function scoreIssue({
  issue,
  settings,
  state,
  now,
  warnings = [],
  estimateFieldName = null,
}: {
  issue: NormalizedIssue;
  settings: ProjectSettings;
  state: IssueState;
  now: Date;
  warnings?: string[];
  /** Named in the panel so people know which field the estimate came from. */
  estimateFieldName?: string | null;
}): IssueReadiness {
  // Odd but readable shapes (media inside a paragraph) are normal; nothing readable at all is worth saying.
  const unreadable =
    issue.description.problems.length > 0 && issue.description.words === 0
      ? ['The description could not be read (malformed rich text), so the score may be lower than it should be.']
      : [];
  return evaluateReadiness({
    issue,
    settings,
    estimateFieldName,
    checklist: state.checklist,
    estimation: estimationInput({ votes: state.votes, round: state.round, settings }),
    now,
    warnings: [...warnings, ...unreadable],
    openQuestions: state.openQuestions ?? [],
  });
}

/**
 * Scores many issues with batched KVS reads (used by the agenda, sprint check and triggers).
 * Rounds and votes are only read for issues someone estimated, which is the rare case.
 */
export async function scoreIssues({
  deps,
  issues,
  settings,
  estimateFieldName = null,
}: {
  deps: Pick<UseCaseDeps, 'stores' | 'clock'>;
  issues: NormalizedIssue[];
  settings: ProjectSettings;
  estimateFieldName?: string | null;
}): Promise<{ issue: NormalizedIssue; readiness: IssueReadiness; state: IssueState }[]> {
  const issueIds = issues.map((issue) => issue.id);
  const itemIds = settings.manualItems.filter((item) => item.enabled).map((item) => item.id);
  const [ticks, rounds, questions] = await Promise.all([
    itemIds.length > 0 ? deps.stores.checklist.listMany({ issueIds, itemIds }) : Promise.resolve(new Map<string, Record<string, ChecklistTick>>()),
    deps.stores.rounds.getMany(issueIds),
    issues.length > 0 ? openQuestionsByIssue({ deps, projectIds: issues.map((issue) => issue.projectId) }) : Promise.resolve(new Map<string, string[]>()),
  ]);
  const now = deps.clock.now();
  return issues.map((issue) => {
    const state: IssueState = {
      checklist: ticks.get(issue.id) ?? {},
      round: rounds.get(issue.id)?.round,
      votes: rounds.get(issue.id)?.votes ?? [],
      openQuestions: questions.get(issue.id) ?? [],
    };
    return { issue, state, readiness: scoreIssue({ issue, settings, state, now, estimateFieldName }) };
  });
}
