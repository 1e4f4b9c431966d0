import { SimulationError } from './errors.js';
import type { Effect, EvalContext, MutableState, Target, WorldState } from './types.js';

/** Values are kept to six decimals, so a state hashes the same on every platform. */
export const PRECISION = 1e6;

/** Round to the engine's fixed precision. */
export function round(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

/**
 * Keep a value inside its range; a non-finite value is a bug in a scenario
 * expression. `what` names the value for the error: a string, or a function
 * giving one, so hot paths build no message unless there is an error.
 */
export function clamp(value: number, min: number, max: number, what: string | (() => string)): number {
  if (!Number.isFinite(value)) {
    const name = typeof what === 'string' ? what : what();
    throw new SimulationError(`${name} would become ${value}; check the expressions that write it`);
  }
  return value < min ? min : value > max ? max : value;
}

/**
 * Write a value to the state: clamped to the target's range and rounded to the
 * engine's precision on every write, so no expression ever reads a value out
 * of range and every state hashes the same on every platform.
 */
export function write(draft: MutableState, target: Target, value: number): void {
  target.set(draft, round(clamp(value, target.min, target.max, target.path)));
}

/**
 * Apply effects in declared order to a writable state (an Immer draft or a
 * batch working copy). Values are read from the state as it stands, so a later
 * effect sees an earlier one. `by` names what caused them, for scheduled events.
 */
export function applyEffects(
  draft: MutableState,
  effects: readonly Effect[],
  ctx: EvalContext,
  by: string,
): void {
  const view = draft as WorldState;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'add': {
        const { target } = effect;
        write(draft, target, target.get(view) + effect.value.evaluate(view, ctx));
        break;
      }
      case 'set': {
        write(draft, effect.target, effect.value.evaluate(view, ctx));
        break;
      }
      case 'toward': {
        const { target } = effect;
        const current = target.get(view);
        const goal = effect.goal.evaluate(view, ctx);
        const rate = clamp(effect.rate.evaluate(view, ctx), 0, 1, () => `rate toward ${target.path}`);
        write(draft, target, current + rate * (goal - current));
        break;
      }
      case 'flag':
        draft.flags[effect.flag] = effect.value;
        break;
      case 'schedule':
        schedule(draft, effect.event, draft.turn + effect.delay, by);
        break;
      case 'cancel':
        draft.scheduled = draft.scheduled.filter((entry) => entry.event !== effect.event);
        break;
    }
  }
}

/** Put an event on the calendar, keeping it ordered by turn (stable for equal turns). */
export function schedule(draft: MutableState, event: string, turn: number, by: string): void {
  let index = draft.scheduled.length;
  while (index > 0 && draft.scheduled[index - 1].turn > turn) index -= 1;
  draft.scheduled.splice(index, 0, { turn, event, by });
}

/** Round every number of a state to the engine's precision (used on initial states). */
export function roundState(draft: MutableState): void {
  // for...in over plain records: this runs every turn of every batch run.
  const { actors, coop } = draft;
  for (const id in actors) {
    const actor = actors[id];
    roundRecord(actor.stance);
    roundRecord(actor.salience);
    roundRecord(actor.attrs);
  }
  for (const id in coop) roundRecord(coop[id]);
  roundRecord(draft.indicators);
}

function roundRecord(record: Record<string, number>): void {
  for (const key in record) {
    const value = record[key];
    const rounded = Math.round(value * PRECISION) / PRECISION;
    // Writing only on change keeps Immer patches to what really changed.
    if (rounded !== value) record[key] = rounded;
  }
}
