import { SimulationError } from './errors.js';
import type { Frame } from './frame.js';
import type { ActorDef, EvalContext, WorldState } from './types.js';

/**
 * Turn an actor's action utilities into the probabilities of its logit
 * (quantal-response) policy, in place. With `open`, only the actions it marks
 * (1) count: the others get probability 0 and their utilities are not read.
 */
function logit(actor: ActorDef, weights: number[] | Float64Array, open: Uint8Array | null = null): void {
  const count = weights.length;
  let best = -Infinity;
  for (let i = 0; i < count; i += 1) {
    if (open !== null && open[i] === 0) continue;
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
    const w = open !== null && open[i] === 0 ? 0 : Math.exp(rationality * (weights[i]! - best));
    weights[i] = w;
    total += w;
  }
  for (let i = 0; i < count; i += 1) weights[i]! /= total;
}

/** Whether any action of the actor has an `available:` condition. */
export function isGated(actor: ActorDef): boolean {
  return actor.actions.some((action) => action.available != null);
}

/**
 * Mark in `open` which actions are available (1) given each one's condition;
 * when none is, only the fallback is. `holds` evaluates a condition.
 */
function markAvailable(actor: ActorDef, open: Uint8Array, holds: (index: number) => boolean): void {
  const { actions } = actor;
  let any = false;
  for (let i = 0; i < actions.length; i += 1) {
    const ok = actions[i]!.available == null || holds(i);
    open[i] = ok ? 1 : 0;
    any ||= ok;
  }
  if (any) return;
  // Validation makes sure an actor whose every action has a condition names a fallback.
  const fallback = actions.findIndex((action) => action.id === actor.fallback);
  if (fallback < 0) throw new SimulationError(`no action of ${actor.id} is available and it names no fallback`);
  open[fallback] = 1;
}

/** The actions an actor may choose in a state (with the turn and choices of `ctx`), in declared order. */
export function availableActions(actor: ActorDef, state: WorldState, ctx: EvalContext): boolean[] {
  const open = new Uint8Array(actor.actions.length);
  markAvailable(actor, open, (i) => actor.actions[i]!.available!.evaluate(state, ctx) !== 0);
  return [...open].map((mark) => mark === 1);
}

/** Each action's probability under the actor's logit (quantal-response) policy; 0 for an unavailable action. */
export function actionProbabilities(actor: ActorDef, state: WorldState, ctx: EvalContext): number[] {
  if (!isGated(actor)) {
    const weights = actor.actions.map((action) => action.utility.evaluate(state, ctx));
    logit(actor, weights);
    return weights;
  }
  const open = Uint8Array.from(availableActions(actor, state, ctx), (ok) => (ok ? 1 : 0));
  const weights = actor.actions.map((action, i) => (open[i] === 1 ? action.utility.evaluate(state, ctx) : 0));
  logit(actor, weights, open);
  return weights;
}

/**
 * The same on a frame, written into `into` (one slot per action). For an
 * actor with conditions, `open` is room to mark the available actions in.
 */
export function probabilitiesAt(actor: ActorDef, frame: Frame, into: Float64Array, open: Uint8Array | null = null): Float64Array {
  const { actions } = actor;
  if (open === null) {
    for (let i = 0; i < actions.length; i += 1) into[i] = actions[i]!.utility.at(frame);
    logit(actor, into);
    return into;
  }
  markAvailable(actor, open, (i) => actions[i]!.available!.at(frame) !== 0);
  for (let i = 0; i < actions.length; i += 1) into[i] = open[i] === 1 ? actions[i]!.utility.at(frame) : 0;
  logit(actor, into, open);
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

/**
 * `pick` for an actor with unavailable actions: a roll past every cumulative
 * sum (by rounding) lands on the last action that has a chance, never on an
 * unavailable one.
 */
export function pickAvailable(probabilities: ArrayLike<number>, roll: number): number {
  let index = pick(probabilities, roll);
  while (index > 0 && probabilities[index] === 0) index -= 1;
  return index;
}

/** The index of the action a person (or an intervention) chose for an actor. */
export function chosenIndex(actor: ActorDef, action: string): number {
  const index = actor.actions.findIndex((item) => item.id === action);
  if (index < 0) throw new SimulationError(`${actor.id} has no action "${action}"`);
  return index;
}
