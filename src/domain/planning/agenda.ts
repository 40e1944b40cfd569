import type { Agenda, AgendaItem } from '../../contract/agenda';
import type { Divergence } from '../../contract/estimation';
import type { Flag, IssueReadiness } from '../../contract/readiness';
import type { ProjectSettings } from '../../contract/settings';
import { focusFor } from './focus';
import { mergeFlags } from './merge-flags';
import type { PlannedCandidate } from './planned-candidate';
import { computeRunway } from './runway';
import { timeboxMinutes } from './timebox';

export interface AgendaCandidate extends PlannedCandidate {
  readiness: IssueReadiness;
}

export interface PlanAgendaParams {
  /** The horizon (and anything read beyond it), in walk order. */
  candidates: readonly AgendaCandidate[];
  /** From `dependencyFlags`, by issue key. */
  dependencyFlags: ReadonlyMap<string, readonly Flag[]>;
  /** Revealed estimation rounds, by issue key. */
  divergence: ReadonlyMap<string, Divergence>;
  settings: Pick<ProjectSettings, 'agenda'>;
  /** Length of this session; defaults to settings.agenda.sessionMinutes. */
  sessionMinutes?: number;
  velocity: number | null;
}

/**
 * The part of the Agenda the domain decides. The use case adds what it read:
 * `{ ...plan, projectKey, boardId, boardName, horizon, truncated, velocity: { value, sprintsUsed },
 *    estimationFieldName, generatedAt, warnings: [...its warnings, ...plan.warnings] }`.
 */
export type AgendaPlan = Pick<Agenda, 'sessionMinutes' | 'totalMinutes' | 'items' | 'carryOver' | 'runway' | 'warnings'>;

/**
 * Builds the refinement agenda: the highest-ranked items that are not ready (excluded types and
 * resolved items are skipped), each with a timebox and a focus, in rank order.
 * - At most `maxItems`; at least `minItems` when that many exist, even if they overrun the session
 *   (a warning says by how much) — a session without enough items is the worse failure.
 * - Beyond the minimum, items are taken while they fit the session; the first one that does not fit
 *   ends the agenda, so a lower-ranked small item never jumps ahead of a bigger, more urgent one.
 * - Everything not taken goes to carry-over, in rank order.
 * Linear in the number of candidates: flags and votes are looked up in maps.
 */
export function planAgenda(params: PlanAgendaParams): AgendaPlan {
  const { agenda } = params.settings;
  const sessionMinutes = params.sessionMinutes ?? agenda.sessionMinutes;
  const maxItems = Math.max(1, agenda.maxItems);
  const minItems = Math.max(0, Math.min(agenda.minItems, maxItems));
  const items: AgendaItem[] = [];
  const carryOver: AgendaItem[] = [];
  let totalMinutes = 0;
  let closed = false;
  for (const candidate of [...params.candidates].sort((a, b) => a.position - b.position)) {
    if (!needsRefinement(candidate)) continue;
    const item = toAgendaItem({ candidate, params });
    const fits = totalMinutes + item.timeboxMinutes <= sessionMinutes;
    closed ||= items.length >= maxItems || (items.length >= minItems && !fits);
    if (closed) {
      carryOver.push(item);
      continue;
    }
    items.push(item);
    totalMinutes += item.timeboxMinutes;
  }
  const warnings: string[] = [];
  if (totalMinutes > sessionMinutes) {
    warnings.push(
      `The agenda runs ${totalMinutes - sessionMinutes} minutes over the ${sessionMinutes}-minute session to cover the minimum of ${minItems} items.`,
    );
  }
  const runway = computeRunway({ candidates: params.candidates, velocity: params.velocity, targetSprints: agenda.runwayTargetSprints });
  return { sessionMinutes, totalMinutes, items, carryOver, runway, warnings };
}

function needsRefinement({ readiness, issue }: AgendaCandidate): boolean {
  return !readiness.ready && !readiness.excluded && issue.statusCategory !== 'done';
}

function toAgendaItem({ candidate, params }: { candidate: AgendaCandidate; params: PlanAgendaParams }): AgendaItem {
  const { issue, readiness } = candidate;
  const flags = mergeFlags({
    readiness: readiness.flags,
    dependency: params.dependencyFlags.get(issue.key) ?? [],
    divergence: params.divergence.get(issue.key),
  });
  return {
    issueKey: issue.key,
    summary: issue.summary,
    issueType: issue.issueTypeName,
    rank: candidate.position,
    score: readiness.score,
    ready: readiness.ready,
    estimate: readiness.estimate ?? issue.estimate,
    plannedIn: candidate.plannedIn,
    flags,
    timeboxMinutes: timeboxMinutes({ flags, settings: params.settings.agenda }),
    focus: focusFor({ flags, criteria: readiness.criteria }),
  };
}
