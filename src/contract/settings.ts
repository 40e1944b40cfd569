import type { AutoCriterionId } from './readiness';
import type { ScaleId } from './estimation';

/** Issue types are scored with the profile of their kind; unknown types use `task`. */
export const PROFILE_IDS = ['story', 'bug', 'task', 'spike', 'epic'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
/** How the settings page names each profile. */
export const PROFILE_LABELS = { story: 'Story', bug: 'Bug', task: 'Task', spike: 'Spike', epic: 'Epic' } as const satisfies Record<ProfileId, string>;

export interface CriterionSetting {
  enabled: boolean;
  /** A failing required criterion makes the issue not ready whatever its score. */
  required: boolean;
  /** Relative weight in the 0–100 score (0–10). */
  weight: number;
}

export interface TypeProfile {
  /** Excluded types are not scored (epics by default). */
  excluded: boolean;
  criteria: Record<AutoCriterionId, CriterionSetting>;
}

export interface ManualItem {
  /** Stable id, [a-z0-9-], chosen when the item is created (never from a later UI payload). */
  id: string;
  label: string;
  enabled: boolean;
  required: boolean;
  weight: number;
}

export const TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
export type TshirtSize = (typeof TSHIRT_SIZES)[number];

export interface ProjectSettings {
  version: 1;
  /**
   * The revision of the app's defaults these settings were last saved under (the app stamps it on
   * every save). Settings stored under an older revision get a changed default on load unless the
   * team had changed that setting itself; see migrateSettings.
   */
  defaultsVersion: number;
  /** Score (0–100) at or above which an item counts as ready. */
  readyThreshold: number;
  profiles: Record<ProfileId, TypeProfile>;
  manualItems: ManualItem[];
  text: {
    /** Fewer words than this in the description fails the description criterion. */
    minDescriptionWords: number;
    /** Custom field holding acceptance criteria (e.g. customfield_10050), if the team uses one. */
    acFieldId: string | null;
    /** Heading words that introduce acceptance criteria. */
    acHeadings: string[];
    /** Heading words that introduce scope bounds. */
    scopeHeadings: string[];
    /** Summaries shorter than this many words count as vague. */
    minSummaryWords: number;
  };
  estimation: {
    scale: ScaleId;
    /** Votes this many scale steps apart or more diverge. */
    divergenceSteps: number;
    tshirtPoints: Record<TshirtSize, number>;
    /**
     * Who runs the round (reveal, new round, accept, timer): anyone who may edit issues in the
     * project (Jira's EDIT_ISSUES), the project's admins, or the people named in `facilitatorIds`.
     */
    facilitator: FacilitatorRule;
    /** Atlassian account ids of the facilitators when `facilitator` is 'named'. */
    facilitatorIds: string[];
    /** Revealed values are shown without names: no browser receives a name next to a value. */
    anonymous: boolean;
  };
  size: {
    /** Estimates above this many points should be split. */
    maxPoints: number;
  };
  /** Items not updated for this many days are flagged stale. */
  staleDays: number;
  agenda: {
    sessionMinutes: number;
    minItems: number;
    maxItems: number;
    baseMinutesPerItem: number;
    /** Added per serious gap (divergence, no estimate, no AC, dependency, unknowns). */
    minutesPerGap: number;
    maxMinutesPerItem: number;
    /** How many sprints of velocity the horizon covers. */
    horizonSprints: number;
    /** Ready runway the team wants to keep, in sprints. */
    runwayTargetSprints: number;
    /** Board to use; null = the project's first scrum board. */
    boardId: number | null;
    /** Whether a refinement session writes each discussed item's outcome as a comment on the issue. */
    outcomeComments: boolean;
  };
  sprintFlags: {
    enabled: boolean;
    label: string;
    setFlagged: boolean;
    comment: boolean;
  };
}

export interface SettingsView {
  settings: ProjectSettings;
  canEdit: boolean;
  /** Why the user cannot edit, when canEdit is false. */
  readOnlyReason?: string;
  updatedAt: string | null;
  /** accountId of the last person who saved. */
  updatedBy: string | null;
  updatedByName: string | null;
}

export interface SettingsPreviewRow {
  issueKey: string;
  summary: string;
  /** Score and ready state are null where the issue is excluded from the Definition of Ready under those settings. */
  before: { score: number | null; ready: boolean | null };
  after: { score: number | null; ready: boolean | null };
}

export interface SettingsPreview {
  rows: SettingsPreviewRow[];
  readyBefore: number;
  readyAfter: number;
}

export const FACILITATOR_RULES = ['editors', 'admins', 'named'] as const;
export type FacilitatorRule = (typeof FACILITATOR_RULES)[number];
