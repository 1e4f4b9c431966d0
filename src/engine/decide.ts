import { SimulationError } from './errors.js';
import type { Frame } from './frame.js';
import type { ActorDef, EvalContext, WorldState } from './types.js';

/**
 * Turn an actor's action utilities into the probabilities of its logit
 * (quantal-response) policy, in place.
 */
function logit(actor: ActorDef, weights: number[] | Float64Array): void {
  const count = weights.length;
  let best = -Infinity;
  for (let i = 0; i < count; i += 1) {
    const u = weights[i]!;
    if (!Number.isFinite(u)) {
      throw new SimulationError(`a utility of ${actor.id} is ${u}; check its expressions`);
    }
    if (u > best) best = u;
  }
  // Subtracting the best utility keeps exp() from overflowing at high rationality.
  const { rationality } = actor;
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    const w = Math.exp(rationality * (weights[i]! - best));
    weights[i] = w;
    total += w;
  }
  for (let i = 0; i < count; i += 1) weights[i]! /= total;
}

/** Each action's probability under the actor's logit (quantal-response) policy. */
export function actionProbabilities(actor: ActorDef, state: WorldState, ctx: EvalContext): number[] {
  const weights = actor.actions.map((action) => action.utility.evaluate(state, ctx));
  logit(actor, weights);
  return weights;
}

/** The same on a frame, written into `into` (one slot per action). */
export function probabilitiesAt(actor: ActorDef, frame: Frame, into: Float64Array): Float64Array {
  const { actions } = actor;
  for (let i = 0; i < actions.length; i += 1) into[i] = actions[i]!.utility.at(frame);
  logit(actor, into);
  return into;
}

/** The action the policy picks with a roll in [0, 1): the first whose cumulative probability exceeds it. */
export function pick(probabilities: ArrayLike<number>, roll: number): number {
  let cumulative = 0;
  let index = 0;
  for (; index < probabilities.length - 1; index += 1) {
    cumulative += probabilities[index]!;
    if (roll < cumulative) break;
  }
  return index;
}

/** The index of the action a person (or an intervention) chose for an actor. */
export function chosenIndex(actor: ActorDef, action: string): number {
  const index = actor.actions.findIndex((item) => item.id === action);
  if (index < 0) throw new SimulationError(`${actor.id} has no action "${action}"`);
  return index;
}
