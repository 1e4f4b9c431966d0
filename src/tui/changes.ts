import type { Patch } from 'immer';
import { monthLabel } from '../engine/calendar.js';
import type { Scenario, WorldState } from '../engine/types.js';

/** One line of "what changed this turn". */
export interface Change {
  readonly kind: 'flag' | 'indicator' | 'cooperation' | 'stance' | 'salience' | 'attribute' | 'scheduled' | 'move';
  readonly label: string;
  /** Numbers before and after, for numeric changes. */
  readonly from?: number;
  readonly to?: number;
  /** Text of non-numeric changes (a flag's new value, an action's title). */
  readonly text?: string;
}

// The order the panel lists kinds in: turning points first, moves last.
const ORDER: readonly Change['kind'][] = ['flag', 'indicator', 'cooperation', 'stance', 'salience', 'attribute', 'scheduled', 'move'];

/**
 * The paths of the numbers and flags a turn changed, read from its patches: a
 * patch replaces a whole part of the state (`coop`, say), so the values under
 * its path are compared between the two states. Lists and the actions record
 * are named by their root only.
 */
function changedPaths(before: WorldState, after: WorldState, patches: readonly Patch[]): string[][] {
  const paths: string[][] = [];
  const walk = (path: string[], was: unknown, now: unknown) => {
    if (was === now) return;
    if (path.length > 0 && (path[0] === 'scheduled' || path[0] === 'actions')) {
      paths.push(path.slice(0, 1));
      return;
    }
    if (typeof now === 'object' && now !== null && !Array.isArray(now)) {
      const old = typeof was === 'object' && was !== null ? (was as Record<string, unknown>) : {};
      for (const key of Object.keys(now)) walk([...path, key], old[key], (now as Record<string, unknown>)[key]);
      return;
    }
    paths.push(path);
  };
  for (const patch of patches) {
    const path = patch.path.map(String);
    walk(path, valueAt(before, path), valueAt(after, path));
  }
  return paths;
}

function valueAt(state: WorldState, path: readonly string[]): unknown {
  let value: unknown = state;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * What changed in a turn, read from the turn's Immer patches against the
 * state before it. Event tallies and the turn counter are left out: the
 * events panel shows the events.
 */
export function changesOf(scenario: Scenario, before: WorldState, after: WorldState, patches: readonly Patch[]): Change[] {
  const out: Change[] = [];
  const seenPairs = new Set<string>();
  for (const path of changedPaths(before, after, patches)) {
    const [root, a, b, c] = path;
    if (root === 'indicators' && a !== undefined) {
      const title = scenario.indicators.find((item) => item.id === a)?.title ?? a;
      out.push({ kind: 'indicator', label: title, from: before.indicators[a], to: after.indicators[a] });
    } else if (root === 'coop' && a !== undefined && b !== undefined) {
      const key = scenario.symmetricCooperation ? [a, b].sort().join('|') : `${a}|${b}`;
      if (seenPairs.has(key)) continue;
      seenPairs.add(key);
      const [x, y] = scenario.symmetricCooperation ? orderedPair(scenario, a, b) : [a, b];
      out.push({ kind: 'cooperation', label: `${x}–${y}`, from: before.coop[x]?.[y], to: after.coop[x]?.[y] });
    } else if (root === 'actors' && a !== undefined && (b === 'stance' || b === 'salience' || b === 'attrs') && c !== undefined) {
      const kind = b === 'stance' ? 'stance' : b === 'salience' ? 'salience' : 'attribute';
      const label = b === 'salience' ? `${a} ${c} salience` : `${a} ${c}`;
      out.push({ kind, label, from: before.actors[a]?.[b][c], to: after.actors[a]?.[b][c] });
    } else if (root === 'flags' && a !== undefined) {
      out.push({ kind: 'flag', label: a, text: after.flags[a] ? 'on' : 'off' });
    } else if (root === 'scheduled') {
      // Array patches come by index; compare the lists instead.
      if (out.some((change) => change.kind === 'scheduled')) continue;
      for (const entry of after.scheduled) {
        if (before.scheduled.some((old) => old.event === entry.event && old.turn === entry.turn)) continue;
        out.push({ kind: 'scheduled', label: entry.event, text: monthLabel(scenario.start, entry.turn) });
      }
    } else if (root === 'actions') {
      if (out.some((change) => change.kind === 'move')) continue;
      for (const actor of scenario.actors) {
        const action = after.actions[actor.id];
        if (action === undefined || action === before.actions[actor.id]) continue;
        const title = actor.actions.find((item) => item.id === action)?.title ?? action;
        out.push({ kind: 'move', label: actor.id, text: title });
      }
    }
  }
  return out
    .filter((change) => change.from === undefined || change.to === undefined || change.from !== change.to)
    .map((change, index) => ({ change, index }))
    .sort((x, y) => ORDER.indexOf(x.change.kind) - ORDER.indexOf(y.change.kind) || x.index - y.index)
    .map(({ change }) => change);
}

// Symmetric pairs are named in the scenario's actor order (niger–usa, not usa–niger).
function orderedPair(scenario: Scenario, a: string, b: string): [string, string] {
  const index = (id: string) => scenario.actors.findIndex((actor) => actor.id === id);
  return index(a) <= index(b) ? [a, b] : [b, a];
}
