import type { CriterionMessage, CriterionStatus, Divergence, ProfileId, ProjectSettings } from '../../contract';
import type { NormalizedIssue } from '../issue';
import { type TextFacts } from './text-facts';

/** What the estimation round says about an issue, reduced to what the criteria judge. */
export interface EstimationSummary {
  revealed: boolean;
  voterCount: number;
  divergence: Divergence | null;
  acceptedPoints: number | null;
}

/** Everything a criterion may look at. Criteria are pure: same context, same judgement. */
export interface CriterionContext {
  issue: NormalizedIssue;
  settings: ProjectSettings;
  profile: ProfileId;
  estimation: EstimationSummary | null;
  now: Date;
  /** Text analysis shared by all criteria, computed once per evaluation. */
  facts: TextFacts;
  /** Questions people asked about the issue (before or in a refinement session) that nobody answered yet. */
  openQuestions?: string[];
}

export interface Judgement {
  status: CriterionStatus;
  /** What was seen, quoting the issue where possible. */
  detail: string;
  /** How to fix it; omitted when passing. */
  fix?: string;
  /** `detail` as a code with parameters, for the UI to render. */
  message: CriterionMessage;
  /** `fix` as a code with parameters. */
  fixMessage?: CriterionMessage;
}

export type CriterionJudge = (ctx: CriterionContext) => Judgement;
