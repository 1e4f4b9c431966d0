import type { Effect, EvalContext, MutableState, WorldState } from './types.js';

/** Digits kept after every turn, so a state hashes the same on every platform. */
export const PRECISION = 1e6;

/** Round to the engine's fixed precision. */
export function round(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

/** Keep a value inside its range; a non-finite value is a bug in a scenario expression. */
export function clamp(value: number, min: number, max: number, what: string): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${what} would become ${value}; check the expressions that write it`);
  }
  return value < min ? min : value > max ? max : value;
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
        const next = target.get(view) + effect.value.evaluate(view, ctx);
        target.set(draft, clamp(next, target.min, target.max, target.path));
        break;
      }
      case 'set': {
        const { target } = effect;
        target.set(draft, clamp(effect.value.evaluate(view, ctx), target.min, target.max, target.path));
        break;
      }
      case 'toward': {
        const { target } = effect;
        const current = target.get(view);
        const goal = effect.goal.evaluate(view, ctx);
        const rate = clamp(effect.rate.evaluate(view, ctx), 0, 1, `rate toward ${target.path}`);
        target.set(draft, clamp(current + rate * (goal - current), target.min, target.max, target.path));
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

/** Round every number of the state to the engine's precision. */
export function roundState(draft: MutableState): void {
  for (const actor of Object.values(draft.actors)) {
    roundRecord(actor.stance);
    roundRecord(actor.salience);
    roundRecord(actor.attrs);
  }
  for (const row of Object.values(draft.coop)) roundRecord(row);
  roundRecord(draft.indicators);
}

function roundRecord(record: Record<string, number>): void {
  for (const key of Object.keys(record)) {
    const value = record[key];
    const rounded = round(value);
    // Writing only on change keeps Immer patches to what really changed.
    if (rounded !== value) record[key] = rounded;
  }
}
