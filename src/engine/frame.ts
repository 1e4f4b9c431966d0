import type { ActorState, EvalContext, EventTally, Frame, SlotLayout, ScheduledEvent, SlotGroup, TurnChanges, ValueChange, WorldState } from './types.js';

// The frame's types live with the other engine types, which name them (a
// compiled expression reads a frame; a scenario has a layout).
export type { Frame, SlotLayout, SlotGroup } from './types.js';

// The flat working state a turn is computed on. Every number of a WorldState
// has a slot in one Float64Array, fixed when the scenario is compiled; flags,
// event tallies and choices are typed arrays indexed the same way. Expressions
// and effects are compiled against the slots, so a turn reads and writes
// array elements instead of looking up nested records by name. Both paths step
// frames: the batch path keeps one per run, and the interactive path loads
// one from the previous state and builds the next immutable state from it.

/** What a layout is built from: the scenario's declared names, in order. */
export interface SlotShape {
  readonly indicators: readonly string[];
  readonly issues: readonly string[];
  readonly actors: readonly { readonly id: string; readonly attrs: readonly string[]; readonly actions: readonly string[] }[];
  readonly flags: readonly string[];
  readonly events: readonly string[];
}

/** The slots of a scenario: indicators, cooperation rows, then each actor's stances, saliences and attributes. */
export function slotLayout(shape: SlotShape): SlotLayout {
  const paths: string[] = [];
  const min: number[] = [];
  const max: number[] = [];
  const groups: SlotGroup[] = [];
  const group = (kind: SlotGroup['kind'], actor: string, keys: readonly string[], path: (key: string) => string, low: number) => {
    groups.push({ kind, actor, keys, start: paths.length });
    for (const key of keys) {
      paths.push(path(key));
      min.push(low);
      max.push(1);
    }
  };
  const ids = shape.actors.map((actor) => actor.id);
  group('indicators', '', shape.indicators, (key) => `ind.${key}`, 0);
  for (const a of ids) group('coop', a, ids.filter((b) => b !== a), (b) => `coop.${a}.${b}`, 0);
  for (const actor of shape.actors) {
    group('stance', actor.id, shape.issues, (issue) => `stance.${actor.id}.${issue}`, -1);
    group('salience', actor.id, shape.issues, (issue) => `salience.${actor.id}.${issue}`, 0);
    group('attrs', actor.id, actor.attrs, (name) => `attr.${actor.id}.${name}`, 0);
  }
  const indexOf = (list: readonly string[]) => new Map(list.map((item, i) => [item, i]));
  return {
    size: paths.length,
    paths,
    min: Float64Array.from(min),
    max: Float64Array.from(max),
    indicators: shape.indicators,
    groups,
    actors: ids,
    actions: shape.actors.map((actor) => actor.actions),
    flags: shape.flags,
    events: shape.events,
    slotIndex: indexOf(paths),
    flagIndex: indexOf(shape.flags),
    eventIndex: indexOf(shape.events),
    actorIndex: indexOf(ids),
  };
}

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
  };
}

/** The record of numbers a slot group stands for, in a state. */
function recordOf(state: WorldState, group: SlotGroup): Readonly<Record<string, number>> {
  switch (group.kind) {
    case 'indicators': return state.indicators;
    case 'coop': return state.coop[group.actor];
    default: return state.actors[group.actor][group.kind];
  }
}

/** Load a state into a frame (a new one unless given). */
export function loadFrame(layout: SlotLayout, state: WorldState, frame: Frame = newFrame(layout)): Frame {
  frame.turn = state.turn;
  const { values } = frame;
  for (const group of layout.groups) {
    const record = recordOf(state, group);
    const { keys, start } = group;
    for (let k = 0; k < keys.length; k += 1) values[start + k] = record[keys[k]];
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
  layout.actors.forEach((id, a) => {
    const action = state.actions[id];
    frame.chosen[a] = action === undefined ? -1 : layout.actions[a].indexOf(action);
  });
  frame.scheduled = [...state.scheduled];
  return frame;
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
}

/**
 * Whether two layouts put the same values, flags, events and actions in the
 * same places, so that frames of the one compare slot by slot with frames of
 * the other (a scenario and its variants do; two scenario files may not).
 */
export function sameShape(a: SlotLayout, b: SlotLayout): boolean {
  if (a === b) return true;
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((item, i) => item === y[i]);
  return same(a.paths, b.paths)
    && same(a.flags, b.flags)
    && same(a.events, b.events)
    && same(a.actors, b.actors)
    && a.actions.every((list, i) => same(list, b.actions[i]));
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
    && sameSchedule(a.scheduled, b.scheduled);
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function sameSchedule(a: readonly ScheduledEvent[], b: readonly ScheduledEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.turn !== y.turn || x.event !== y.event || x.by !== y.by)) return false;
  }
  return true;
}

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
    const record = recordOf(base, group);
    const { keys, start } = group;
    let next: Record<string, number> | null = null;
    for (let k = 0; k < keys.length; k += 1) {
      const value = values[start + k];
      const was = record[keys[k]];
      if (was === value) continue;
      next ??= { ...record };
      next[keys[k]] = value;
      changedValues.push({ kind: group.kind, actor: group.actor, key: keys[k], from: was, to: value });
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
      actors[group.actor] = Object.freeze({ ...actors[group.actor], [group.kind]: next });
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
    const id = layout.events[i];
    const tally = base.events[id];
    if (tally !== undefined && tally.count === frame.count[i] && tally.first === frame.first[i] && tally.last === frame.last[i]) continue;
    events ??= { ...base.events };
    events[id] = Object.freeze({ first: frame.first[i], last: frame.last[i], count: frame.count[i] });
    changedEvents.push(id);
  }
  if (events !== null) parts.events = Object.freeze(events);

  const scheduled = !sameSchedule(base.scheduled, frame.scheduled);
  if (scheduled) parts.scheduled = Object.freeze(frame.scheduled.map((entry) => Object.freeze(entry)));
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
      record[key] = frame.values[group.start + k];
    });
    Object.freeze(record);
    if (group.kind === 'indicators') Object.assign(indicators, record);
    else if (group.kind === 'coop') coop[group.actor] = record;
    else actors[group.actor][group.kind] = record;
  }
  const flags: Record<string, boolean> = {};
  layout.flags.forEach((flag, i) => {
    flags[flag] = frame.flags[i] === 1;
  });
  const events: Record<string, EventTally> = {};
  for (const i of firingOrder(frame)) {
    events[layout.events[i]] = Object.freeze({ first: frame.first[i], last: frame.last[i], count: frame.count[i] });
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
  });
}

/** The indices of the events that have fired, in the order they first fired. */
function firingOrder(frame: Frame): number[] {
  const fired: number[] = [];
  for (let i = 0; i < frame.count.length; i += 1) if (frame.count[i] > 0) fired.push(i);
  return fired.sort((a, b) => frame.first[a] - frame.first[b] || a - b);
}

function actionsOf(layout: SlotLayout, frame: Frame): Record<string, string> {
  const actions: Record<string, string> = {};
  layout.actors.forEach((id, a) => {
    const index = frame.chosen[a];
    if (index >= 0) actions[id] = layout.actions[a][index];
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

/** A frame holding a state, with the turn and choices of an evaluation context. */
export function frameWith(layout: SlotLayout, state: WorldState, ctx: EvalContext): Frame {
  const frame = frameFor(layout, state);
  frame.turn = ctx.turn;
  layout.actors.forEach((id, a) => {
    const action = ctx.choices[id];
    frame.chosen[a] = action === undefined ? -1 : layout.actions[a].indexOf(action);
  });
  return frame;
}
