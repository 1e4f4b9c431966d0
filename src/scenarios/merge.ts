import type { Problem } from './problem.js';
import { childOrigin, type Origin } from './origin.js';
import { suggest } from './suggest.js';
import { editAsList, isListEdit, warnNewParams, warnReplaced } from './list-edit.js';

// How a file that `extends:` another changes it. Maps merge key by key, lists of
// things with ids merge by id, every other value (scalars, lists without ids)
// replaces the base's, and null removes a key. The base is never modified.

type Part = string | number;
type Data = Record<string, unknown>;

/** Data together with where each part of it was written. */
export interface Sourced {
  readonly value: unknown;
  readonly origin: Origin;
}

/** Which keys hold lists merged by id, and the same for the items of those lists. */
export interface Shape {
  readonly lists?: Readonly<Record<string, Shape>>;
  /** New items go before the base's last item when it is a catch-all (no `when`). */
  readonly beforeCatchAll?: boolean;
  /**
   * A plain list replaces the base's (effect lists, whose items had no ids
   * before format 2); only an edit map (`{ add, change, remove }`) edits it by id.
   */
  readonly plainReplaces?: boolean;
  /** What an item of this list is called in messages. */
  readonly noun?: string;
}

const EFFECTS: Shape = { plainReplaces: true, noun: 'effect' };
const SCENARIO: Shape = {
  lists: {
    issues: { noun: 'issue' },
    actors: { noun: 'actor', lists: { actions: { noun: 'action', lists: { effects: EFFECTS } } } },
    indicators: { noun: 'indicator' },
    rules: { noun: 'rule', lists: { effects: EFFECTS } },
    metrics: { noun: 'metric' },
    outcomes: { noun: 'outcome', beforeCatchAll: true },
    variants: { noun: 'variant' },
    dynamics: { ...EFFECTS, noun: 'line of dynamics' },
  },
};

