import type { Frame, ScheduledEvent, SlotGroup, SlotLayout, WorldState } from './types.js';

export type { Frame, SlotLayout, SlotGroup } from './types.js';

// The flat working state a turn is computed on. Every number of a WorldState
// has a slot in one Float64Array (see slot-layout.ts); flags, event tallies
// and choices are typed arrays indexed the same way. A turn reads and writes
// array elements instead of looking up nested records by name. Both paths step
// frames: the batch path keeps one per run, and the interactive path loads
// one from the previous state and builds the next immutable state from it
// (frame-state.ts). This file makes, loads, copies and compares frames.

/** A zeroed frame for a layout. */
export function newFrame(layout: SlotLayout): Frame {
  const events = layout.events.length;
  return {
    turn: 0,
    values: new Float64Array(layout.size),
    flags: new Uint8Array(layout.flags.length),
    count: new Int32Array(events),
    first: new Int32Array(events),
    last: new Int32Array(events),
    chosen: new Int32Array(layout.actors.length).fill(-1),
    scheduled: [],
    tracks: new Float64Array(layout.tracks?.length ?? 0),
  };
}

/** The record of numbers a slot group stands for, in a state. */
export function groupRecord(state: WorldState, group: SlotGroup): Readonly<Record<string, number>> {
  switch (group.kind) {
    case 'indicators': return state.indicators;
    // A layout's groups name the state's own actors (the scenario's layout made both).
    case 'coop': return state.coop[group.actor]!;
    default: return state.actors[group.actor]![group.kind];
  }
}

/** Load a state into a frame (a new one unless given). */
export function loadFrame(layout: SlotLayout, state: WorldState, frame: Frame = newFrame(layout)): Frame {
  frame.turn = state.turn;
  const { values } = frame;
  for (const group of layout.groups) {
    const record = groupRecord(state, group);
    const { keys, start } = group;
    for (let k = 0; k < keys.length; k += 1) values[start + k] = record[keys[k]!]!;
  }
  layout.flags.forEach((flag, i) => {
    frame.flags[i] = state.flags[flag] ? 1 : 0;
  });
  layout.events.forEach((id, i) => {
    const tally = state.events[id];
    frame.count[i] = tally?.count ?? 0;
    frame.first[i] = tally?.first ?? 0;
    frame.last[i] = tally?.last ?? 0;
  });
  loadChoices(layout, state.actions, frame);
  frame.scheduled = [...state.scheduled];
  layout.tracks?.forEach((id, i) => {
    frame.tracks[i] = state.tracks?.[id] ?? 0;
  });
  return frame;
}

/** Set a frame's choices (the index of each actor's action, or -1) from choices by actor id. */
export function loadChoices(layout: SlotLayout, choices: Readonly<Record<string, string>>, frame: Frame): void {
  layout.actors.forEach((id, a) => {
    const action = choices[id];
    frame.chosen[a] = action === undefined ? -1 : layout.actions[a]!.indexOf(action);
  });
}

/** Copy one frame over another of the same layout. */
export function copyFrame(from: Frame, to: Frame): void {
  to.turn = from.turn;
  to.values.set(from.values);
  to.flags.set(from.flags);
  to.count.set(from.count);
  to.first.set(from.first);
  to.last.set(from.last);
  to.chosen.set(from.chosen);
  to.scheduled = [...from.scheduled];
  to.tracks.set(from.tracks);
}

/** Whether two frames of one layout hold the same state. */
export function sameFrame(a: Frame, b: Frame): boolean {
  return a.turn === b.turn
    && sameArray(a.values, b.values)
    && sameArray(a.flags, b.flags)
    && sameArray(a.count, b.count)
    && sameArray(a.first, b.first)
    && sameArray(a.last, b.last)
    && sameArray(a.chosen, b.chosen)
    && sameArray(a.tracks, b.tracks)
    && sameSchedule(a.scheduled, b.scheduled);
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

export function sameSchedule(a: readonly ScheduledEvent[], b: readonly ScheduledEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.turn !== y.turn || x.event !== y.event || x.by !== y.by)) return false;
  }
  return true;
}
