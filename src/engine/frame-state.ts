import { groupRecord, sameSchedule } from './frame.js';
import type { ActorState, EventTally, Frame, SlotLayout, TurnChanges, ValueChange, WorldState } from './types.js';

// From a frame back to immutable states: the parts of the next state that
// changed (the interactive path), or a whole state (the batch path's end).

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The parts of the next state that differ from the previous one, and what changed in them. */
export interface ChangedParts {
  /** Parts left out are unchanged. */
  readonly parts: Partial<Writable<WorldState>>;
  readonly changes: TurnChanges;
}

/**
 * The parts of the next state that differ from `base`, built from a frame:
 * every record that changed is a new frozen record (keys in their old order),
 * and every record that did not is `base`'s own, so states share what did not
 * change. The comparison that finds them also lists what changed.
 */
export function changedParts(layout: SlotLayout, frame: Frame, base: WorldState): ChangedParts {
  const parts: Partial<Writable<WorldState>> = {};
  if (frame.turn !== base.turn) parts.turn = frame.turn;
  const { values } = frame;
  const changedValues: ValueChange[] = [];
  let coop: Record<string, Readonly<Record<string, number>>> | null = null;
  let actors: Record<string, ActorState> | null = null;
  for (const group of layout.groups) {
    const record = groupRecord(base, group);
    const { keys, start } = group;
    let next: Record<string, number> | null = null;
    for (let k = 0; k < keys.length; k += 1) {
      // A group's slots and keys are in range by construction of the layout.
      const key = keys[k]!;
      const value = values[start + k]!;
      const was = record[key]!;
      if (was === value) continue;
      next ??= { ...record };
      next[key] = value;
      changedValues.push({ kind: group.kind, actor: group.actor, key, from: was, to: value });
    }
    if (next === null) continue;
    Object.freeze(next);
    if (group.kind === 'indicators') {
      parts.indicators = next;
    } else if (group.kind === 'coop') {
      coop ??= { ...base.coop };
      coop[group.actor] = next;
    } else {
      actors ??= { ...base.actors };
      actors[group.actor] = Object.freeze({ ...actors[group.actor]!, [group.kind]: next });
    }
  }
  if (coop !== null) parts.coop = Object.freeze(coop);
  if (actors !== null) parts.actors = Object.freeze(actors);

  const changedFlags: string[] = [];
  let flags: Record<string, boolean> | null = null;
  layout.flags.forEach((flag, i) => {
    const on = frame.flags[i] === 1;
    if (base.flags[flag] === on) return;
    flags ??= { ...base.flags };
    flags[flag] = on;
    changedFlags.push(flag);
  });
  if (flags !== null) parts.flags = Object.freeze(flags);

  const changedEvents: string[] = [];
  let events: Record<string, EventTally> | null = null;
  // New tallies go in the order they fired in: by first turn, then declared order.
  for (const i of firingOrder(frame)) {
    const id = layout.events[i]!;
    const tally = base.events[id];
    if (tally !== undefined && tally.count === frame.count[i] && tally.first === frame.first[i] && tally.last === frame.last[i]) continue;
    events ??= { ...base.events };
    events[id] = Object.freeze({ first: frame.first[i]!, last: frame.last[i]!, count: frame.count[i]! });
    changedEvents.push(id);
  }
  if (events !== null) parts.events = Object.freeze(events);

  const scheduled = !sameSchedule(base.scheduled, frame.scheduled);
  if (scheduled) parts.scheduled = Object.freeze(frame.scheduled.map((entry) => Object.freeze(entry)));
  const tracks = tracksOf(layout, frame);
  if (tracks !== null && (base.tracks === undefined || !sameRecord(base.tracks, tracks))) parts.tracks = tracks;
  const actions = actionsOf(layout, frame);
  const changedActions = layout.actors.filter((id) => base.actions[id] !== actions[id]);
  if (!sameChoices(base.actions, actions)) parts.actions = Object.freeze(actions);
  return {
    parts,
    changes: { values: changedValues, flags: changedFlags, events: changedEvents, scheduled, actions: changedActions },
  };
}

/** The whole state a frame holds, frozen. */
export function stateOf(layout: SlotLayout, frame: Frame): WorldState {
  const indicators: Record<string, number> = {};
  const coop: Record<string, Readonly<Record<string, number>>> = {};
  const actors: Record<string, Writable<ActorState>> = {};
  for (const id of layout.actors) actors[id] = { stance: {}, salience: {}, attrs: {} };
  for (const group of layout.groups) {
    const record: Record<string, number> = {};
    group.keys.forEach((key, k) => {
      record[key] = frame.values[group.start + k]!;
    });
    Object.freeze(record);
    if (group.kind === 'indicators') Object.assign(indicators, record);
    else if (group.kind === 'coop') coop[group.actor] = record;
    else actors[group.actor]![group.kind] = record;
  }
  const flags: Record<string, boolean> = {};
  layout.flags.forEach((flag, i) => {
    flags[flag] = frame.flags[i] === 1;
  });
  const events: Record<string, EventTally> = {};
  for (const i of firingOrder(frame)) {
    events[layout.events[i]!] = Object.freeze({ first: frame.first[i]!, last: frame.last[i]!, count: frame.count[i]! });
  }
  for (const id of layout.actors) Object.freeze(actors[id]);
  return Object.freeze({
    turn: frame.turn,
    actors: Object.freeze(actors),
    coop: Object.freeze(coop),
    indicators: Object.freeze(indicators),
    flags: Object.freeze(flags),
    events: Object.freeze(events),
    scheduled: Object.freeze(frame.scheduled.map((entry) => Object.freeze({ ...entry }))),
    actions: Object.freeze(actionsOf(layout, frame)),
    ...withTracks(layout, frame),
  });
}

/** The running values of a frame's tracks, by metric id, frozen; null when the layout has none. */
function tracksOf(layout: SlotLayout, frame: Frame): Readonly<Record<string, number>> | null {
  if (layout.tracks === undefined) return null;
  const tracks: Record<string, number> = {};
  layout.tracks.forEach((id, i) => {
    tracks[id] = frame.tracks[i]!;
  });
  return Object.freeze(tracks);
}

function withTracks(layout: SlotLayout, frame: Frame): { tracks?: Readonly<Record<string, number>> } {
  const tracks = tracksOf(layout, frame);
  return tracks === null ? {} : { tracks };
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

/** The indices of the events that have fired, in the order they first fired. */
function firingOrder(frame: Frame): number[] {
  const fired: number[] = [];
  const { count, first } = frame;
  for (let i = 0; i < count.length; i += 1) if (count[i]! > 0) fired.push(i);
  return fired.sort((a, b) => first[a]! - first[b]! || a - b);
}

function actionsOf(layout: SlotLayout, frame: Frame): Record<string, string> {
  const actions: Record<string, string> = {};
  layout.actors.forEach((id, a) => {
    const index = frame.chosen[a]!;
    if (index >= 0) actions[id] = layout.actions[a]![index]!;
  });
  return actions;
}

function sameChoices(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  let count = 0;
  for (const key in b) {
    if (a[key] !== b[key]) return false;
    count += 1;
  }
  for (const _key in a) count -= 1;
  return count === 0;
}
