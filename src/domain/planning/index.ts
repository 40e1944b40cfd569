export { BACKLOG, type PlannedCandidate } from './planned-candidate';
export { stronglyConnectedComponents } from './strongly-connected-components';
export { dependencyFlags } from './dependency-graph';
export { VELOCITY_SPRINTS, computeVelocity, type Velocity } from './velocity';
export { HORIZON_ITEM_LIMIT, horizonReached, horizonTarget, selectHorizon, type HorizonSelection } from './horizon';
export { planAgenda, type AgendaCandidate, type PlanAgendaParams } from './agenda';
export { checkSprint } from './sprint-check';
