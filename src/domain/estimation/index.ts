export {
  COFFEE_CARD,
  DEFAULT_TSHIRT_POINTS,
  UNSURE_CARD,
  cardPoints,
  isValidCard,
  nearestCard,
  numericCards,
  scaleCards,
  type ScaleParams,
} from './scales';
export { computeDivergence, type DivergenceParams } from './divergence';
export { median, suggestEstimate } from './suggest-estimate';
export { joinNames } from './join-names';
