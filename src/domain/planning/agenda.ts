import type { Agenda, AgendaItem } from '../../contract/agenda';
import type { Divergence } from '../../contract/estimation';
import type { Flag, IssueReadiness, JudgedReadiness } from '../../contract/readiness';
import type { ProjectSettings } from '../../contract/settings';
import { focusFor } from './focus';
import { mergeFlags } from './merge-flags';
import type { PlannedCandidate } from './planned-candidate';
import { countOf } from './number-format';
import { computeRunway } from './runway';
import { timeboxMinutes } from './timebox';

export interface AgendaCandidate extends PlannedCandidate {
  readiness: IssueReadiness;
  /**
   * Read past the refinement horizon because the horizon held too few items to refine. Such an
   * item may fill the session but is never carried over, and the runway does not count it.
   */
  beyondHorizon?: boolean;
}

export interface PlanAgendaParams {
  /** The horizon (and anything read beyond it, marked `beyondHorizon`), in walk order. */
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
 * - The timeboxes never add up past the session: the first item that does not fit ends the agenda,
 *   so a lower-ranked small item never jumps ahead of a bigger, more urgent one. The minimum number
 *   of items gives way to the session length, and a message says so. No item's timebox is longer
 *   than the session itself.
 * - At most `maxItems`.
 * - Everything not taken from the horizon goes to carry-over, in rank order; items from beyond the
 *   horizon only fill the session and are not carried over.
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
  let closedBy: 'session' | 'max-items' | null = null;
  let toRefineInHorizon = 0;
  for (const candidate of [...params.candidates].sort((a, b) => a.position - b.position)) {
    if (!needsRefinement(candidate)) continue;
    if (candidate.beyondHorizon !== true) toRefineInHorizon += 1;
    const item = toAgendaItem({ candidate, params, sessionMinutes });
    if (closedBy === null && items.length >= maxItems) closedBy = 'max-items';
    if (closedBy === null && totalMinutes + item.timeboxMinutes > sessionMinutes) closedBy = 'session';
    if (closedBy !== null) {
      if (!item.beyondHorizon) carryOver.push(item);
      continue;
    }
    items.push(item);
    totalMinutes += item.timeboxMinutes;
  }
  const warnings: string[] = [];
  const beyond = items.filter((item) => item.beyondHorizon).length;
  if (beyond > 0) warnings.push(beyondHorizonMessage({ inHorizon: toRefineInHorizon, beyond }));
  if (closedBy === 'session' && items.length < minItems) {
    const rest = carryOver.length > 0 ? '; the rest carries over to the next session' : '';
    warnings.push(`Only ${countOf({ value: items.length, one: 'item fits', many: 'items fit' })} in the ${sessionMinutes}-minute session, fewer than the usual ${minItems}${rest}.`);
  }
  const runway = computeRunway({
    candidates: params.candidates.filter((candidate) => candidate.beyondHorizon !== true),
    velocity: params.velocity,
    targetSprints: agenda.runwayTargetSprints,
  });
  return { sessionMinutes, totalMinutes, items, carryOver, runway, warnings };
}

function beyondHorizonMessage({ inHorizon, beyond }: { inHorizon: number; beyond: number }): string {
  const few = inHorizon === 0 ? 'No item in the next sprints needs refining' : `Only ${countOf({ value: inHorizon, one: 'item', many: 'items' })} in the next sprints ${inHorizon === 1 ? 'needs' : 'need'} refining`;
  return `${few}, so the agenda goes on down the backlog: ${countOf({ value: beyond, one: 'item comes', many: 'items come' })} from beyond the next sprints.`;
}

/** Only a judged, not-ready, open item: an excluded one (an epic) has no readiness to refine. */
function needsRefinement(candidate: AgendaCandidate): candidate is AgendaCandidate & { readiness: JudgedReadiness } {
  return candidate.readiness.status === 'judged' && !candidate.readiness.ready && candidate.issue.statusCategory !== 'done';
}

function toAgendaItem({ candidate, params, sessionMinutes }: { candidate: AgendaCandidate & { readiness: JudgedReadiness }; params: PlanAgendaParams; sessionMinutes: number }): AgendaItem {
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
    beyondHorizon: candidate.beyondHorizon === true,
    flags,
    // One item never takes longer than the whole session.
    timeboxMinutes: Math.min(sessionMinutes, timeboxMinutes({ flags, settings: params.settings.agenda })),
    focus: focusFor({ flags, criteria: readiness.criteria }),
  };
}
