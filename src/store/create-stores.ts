/** All KVS-backed stores the use cases need (the `Stores` port), built once per invocation. */
import type { Stores } from '../usecases/ports';
import { createChecklistStore } from './checklist-store';
import { createPermissionCache } from './permission-cache';
import { createProjectSetupCache } from './project-setup-cache';
import { createRescoreCursorStore } from './rescore-cursor-store';
import { createRoundStore } from './round-store';
import { createSettingsStore } from './settings-store';
import { createSprintFlagStore } from './sprint-flag-store';
import { createVelocityCache } from './velocity-cache';
import { createVoteStore } from './vote-store';

export function createStores(deps: { now?: () => Date } = {}): Stores {
  const now = deps.now ?? (() => new Date());
  return {
    settings: createSettingsStore(),
    votes: createVoteStore(),
    rounds: createRoundStore(),
    checklist: createChecklistStore(),
    sprintFlags: createSprintFlagStore({ now }),
    permissions: createPermissionCache({ now }),
    projectSetup: createProjectSetupCache({ now }),
    velocity: createVelocityCache({ now }),
    rescoreCursor: createRescoreCursorStore(),
  };
}
