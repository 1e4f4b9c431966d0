import { SimulationError } from './errors.js';
import type { Frame } from './frame.js';
import type { Effect, MutableState, Target } from './types.js';

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
 * Write a value to a frame: clamped to the target's range and rounded to the
 * engine's precision on every write, so no expression ever reads a value out
 * of range and every state hashes the same on every platform.
 */
export function write(frame: Frame, target: Target, value: number): void {
  const rounded = round(clamp(value, target.min, target.max, target.path));
  frame.values[target.slot] = rounded;
  if (target.mirror >= 0) frame.values[target.mirror] = rounded;
}

/**
 * Apply effects in declared order to a frame. Values are read from the frame
 * as it stands, so a later effect sees an earlier one. `by` names what caused
 * them, for scheduled events.
 */
export function applyEffects(frame: Frame, effects: readonly Effect[], by: string): void {
  const { values } = frame;
  for (let i = 0; i < effects.length; i += 1) {
    const effect = effects[i]!;
    switch (effect.kind) {
      case 'add': {
        const { target } = effect;
        write(frame, target, values[target.slot]! + effect.value.at(frame));
        break;
      }
      case 'set': {
        write(frame, effect.target, effect.value.at(frame));
        break;
      }
      case 'toward': {
        const { target } = effect;
        const current = values[target.slot]!;
        const goal = effect.goal.at(frame);
        const rate = clamp(effect.rate.at(frame), 0, 1, () => `rate toward ${target.path}`);
        write(frame, target, current + rate * (goal - current));
        break;
      }
      case 'flag':
        if (effect.expr === undefined) frame.flags[effect.index] = effect.value ? 1 : 0;
        else frame.flags[effect.index] = effect.expr.at(frame) !== 0 ? 1 : 0;
        break;
      case 'schedule':
        schedule(frame, effect.event, dueTurn(frame, effect), by);
        break;
      case 'cancel':
        frame.scheduled = frame.scheduled.filter((entry) => entry.event !== effect.event);
        break;
      case 'if':
        if (effect.condition.at(frame) !== 0) applyEffects(frame, effect.effects, by);
        break;
    }
  }
}

/** Longest delay a schedule can give, in turns. */
const LONGEST_DELAY = 600;

/**
 * The turn a schedule effect puts its event at: a fixed delay, a delay that an
 * expression or a random draw gives (rounded to whole turns, kept to 1..600),
 * or a month (the next turn when that month has passed).
 */
function dueTurn(frame: Frame, effect: Extract<Effect, { kind: 'schedule' }>): number {
  if (effect.at !== undefined) return Math.max(effect.at, frame.turn + 1);
  if (effect.delayExpr === undefined) return frame.turn + effect.delay;
  const delay = Math.round(clamp(effect.delayExpr.at(frame), 1, LONGEST_DELAY, () => `the delay of ${effect.event}`));
  return frame.turn + delay;
}

/** Put an event on the calendar, keeping it ordered by turn (stable for equal turns). */
export function schedule(frame: Frame, event: string, turn: number, by: string): void {
  let index = frame.scheduled.length;
  while (index > 0 && frame.scheduled[index - 1]!.turn > turn) index -= 1;
  frame.scheduled.splice(index, 0, { turn, event, by });
}

/** Round every number of a state to the engine's precision (used on initial states). */
export function roundState(draft: MutableState): void {
  const { actors, coop } = draft;
  for (const actor of Object.values(actors)) {
    roundRecord(actor.stance);
    roundRecord(actor.salience);
    roundRecord(actor.attrs);
  }
  for (const record of Object.values(coop)) roundRecord(record);
  roundRecord(draft.indicators);
}

function roundRecord(record: Record<string, number>): void {
  for (const [key, value] of Object.entries(record)) {
    const rounded = Math.round(value * PRECISION) / PRECISION;
    if (rounded !== value) record[key] = rounded;
  }
}
