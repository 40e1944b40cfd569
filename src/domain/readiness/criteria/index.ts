import type { AutoCriterionId } from '../../../contract';
import { type CriterionJudge } from '../criterion-context';
import { judgeAcceptanceCriteria } from './acceptance-criteria';
import { judgeDependencies } from './dependencies';
import { judgeDescription } from './description';
import { judgeDesignAssets } from './design-assets';
import { judgeEstimate } from './estimate';
import { judgeEstimateAgreement } from './estimate-agreement';
import { judgeScopeBounds } from './scope-bounds';
import { judgeSize } from './size';
import { judgeStoryFormat } from './story-format';
import { judgeUnknowns } from './unknowns';

/** Every automatic criterion, in the order the settings page lists them. */
export const CRITERION_JUDGES: Record<AutoCriterionId, CriterionJudge> = {
  description: judgeDescription,
  'story-format': judgeStoryFormat,
  'acceptance-criteria': judgeAcceptanceCriteria,
  'scope-bounds': judgeScopeBounds,
  estimate: judgeEstimate,
  size: judgeSize,
  dependencies: judgeDependencies,
  unknowns: judgeUnknowns,
  'design-assets': judgeDesignAssets,
  'estimate-agreement': judgeEstimateAgreement,
};

export {
  judgeAcceptanceCriteria,
  judgeDependencies,
  judgeDescription,
  judgeDesignAssets,
  judgeEstimate,
  judgeEstimateAgreement,
  judgeScopeBounds,
  judgeSize,
  judgeStoryFormat,
  judgeUnknowns,
};
export { findUnknowns, type Unknowns } from './unknowns';
export { openBlockers, isCrossProject, hiddenLinksMessage } from './blocker-facts';
