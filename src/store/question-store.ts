/**
 * Questions about a project's agenda items (`rquestions:<projectId>:<v>`, versions created once,
 * see versioned-record.ts). One record per project: the agenda, the panel and the readiness
 * judgement each read it with one or two strictly consistent gets, whatever the number of issues.
 */
import { z } from 'zod';
import type { QuestionBook, Stores } from '../usecases/ports';
import { storeKeys } from './keys';
import { versionedRecord } from './versioned-record';

const person = z.object({ accountId: z.string(), displayName: z.string() });
const bookSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      issueId: z.string(),
      issueKey: z.string(),
      text: z.string(),
      author: person,
      owner: person.nullable(),
      due: z.string().nullable(),
      askedAt: z.string(),
      answer: z.object({ text: z.string(), by: person, at: z.string() }).nullable(),
    }),
  ),
}) satisfies z.ZodType<QuestionBook>;

export function createQuestionStore(): Stores['questions'] {
  const record = (projectId: string) =>
    versionedRecord({
      key: (version) => storeKeys.questionBook({ projectId, version }),
      headKey: storeKeys.questionBookHead({ projectId }),
      schema: bookSchema,
      empty: { questions: [] },
    });
  return {
    load: (projectId) => record(projectId).load(),
    create: ({ projectId, version, value }) => record(projectId).create({ version, value }),
  };
}
