import { loadChoices, loadFrame } from './frame.js';
import type { EvalContext, Frame, SlotLayout, WorldState } from './types.js';

// Frames of immutable states, kept to evaluate expressions against them.
//
// Not for holding on to: the frame of a state is one object shared by every
// caller (every run, branch and panel that evaluates against that state), and
// `frameWith` rewrites its turn and choices on each call. That is safe because
// an evaluation is synchronous and reads the frame at once; a caller that kept
// the frame, or awaited between `frameWith` and reading it, could see another
// caller's turn and choices. Its values, flags and tallies never change.

const loaded = new WeakMap<SlotLayout, WeakMap<WorldState, Frame>>();

/**
 * A frame holding a state, to evaluate expressions against: kept for frozen
 * states (they never change), made afresh for anything else. Callers may set
 * its turn and choices before evaluating; nothing else of it may change.
 */
export function frameFor(layout: SlotLayout, state: WorldState): Frame {
  if (!Object.isFrozen(state)) return loadFrame(layout, state);
  let frames = loaded.get(layout);
  if (frames === undefined) {
    frames = new WeakMap();
    loaded.set(layout, frames);
  }
  let frame = frames.get(state);
  if (frame === undefined) {
    frame = loadFrame(layout, state);
    frames.set(state, frame);
  }
  return frame;
}

/**
 * A frame holding a state, with the turn and choices of an evaluation context:
 * valid until the next `frameFor` or `frameWith` of the same state, so evaluate
 * with it at once and keep nothing of it.
 */
export function frameWith(layout: SlotLayout, state: WorldState, ctx: EvalContext): Frame {
  const frame = frameFor(layout, state);
  frame.turn = ctx.turn;
  loadChoices(layout, ctx.choices, frame);
  return frame;
}
