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
      // The module type (manifest-reference/modules/jira-project-page, "Extension context": `type`).
      type: z.string().optional(),
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

/** The agenda page (jira:projectPage) may estimate any issue of its project, named in the payload. */
const AGENDA_MODULE_TYPE = 'jira:projectPage';

/**
 * Which issue an estimation call is about. In the issue panel it is the context's issue, always: a
 * payload key is ignored (the panel never sends one). On the agenda page the context names
 * only the project, so the payload's key is returned as a claim for the use case to verify as the
 * user (resolveAgendaIssue); anywhere else (the settings page) there is nothing to estimate.
 */
export function estimationContext(context: unknown, issueKey: string | undefined): { kind: 'issue'; ctx: IssueContext } | { kind: 'agenda'; ctx: ProjectContext; issueKey: string } {
  const { accountId, extension } = parse(context);
  if (extension.issue && extension.project) {
    // Like every other id in a panel payload, a key is never obeyed here: the context's issue is the one.
    return { kind: 'issue', ctx: { accountId, project: extension.project, issue: extension.issue } };
  }
  if (extension.type === AGENDA_MODULE_TYPE && extension.project) {
    if (issueKey === undefined) throw new BadRequestError('Say which agenda item to estimate (its issue key).');
    return { kind: 'agenda', ctx: { accountId, project: extension.project }, issueKey };
  }
  throw new BadRequestError('This view is not attached to an issue.');
}
