import type { ProfileId } from '../../contract';
import type { IssueKind } from '../issue';

/** Subtasks have no profile of their own: they are judged like tasks. */
export function profileForKind(kind: IssueKind): ProfileId {
  return kind === 'subtask' ? 'task' : kind;
}
