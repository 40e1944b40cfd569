import { z } from 'zod';
import { BadRequestError } from '../usecases/errors';

/**
 * The Forge resolver context is the only trusted source of who is calling and on which
 * issue or project. Anything the browser puts in the payload is ignored for these.
 */
/** Forge sends ids as strings (numbers on some modules); anything else is not an id. */
const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const projectSchema = z.object({ id: idSchema, key: z.string().min(1) });
const contextSchema = z.object({
  accountId: z.string().min(1).optional(),
  extension: z
    .object({
      issue: z.object({ id: idSchema, key: z.string().min(1) }).optional(),
      project: projectSchema.optional(),
    })
    .default({}),
});

export interface CallerContext {
  accountId: string;
}
export interface ProjectContext extends CallerContext {
  project: { id: string; key: string };
}
export interface IssueContext extends ProjectContext {
  issue: { id: string; key: string };
}

function parse(context: unknown) {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) throw new BadRequestError('The Forge context of this request is missing or malformed.');
  const { accountId, extension } = parsed.data;
  if (!accountId) throw new BadRequestError('This view needs a signed-in Jira user.');
  return { accountId, extension };
}

export function projectContext(context: unknown): ProjectContext {
  const { accountId, extension } = parse(context);
  if (!extension.project) throw new BadRequestError('This view is not attached to a project.');
  return { accountId, project: extension.project };
}

export function issueContext(context: unknown): IssueContext {
  const { accountId, extension } = parse(context);
  if (!extension.issue || !extension.project) throw new BadRequestError('This view is not attached to an issue.');
  return { accountId, project: extension.project, issue: extension.issue };
}
