import { round } from './effects.js';
import { SimulationError } from './errors.js';
import type { ActorDef, Decision, EvalContext, WorldState } from './types.js';

/** Each action's probability under the actor's logit (quantal-response) policy. */
export function actionProbabilities(actor: ActorDef, state: WorldState, ctx: EvalContext): number[] {
  const { actions, rationality } = actor;
  const count = actions.length;
  const weights = new Array<number>(count);
  let best = -Infinity;
  for (let i = 0; i < count; i += 1) {
    const u = actions[i].utility.evaluate(state, ctx);
    if (!Number.isFinite(u)) {
      throw new SimulationError(`a utility of ${actor.id} is ${u}; check its expressions`);
    }
    weights[i] = u;
    if (u > best) best = u;
  }
  // Subtracting the best utility keeps exp() from overflowing at high rationality.
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    const w = Math.exp(rationality * (weights[i] - best));
    weights[i] = w;
    total += w;
  }
  for (let i = 0; i < count; i += 1) weights[i] /= total;
  return weights;
}

/**
 * One actor's decision for a turn: the policy's seeded logit choice, or the
 * action a person (or an intervention) chose. The roll is drawn either way, so
 * a choice never shifts anyone else's random numbers.
 */
export function decide(
  actor: ActorDef,
  state: WorldState,
  ctx: EvalContext,
  roll: number,
  chosen: string | undefined,
): Decision {
  const probabilities = actionProbabilities(actor, state, ctx);
  if (chosen !== undefined) {
    const index = actor.actions.findIndex((action) => action.id === chosen);
    if (index < 0) throw new SimulationError(`${actor.id} has no action "${chosen}"`);
    return { actor: actor.id, action: chosen, by: 'chosen', probability: round(probabilities[index]), roll };
  }
  let cumulative = 0;
  let index = 0;
  for (; index < probabilities.length - 1; index += 1) {
    cumulative += probabilities[index];
    if (roll < cumulative) break;
  }
  return {
    actor: actor.id,
    action: actor.actions[index].id,
    by: 'policy',
    probability: round(probabilities[index]),
    roll,
  };
}
