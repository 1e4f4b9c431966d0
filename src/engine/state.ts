import type { MutableState, WorldState } from './types.js';

/** A private, writable deep copy of a state; faster than structuredClone for this one shape. */
export function cloneState(state: WorldState): MutableState {
  const actors: MutableState['actors'] = {};
  for (const id in state.actors) {
    const actor = state.actors[id];
    actors[id] = { stance: { ...actor.stance }, salience: { ...actor.salience }, attrs: { ...actor.attrs } };
  }
  const coop: MutableState['coop'] = {};
  for (const id in state.coop) coop[id] = { ...state.coop[id] };
  const events: MutableState['events'] = {};
  for (const id in state.events) events[id] = { ...state.events[id] };
  return {
    turn: state.turn,
    actors,
    coop,
    indicators: { ...state.indicators },
    flags: { ...state.flags },
    events,
    scheduled: state.scheduled.map((entry) => ({ ...entry })),
    actions: { ...state.actions },
  };
}

type Plain = Record<string, unknown>;

/**
 * Make `draft` (an Immer draft of `base`) equal to `source`, writing only what
 * differs: numbers, flags and tallies one by one, so Immer records one patch
 * per changed value and shares everything unchanged with the previous state.
 * Differences are found on the plain `base`, so only the changed paths are
 * ever drafted. Lists (the schedule) are replaced whole when they differ.
 */
export function syncState(draft: MutableState, base: WorldState, source: MutableState): void {
  syncRecord(draft as unknown as Plain, base as unknown as Plain, source as unknown as Plain);
}

/** Write into `draft` what differs between `base` and `source`; called only where something does. */
function syncRecord(draft: Plain, base: Plain, source: Plain): void {
  for (const key in base) {
    if (!Object.hasOwn(source, key)) delete draft[key];
  }
  for (const key in source) {
    const next = source[key];
    const before = base[key];
    if (next === before) continue;
    if (Array.isArray(next)) {
      if (!Array.isArray(before) || !sameList(before, next)) draft[key] = next;
    } else if (isRecord(next) && isRecord(before)) {
      // Reading draft[key] drafts that part, so only when something in it changed.
      if (differs(before, next)) syncRecord(draft[key] as Plain, before, next);
    } else {
      draft[key] = next;
    }
  }
}

/** Does anything in `source` differ from `base`? Compares without allocating. */
function differs(base: Plain, source: Plain): boolean {
  let count = 0;
  for (const key in source) {
    count += 1;
    const next = source[key];
    const before = base[key];
    if (next === before) continue;
    if (Array.isArray(next)) {
      if (!Array.isArray(before) || !sameList(before, next)) return true;
    } else if (isRecord(next) && isRecord(before)) {
      if (differs(before, next)) return true;
    } else {
      return true;
    }
  }
  for (const _key in base) count -= 1;
  return count !== 0;
}

function isRecord(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!isRecord(x) || !isRecord(y)) return false;
    const keys = Object.keys(y);
    if (Object.keys(x).length !== keys.length || keys.some((key) => x[key] !== y[key])) return false;
  }
  return true;
}
