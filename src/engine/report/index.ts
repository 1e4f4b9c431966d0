// After-action analysis of a run: pure, from a computed history.
export { afterAction, type AfterAction, type DecisionLine, type InterventionLine, type TimelineTurn, type IndicatorSeries } from './after-action.js';
export { counterfactual, type Counterfactual } from './counterfactual.js';
export { playerDecisions, policyDecision, choicesOf, scenarioAt, type PlayerDecision } from './decisions.js';
export { baselineOf, firstDifference } from './divergence.js';
