import type { ProfileId, ProjectSettings } from '../../../../src/contract';
import type { NormalizedIssue } from '../../../../src/domain/issue';
import { type CriterionContext, type EstimationSummary, type Judgement, textFacts } from '../../../../src/domain/readiness';
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

/** The English a judgement writes (status, detail, fix), without its message codes (see test/unit/ui/criterion-messages.test.ts). */
export function words(judgement: Judgement): Pick<Judgement, 'status' | 'detail' | 'fix'> {
  const { status, detail, fix } = judgement;
  return fix === undefined ? { status, detail } : { status, detail, fix };
}
