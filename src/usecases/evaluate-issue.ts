import type { IssueReadiness, ProjectSettings } from '../contract';
import type { NormalizedIssue } from '../domain/issue';
import { evaluateReadiness } from '../domain/readiness';
import type { UseCaseDeps } from './deps';
import { estimationInput } from './estimation-input';
import type { ChecklistTick, RoundState, StoredVote } from './ports';

export interface IssueState {
  checklist: Record<string, ChecklistTick>;
  round: RoundState | undefined;
  votes: StoredVote[];
}

/** Everything stored about one issue that the readiness judgement needs. */
export async function loadIssueState({ deps, issueId }: { deps: Pick<UseCaseDeps, 'stores'>; issueId: string }): Promise<IssueState> {
  const [checklist, round, votes] = await Promise.all([
    deps.stores.checklist.list(issueId),
    deps.stores.rounds.get(issueId),
    deps.stores.votes.list(issueId),
  ]);
  return { checklist, round, votes };
}

export function scoreIssue({
  issue,
  settings,
  state,
  now,
  warnings = [],
  estimateFieldName = null,
}: {
  issue: NormalizedIssue;
  settings: ProjectSettings;
  state: IssueState;
  now: Date;
  warnings?: string[];
  /** Named in the panel so people know which field the estimate came from. */
  estimateFieldName?: string | null;
}): IssueReadiness {
  // Odd but readable shapes (media inside a paragraph) are normal; nothing readable at all is worth saying.
  const unreadable =
    issue.description.problems.length > 0 && issue.description.words === 0
      ? ['The description could not be read (malformed rich text), so the score may be lower than it should be.']
      : [];
  return evaluateReadiness({
    issue,
    settings,
    estimateFieldName,
    checklist: state.checklist,
    estimation: estimationInput({ votes: state.votes, round: state.round, settings }),
    now,
    warnings: [...warnings, ...unreadable],
  });
}

/**
 * Scores many issues with batched KVS reads (used by the agenda, sprint check and triggers).
 * Votes are only read for issues that have a round, which is the rare case.
 */
export async function scoreIssues({
  deps,
  issues,
  settings,
  estimateFieldName = null,
}: {
  deps: Pick<UseCaseDeps, 'stores' | 'clock'>;
  issues: NormalizedIssue[];
  settings: ProjectSettings;
  estimateFieldName?: string | null;
}): Promise<{ issue: NormalizedIssue; readiness: IssueReadiness; state: IssueState }[]> {
  const issueIds = issues.map((issue) => issue.id);
  const itemIds = settings.manualItems.filter((item) => item.enabled).map((item) => item.id);
  const [ticks, rounds] = await Promise.all([
    itemIds.length > 0 ? deps.stores.checklist.listMany({ issueIds, itemIds }) : Promise.resolve(new Map<string, Record<string, ChecklistTick>>()),
    deps.stores.rounds.getMany(issueIds),
  ]);
  const votesById = new Map<string, StoredVote[]>();
  await Promise.all(
    [...rounds.keys()].map(async (issueId) => {
      votesById.set(issueId, await deps.stores.votes.list(issueId));
    }),
  );
  const now = deps.clock.now();
  return issues.map((issue) => {
    const state: IssueState = {
      checklist: ticks.get(issue.id) ?? {},
      round: rounds.get(issue.id),
      votes: votesById.get(issue.id) ?? [],
    };
    return { issue, state, readiness: scoreIssue({ issue, settings, state, now, estimateFieldName }) };
  });
}
