import type { ProfileId, ProjectSettings } from '../../../../src/contract';
import type { NormalizedIssue } from '../../../../src/domain/issue';
import { type CriterionContext, type EstimationSummary, textFacts } from '../../../../src/domain/readiness';
import { defaultSettings, profileForKind } from '../../../../src/domain/settings';
import { anIssue } from '../builders';

/** A criterion context around an issue; the profile follows the issue kind unless given. */
export function aContext({
  issue = {},
  profile,
  settings = defaultSettings(),
  estimation = null,
  now = new Date('2026-11-20T10:00:00Z'),
}: {
  issue?: Partial<NormalizedIssue>;
  profile?: ProfileId;
  settings?: ProjectSettings;
  estimation?: EstimationSummary | null;
  now?: Date;
} = {}): CriterionContext {
  const built = anIssue(issue);
  return { issue: built, settings, profile: profile ?? profileForKind(built.kind), estimation, now, facts: textFacts(built) };
}
