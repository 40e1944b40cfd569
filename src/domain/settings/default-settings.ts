import type { ProfileId, ProjectSettings, TypeProfile } from '../../contract';
import { defaultSettingFor, perCriterion } from '../readiness/criteria/registry';
import { DEFAULTS_VERSION } from './defaults-version';

/**
 * Every criterion's default for a profile, from the criterion's own file: stories get the full
 * Definition of Ready, bugs, tasks and spikes differ where their files say so. A fresh copy per
 * call, so no two profiles (or two calls) share an object.
 */
const profile = (id: ProfileId, excluded = false): TypeProfile => ({
  excluded,
  criteria: perCriterion((criterion) => defaultSettingFor({ criterion, profile: id })),
});

/** The settings a project starts with; every stored object is merged onto these. */
export function defaultSettings(): ProjectSettings {
  return {
    version: 1,
    defaultsVersion: DEFAULTS_VERSION,
    readyThreshold: 80,
    profiles: {
      story: profile('story'),
      bug: profile('bug'),
      task: profile('task'),
      spike: profile('spike'),
      // Epics are containers: refined through their children, never scored themselves.
      epic: profile('epic', true),
    },
    manualItems: [
      { id: 'team-discussed', label: 'Team has discussed it', enabled: true, required: false, weight: 1 },
      { id: 'design-reviewed', label: 'Design reviewed', enabled: false, required: false, weight: 1 },
      { id: 'confidence-check', label: 'Confidence check: we are ready to build this', enabled: true, required: false, weight: 1 },
    ],
    text: {
      minDescriptionWords: 15,
      acFieldId: null,
      acHeadings: ['acceptance criteria', 'acceptance', 'ac', 'definition of done'],
      scopeHeadings: ['out of scope', 'non-goals', 'not in scope', 'scope'],
      minSummaryWords: 3,
    },
    estimation: {
      scale: 'fibonacci',
      divergenceSteps: 2,
      tshirtPoints: { XS: 1, S: 2, M: 3, L: 5, XL: 8, XXL: 13 },
      // Anyone who may edit the issue could already write the estimate into Jira by hand.
      facilitator: 'editors',
      facilitatorIds: [],
      anonymous: false,
    },
    size: { maxPoints: 8 },
    staleDays: 90,
    agenda: {
      sessionMinutes: 60,
      minItems: 4,
      maxItems: 10,
      baseMinutesPerItem: 5,
      minutesPerGap: 2,
      maxMinutesPerItem: 10,
      horizonSprints: 2,
      runwayTargetSprints: 2,
      boardId: null,
      outcomeComments: true,
    },
    sprintFlags: { enabled: true, label: 'not-ready', setFlagged: false, comment: true },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A shared, frozen instance; call defaultSettings() for a copy you may change. */
export const DEFAULT_SETTINGS: ProjectSettings = deepFreeze(defaultSettings());