function isData(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The path of the first list an extending file's data edits with
 * `{ add, change, remove }` (a construct of format 2), or null when it edits none.
 */
export function firstListEdit(value: unknown, shape: Shape = SCENARIO, path: readonly Part[] = []): Part[] | null {
  if (!isData(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const listShape = shape.lists?.[key];
    if (listShape === undefined) continue;
    if (isListEdit(child)) return [...path, key];
    const items = Array.isArray(child) ? child.map((item, i) => [i, item] as const) : [];
    for (const [i, item] of items) {
      const inner = firstListEdit(item, listShape, [...path, key, i]);
      if (inner !== null) return inner;
    }
  }
  return null;
}

/** Merge an extending file's data over its base; problems and warnings are paths in the overlay. */
export function mergeScenario(base: Sourced, overlay: Sourced, problems: Problem[], warnings: Problem[] = []): Sourced {
  const value = isData(overlay.value) ? Object.fromEntries(Object.entries(overlay.value).filter(([key]) => key !== 'extends')) : overlay.value;
  if (isData(base.value) && isData(value)) warnNewParams(base.value, value, overlay.origin.path, warnings);
  return mergeValue(base, { value, origin: overlay.origin }, SCENARIO, problems, warnings);
}

function mergeValue(base: Sourced, overlay: Sourced, shape: Shape, problems: Problem[], warnings: Problem[] = []): Sourced {
  if (!isData(base.value) || !isData(overlay.value)) return overlay;
  const result: Data = {};
  const children = new Map<Part, Origin>();
  const put = (key: string, sourced: Sourced) => {
    Object.defineProperty(result, key, { value: sourced.value, enumerable: true, writable: true, configurable: true });
    children.set(key, sourced.origin);
  };
  for (const [key, baseChild] of Object.entries(base.value)) {
    const from = { value: baseChild, origin: childOrigin(base.origin, key) ?? base.origin };
    if (!Object.hasOwn(overlay.value, key)) {
      put(key, from);
      continue;
    }
    const over = { value: overlay.value[key], origin: childOrigin(overlay.origin, key) ?? overlay.origin };
    if (over.value === null) continue;
    const listShape = shape.lists?.[key];
    if (listShape !== undefined && Array.isArray(from.value) && isListEdit(over.value)) {
      put(key, mergeList(from, editAsList(over, problems), listShape, problems, warnings));
    } else if (listShape !== undefined && Array.isArray(from.value) && Array.isArray(over.value) && listShape.plainReplaces !== true) {
      put(key, mergeList(from, over, listShape, problems, warnings));
    } else {
      if (listShape?.plainReplaces === true && Array.isArray(from.value) && Array.isArray(over.value)) {
        warnReplaced(key, from.value, over.value, over.origin.path, warnings);
      }
      if (key === 'changes' && shape.noun === 'variant') warnChangesReplaced(from.value, over.value, [...over.origin.path], ['changes'], warnings);
      put(key, isData(from.value) && isData(over.value) ? mergeValue(from, over, {}, problems, warnings) : over);
    }
  }
  for (const [key, value] of Object.entries(overlay.value)) {
    if (Object.hasOwn(base.value, key) || value === null) continue;
    const over = { value, origin: childOrigin(overlay.origin, key) ?? overlay.origin };
    const listShape = shape.lists?.[key];
    // An edit of a list the base leaves out (at its default, empty) edits the empty list.
    put(key, listShape !== undefined && isListEdit(value)
      ? mergeList({ value: [], origin: over.origin }, editAsList(over, problems), listShape, problems, warnings)
      : over);
  }
  return { value: result, origin: { ...overlay.origin, children } };
}

/**
 * A variant's `changes:` is data merged key by key, so where an overlay and its
 * base both write a list at the same place in it (the `add:` of one list, say),
 * the overlay's list replaces the base's: say so, naming what is dropped.
 */
function warnChangesReplaced(base: unknown, over: unknown, path: readonly Part[], inside: readonly string[], warnings: Problem[]): void {
  if (Array.isArray(base) && Array.isArray(over)) {
    const kept = new Set(over.map((item) => JSON.stringify(item)));
    const dropped = base.filter((item) => !kept.has(JSON.stringify(item)));
    if (dropped.length === 0) return;
    const named = dropped.map((item) => idOf(item) ?? (typeof item === 'string' ? item : null)).filter((name): name is string => name !== null);
    warnings.push({
      path: [...path],
      message: `replaces the base variant's \`${inside.join('.')}\` and drops ${named.length > 0 ? named.map((name) => `\`${name}\``).join(', ') : `${dropped.length} of its items`}: ` +
        'edits in a variant\'s `changes:` do not combine across files; write the whole list here',
    });
    return;
  }
  if (!isData(base) || !isData(over)) return;
  for (const [key, value] of Object.entries(over)) {
    if (Object.hasOwn(base, key)) warnChangesReplaced(base[key], value, [...path, key], [...inside, key], warnings);
  }
}

/** Why nothing in a base's list can be named: its entries have no ids (effect lists written before format 2). */
function noIds(count: number): string {
  if (count === 0) return ': its list is empty';
  const which = count === 1 ? 'its one entry has no `id`' : `none of its ${count} entries has an \`id\``;
  return `: ${which} to name it by; give ids in the base, or write the whole list here (it replaces the base's)`;
}

function idOf(item: unknown): string | null {
  return isData(item) && typeof item.id === 'string' ? item.id : null;
}

function mergeList(base: Sourced, overlay: Sourced, shape: Shape, problems: Problem[], warnings: Problem[]): Sourced {
  const items: Sourced[] = (base.value as unknown[]).map((value, i) => ({ value, origin: childOrigin(base.origin, i) ?? base.origin }));
  const added: Sourced[] = [];
  const seen = new Set<string>();
  (overlay.value as unknown[]).forEach((value, i) => {
    const origin = childOrigin(overlay.origin, i) ?? overlay.origin;
    const path = [...(overlay.origin.children === undefined ? [...overlay.origin.path, i] : origin.path)];
    const id = idOf(value);
    if (id === null) {
      problems.push({ path: [...path], message: 'needs an `id`: the id of the base item it changes or removes, or a new id to add an item' });
      return;
    }
    if (seen.has(id)) {
      problems.push({ path: [...path, 'id'], message: `\`${id}\` appears twice in this list; change an item in one place` });
      return;
    }
    seen.add(id);
    const { remove, ...fields } = value as Data;
    const at = items.findIndex((item) => idOf(item.value) === id);
    if (remove === true) {
      if (at < 0) {
        const known = items.map((item) => idOf(item.value)).filter((known): known is string => known !== null);
        problems.push({ path: [...path, 'id'], message: `cannot remove \`${id}\`: the base has no such ${shape.noun ?? 'item'}${known.length === 0 ? noIds(items.length) : suggest(id, known)}` });
      } else {
        items.splice(at, 1);
      }
      return;
    }
    const item = { value: fields, origin };
    if (at >= 0) {
      items[at] = mergeValue(items[at]!, item, shape, problems, warnings);
    } else if (remove === false) {
      const known = items.map((each) => idOf(each.value)).filter((each): each is string => each !== null);
      problems.push({ path: [...path, 'id'], message: `cannot change \`${id}\`: the base has no such ${shape.noun ?? 'item'}${known.length === 0 ? noIds(items.length) : suggest(id, known)}` });
    } else {
      const known = items.map((each) => idOf(each.value)).filter((each): each is string => each !== null);
      const close = suggest(id, known);
      if (close !== '') warnings.push({ path: [...path, 'id'], message: `adds a new ${shape.noun ?? 'item'} \`${id}\`, as the base has none with this id${close}` });
      added.push(item);
    }
  });
  const last = items[items.length - 1];
  const catchAll = shape.beforeCatchAll === true && last !== undefined && isData(last.value) && last.value.when === undefined;
  const merged = catchAll ? [...items.slice(0, -1), ...added, last] : [...items, ...added];
  const children = new Map<Part, Origin>(merged.map((item, i) => [i, item.origin]));
  return { value: merged.map((item) => item.value), origin: { ...overlay.origin, children } };
}
