export { BACKLOG, type PlannedCandidate } from './planned-candidate';
export { stronglyConnectedComponents } from './strongly-connected-components';
export { formatCycle, shortestCycleThrough } from './cycle-path';
export {
  buildDependencyGraph,
  dependencyFlags,
  findCycles,
  type DependencyCycle,
  type DependencyFlagParams,
  type DependencyGraph,
  type DependencyNode,
} from './dependency-graph';
export { VELOCITY_SPRINTS, computeVelocity, type ClosedSprintResult, type Velocity } from './velocity';
export {
  HORIZON_ITEM_LIMIT,
  horizonReached,
  horizonTarget,
  selectHorizon,
  type Estimated,
  type HorizonParams,
  type HorizonSelection,
  type HorizonSummary,
} from './horizon';
export { divergenceFlag, mergeFlags } from './merge-flags';
export { MAX_FOCUS, focusFor } from './focus';
export { seriousGaps, timeboxMinutes, type TimeboxSettings } from './timebox';
export { computeRunway, type RunwayCandidate } from './runway';
export { planAgenda, type AgendaCandidate, type AgendaPlan, type PlanAgendaParams } from './agenda';
export { agendaToMarkdown } from './agenda-markdown';
export { OVER_COMMITMENT_FACTOR, checkSprint, type SprintCheckParams } from './sprint-check';
