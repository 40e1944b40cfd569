import type { AutoCriterionId, CriterionSetting, ProjectSettings, TypeProfile } from '../../contract';
import { DEFAULTS_VERSION } from './defaults-version';

type Criteria = Record<AutoCriterionId, CriterionSetting>;

const on = (weight: number, required = false): CriterionSetting => ({ enabled: true, required, weight });
const off = (weight = 1): CriterionSetting => ({ enabled: false, required: false, weight });

/** Stories get the full Definition of Ready. */
const STORY: Criteria = {
  description: on(2),
  'story-format': on(2),
  'acceptance-criteria': on(3, true),
  // Out-of-scope sections are good practice, not a gate: missing only warns, and weighs little.
  'scope-bounds': on(1),
  estimate: on(2, true),
  size: on(2),
  dependencies: on(2, true),
  unknowns: on(2),
  'design-assets': on(1),
  // A revealed 3 vs 13 means the team does not share one picture of the work yet: not ready until
  // it accepts an estimate or votes again within range (defaults revision 2; see DEFAULTS_VERSION).
  'estimate-agreement': on(1, true),
};

/** Bugs: "story format" means steps to reproduce + expected vs actual; AC matter less. */
const BUG: Criteria = {
  ...STORY,
  'story-format': on(3),
  'acceptance-criteria': on(1),
  'scope-bounds': off(),
  estimate: on(1),
  'design-assets': off(),
};

/** Spikes: "story format" means a question to answer; "scope bounds" a timebox or outcome. */
const SPIKE: Criteria = {
  ...STORY,
  'story-format': on(3),
  'acceptance-criteria': off(),
  'scope-bounds': on(3),
  estimate: on(1),
  size: on(1),
  // A spike exists to resolve unknowns, so open questions in it are expected.
  unknowns: off(),
  'design-assets': off(),
};

/** Tasks: lighter — no story form, no scope section, no design. */
const TASK: Criteria = {
  ...STORY,
  'story-format': off(),
  'acceptance-criteria': on(2),
  'scope-bounds': off(),
  'design-assets': off(),
};

/** Copies every setting so no two profiles (or two calls) share an object. */
const profile = (criteria: Criteria, excluded = false): TypeProfile => ({
  excluded,
  criteria: structuredClone(criteria),
});

/** The settings a project starts with; every stored object is merged onto these. */
export function defaultSettings(): ProjectSettings {
  return {
    version: 1,
    defaultsVersion: DEFAULTS_VERSION,
    readyThreshold: 80,
    profiles: {
      story: profile(STORY),
      bug: profile(BUG),
      task: profile(TASK),
      spike: profile(SPIKE),
      // Epics are containers: refined through their children, never scored themselves.
      epic: profile(STORY, true),
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
