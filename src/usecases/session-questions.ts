import type { IssueQuestions, PersonRef, SessionQuestion } from '../contract/session';
import type { UseCaseDeps } from './deps';
import { ConflictError, MissingResourceError } from './errors';
import type { IssueRef } from './get-readiness';
import { assertCanSee } from './get-readiness';
import type { QuestionBook, StoredQuestion } from './ports';

/** Questions kept per project: open ones always, answered ones while there is room. */
const MAX_QUESTIONS = 400;
/** Writers that lost the race to another writer read again and retry this many times. */
const WRITE_ATTEMPTS = 5;

export const publicQuestion = ({ issueId: _issueId, ...question }: StoredQuestion): SessionQuestion => question;

/** The project's questions, optionally only those about some issues (by key). */
export async function listQuestions({ deps, projectId, issueKeys }: { deps: Pick<UseCaseDeps, 'stores'>; projectId: string; issueKeys?: string[] }): Promise<SessionQuestion[]> {
  const { value } = await deps.stores.questions.load(projectId);
  const wanted = issueKeys ? new Set(issueKeys) : null;
  return value.questions.filter((question) => wanted === null || wanted.has(question.issueKey)).map(publicQuestion);
}

/** The project's questions as stored (with the issue id Jira answered), for callers that filter by visibility. */
export async function storedQuestions({ deps, projectId }: { deps: Pick<UseCaseDeps, 'stores'>; projectId: string }): Promise<StoredQuestion[]> {
  return (await deps.stores.questions.load(projectId)).value.questions;
}

/**
 * The issue panel's questions: only those about its own issue (from the Forge context), after
 * Jira, asked as the person, confirmed they may see it. Nothing about other issues leaves.
 */
export async function questionsOfIssue({ deps, ref }: { deps: UseCaseDeps; ref: IssueRef }): Promise<IssueQuestions> {
  const [, questions] = await Promise.all([assertCanSee({ deps, ref }), storedQuestions({ deps, projectId: ref.project.id })]);
  return issueQuestionsOf({ ref, questions });
}

/** Only the questions about the issue itself; the caller has already proved they may see it. */
export function issueQuestionsOf({ ref, questions }: { ref: IssueRef; questions: StoredQuestion[] }): IssueQuestions {
  return { issueKey: ref.issue.key, questions: questions.filter((question) => question.issueId === ref.issue.id).map(publicQuestion) };
}

/** Read, change, create the next version; when another writer came first, read again. */
async function changeBook({ deps, projectId, change }: { deps: Pick<UseCaseDeps, 'stores'>; projectId: string; change: (book: QuestionBook) => QuestionBook }): Promise<QuestionBook> {
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const { version, value } = await deps.stores.questions.load(projectId);
    const next = change(value);
    if (await deps.stores.questions.create({ projectId, version: version + 1, value: next })) return next;
  }
  throw new ConflictError('Many people changed the questions at once; please try again.');
}

function trimmed(book: QuestionBook): QuestionBook {
  if (book.questions.length <= MAX_QUESTIONS) return book;
  const open = book.questions.filter((question) => question.answer === null);
  const answered = book.questions.filter((question) => question.answer !== null).slice(-(MAX_QUESTIONS - open.length));
  return { questions: book.questions.filter((question) => open.includes(question) || answered.includes(question)) };
}

/** Adds a question about an issue the caller can see (ref comes from the context or was verified as the user). */
export async function addQuestion({
  deps,
  ref,
  author,
  text,
  owner,
  due,
}: {
  deps: UseCaseDeps;
  ref: IssueRef;
  author: PersonRef;
  text: string;
  owner: PersonRef | null;
  due: string | null;
}): Promise<SessionQuestion> {
  await assertCanSee({ deps, ref });
  const at = deps.clock.now();
  const question: StoredQuestion = {
    id: `q${at.getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    issueId: ref.issue.id,
    issueKey: ref.issue.key,
    text,
    author,
    owner,
    due,
    askedAt: at.toISOString(),
    answer: null,
  };
  await changeBook({ deps, projectId: ref.project.id, change: (book) => trimmed({ questions: [...book.questions, question] }) });
  return publicQuestion(question);
}

/**
 * Records the answer to a question of the project. The answer carries the question's text and issue
 * key, so the caller must be able to see that issue: Jira, asked as them, decides first (NOT_FOUND
 * otherwise) and nothing is written for someone who may not browse it.
 */
export async function answerQuestion({ deps, projectId, questionId, by, text }: { deps: UseCaseDeps; projectId: string; questionId: string; by: PersonRef; text: string }): Promise<SessionQuestion> {
  const asked = (await storedQuestions({ deps, projectId })).find((question) => question.id === questionId);
  if (!asked) throw new MissingResourceError('There is no such question in this project.');
  await assertCanSee({ deps, ref: { issue: { id: asked.issueId, key: asked.issueKey } } });
  let answered: StoredQuestion | undefined;
  await changeBook({
    deps,
    projectId,
    change: (book) => {
      const questions = book.questions.map((question) => (question.id === questionId ? { ...question, answer: { text, by, at: deps.clock.now().toISOString() } } : question));
      answered = questions.find((question) => question.id === questionId);
      if (!answered) throw new MissingResourceError('There is no such question in this project.');
      return { questions };
    },
  });
  if (!answered) throw new MissingResourceError('There is no such question in this project.');
  return publicQuestion(answered);
}
