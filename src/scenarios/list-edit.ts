import { childOrigin, type Origin } from './origin.js';
import type { Problem } from './problem.js';
import { suggest } from './suggest.js';

// The edit form of a list in a file that extends another (format 2):
//   rules: { add: [ {...} ], change: { ID: { field: value } }, remove: [ ID ] }
// It is turned into the list-of-changes form that the merge already knows
// (`{ id, ...fields }` items, `{ id, remove: true }`), so that both forms
// mean the same and are checked the same way.

type Data = Record<string, unknown>;
/** Data with where it was written (the merge's `Sourced`, restated so the two files do not import each other). */
interface Sourced {
  readonly value: unknown;
  readonly origin: Origin;
}
const EDITS = ['add', 'change', 'remove'];

function isData(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether a value is an edit map: only `add`, `change` and `remove`. An empty
 * map `{}` is the edit that changes nothing (as the JSON Schema says), not a
 * map that replaces the list.
 */
export function isListEdit(value: unknown): value is Data {
  return isData(value) && Object.keys(value).every((key) => EDITS.includes(key));
}

/** An edit map as a list of changes by id, each with the origin of what it was written as. */
export function editAsList(edit: Sourced, problems: Problem[]): Sourced {
  const value = edit.value as Data;
  const items: unknown[] = [];
  const children = new Map<string | number, Origin>();
  const push = (item: unknown, origin: Origin) => {
    children.set(items.length, origin);
    items.push(item);
  };
  const part = (key: string) => childOrigin(edit.origin, key) ?? edit.origin;
  const listOf = (key: string, what: string): unknown[] => {
    if (value[key] === undefined) return [];
    if (Array.isArray(value[key])) return value[key] as unknown[];
    problems.push({ path: [...part(key).path], message: `must be a list of ${what}` });
    return [];
  };
  listOf('add', 'new items, each with its own id').forEach((item, i) => {
    const origin = childOrigin(part('add'), i) ?? part('add');
    push(item, origin);
  });
  const change = value.change;
  if (change !== undefined && !isData(change)) {
    problems.push({ path: [...part('change').path], message: 'must be a map from the id of a base item to the fields it changes' });
  } else if (change !== undefined) {
    for (const [id, fields] of Object.entries(change)) {
      const origin = childOrigin(part('change'), id) ?? part('change');
      if (!isData(fields)) {
        problems.push({ path: [...origin.path], message: `must be a map of the fields of \`${id}\` to change` });
        continue;
      }
      // remove: false marks a change: an id the base lacks is then an error, not an addition.
      push({ ...fields, id, remove: false }, origin);
    }
  }
  listOf('remove', 'ids of base items').forEach((id, i) => {
    push({ id, remove: true }, childOrigin(part('remove'), i) ?? part('remove'));
  });
  return { value: items, origin: { ...edit.origin, children } };
}

function idOf(item: unknown): string | null {
  return isData(item) && typeof item.id === 'string' ? item.id : null;
}

/**
 * A warning when a plain list replaces a base list and drops some of its
 * items: the old meaning is kept, but it is rarely what an author adding one
 * line meant.
 */
export function warnReplaced(key: string, base: readonly unknown[], next: readonly unknown[], path: readonly (string | number)[], warnings: Problem[]): void {
  const kept = new Set(next.map((item) => idOf(item) ?? JSON.stringify(item)));
  const dropped = base.filter((item) => !kept.has(idOf(item) ?? JSON.stringify(item))).length;
  if (dropped === 0) return;
  warnings.push({
    path: [...path],
    message: `replaces the base's ${key} (${base.length} ${base.length === 1 ? 'item' : 'items'}) and drops ${dropped} of them; ` +
      `to add, change or remove single entries write \`${key}: { add: [...], change: {...}, remove: [...] }\` (format 2)`,
  });
}

/** A warning for each parameter the overlay sets that the base lacks but has one close to. */
export function warnNewParams(base: Data, overlay: Data, path: readonly (string | number)[], warnings: Problem[]): void {
  if (!isData(base.params) || !isData(overlay.params)) return;
  const known = Object.keys(base.params);
  for (const name of Object.keys(overlay.params)) {
    if (Object.hasOwn(base.params, name)) continue;
    const close = suggest(name, known);
    if (close !== '') warnings.push({ path: [...path, 'params', name], atKey: true, message: `the base has no parameter \`${name}\`, so this adds one${close}` });
  }
}
