/** All KVS-backed stores the use cases need (the `Stores` port), built once per invocation. */
import type { Stores } from '../usecases/ports';
import { createChecklistStore } from './checklist-store';
import { createCacheEntries } from './cache-entries';
import { createRoundStore } from './round-store';
import { createSessionLengthStore } from './session-length-store';
import { createSettingsStore } from './settings-store';
import { createSprintFlagStore } from './sprint-flag-store';
import { createSprintRecordStore } from './sprint-record-store';
import { createQuestionStore } from './question-store';
import { createSessionCommentStore } from './session-comment-store';
import { createSessionStore } from './session-store';

export function createStores(deps: { now?: () => Date } = {}): Stores {
  const now = deps.now ?? (() => new Date());
  return {
    settings: createSettingsStore(),
    rounds: createRoundStore(),
    checklist: createChecklistStore(),
    sprintFlags: createSprintFlagStore({ now }),
    ...createCacheEntries({ now }),
    sessionLength: createSessionLengthStore({ now }),
    sprintRecords: createSprintRecordStore(),
    sessions: createSessionStore(),
    questions: createQuestionStore(),
    sessionComments: createSessionCommentStore({ now }),
  };
}
