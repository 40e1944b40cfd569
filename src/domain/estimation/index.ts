export { cardPoints, isValidCard, numericCards, scaleCards, type ScaleParams } from './scales';
export { computeDivergence } from './divergence';
export { joinNames } from './join-names';
export { suggestEstimate } from './suggestion';
