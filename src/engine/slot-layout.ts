import type { SlotGroup, SlotLayout } from './types.js';

// Where every number of a scenario's state lives in a frame: one slot each in
// a Float64Array, fixed when the scenario is compiled, and the indices of its
// flags, events and actors. Expressions and effects are compiled against the
// slots. The types live with the other engine types, which name them (a
// compiled expression reads a frame; a scenario has a layout).
export type { SlotGroup, SlotLayout } from './types.js';

/** What a layout is built from: the scenario's declared names, in order. */
export interface SlotShape {
  readonly indicators: readonly string[];
  readonly issues: readonly string[];
  readonly actors: readonly { readonly id: string; readonly attrs: readonly string[]; readonly actions: readonly string[] }[];
  readonly flags: readonly string[];
  readonly events: readonly string[];
  /** The metrics with a running value over the run; left out when none. */
  readonly tracks?: readonly string[];
  /** Slots on their own scale, by path: [lowest, highest] instead of [0, 1]. */
  readonly ranges?: ReadonlyMap<string, readonly [number, number]>;
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
      const at = path(key);
      const range = shape.ranges?.get(at);
      paths.push(at);
      min.push(range?.[0] ?? low);
      max.push(range?.[1] ?? 1);
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
    ...(shape.tracks === undefined || shape.tracks.length === 0 ? {} : { tracks: shape.tracks }),
  };
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
    && a.actions.every((list, i) => same(list, b.actions[i] ?? []));
}
