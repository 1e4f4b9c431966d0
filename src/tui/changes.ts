import { monthLabel } from '../engine/calendar.js';
import type { Scenario, TurnChanges, ValueChange, WorldState } from '../engine/types.js';

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

const KINDS: Readonly<Record<Exclude<ValueChange['kind'], 'indicators' | 'coop'>, Change['kind']>> = {
  stance: 'stance',
  salience: 'salience',
  attrs: 'attribute',
};

/**
 * What changed in a turn, from the changes the engine's step listed and the
 * states around the turn. Event tallies and the turn counter are left out:
 * the events panel shows the events.
 */
export function changesOf(scenario: Scenario, before: WorldState, after: WorldState, changes: TurnChanges): Change[] {
  const out: Change[] = [];
  for (const flag of changes.flags) out.push({ kind: 'flag', label: flag, text: after.flags[flag] ? 'on' : 'off' });
  const seenPairs = new Set<string>();
  for (const { kind, actor, key, from, to } of changes.values) {
    if (kind === 'indicators') {
      const title = scenario.indicators.find((item) => item.id === key)?.title ?? key;
      out.push({ kind: 'indicator', label: title, from, to });
    } else if (kind === 'coop') {
      const pair = scenario.symmetricCooperation ? [actor, key].sort().join('|') : `${actor}|${key}`;
      if (seenPairs.has(pair)) continue;
      seenPairs.add(pair);
      const [x, y] = scenario.symmetricCooperation ? orderedPair(scenario, actor, key) : [actor, key];
      out.push({ kind: 'cooperation', label: `${x}–${y}`, from: before.coop[x]![y], to: after.coop[x]![y] });
    } else {
      out.push({ kind: KINDS[kind], label: kind === 'salience' ? `${actor} ${key} salience` : `${actor} ${key}`, from, to });
    }
  }
  if (changes.scheduled) {
    for (const entry of after.scheduled) {
      if (before.scheduled.some((old) => old.event === entry.event && old.turn === entry.turn)) continue;
      out.push({ kind: 'scheduled', label: entry.event, text: monthLabel(scenario.start, entry.turn) });
    }
  }
  for (const id of changes.actions) {
    const action = after.actions[id];
    if (action === undefined) continue;
    const title = scenario.actors.find((item) => item.id === id)?.actions.find((item) => item.id === action)?.title ?? action;
    out.push({ kind: 'move', label: id, text: title });
  }
  return out
    .map((change, index) => ({ change, index }))
    .sort((x, y) => ORDER.indexOf(x.change.kind) - ORDER.indexOf(y.change.kind) || x.index - y.index)
    .map(({ change }) => change);
}

// Symmetric pairs are named in the scenario's actor order (niger–usa, not usa–niger).
function orderedPair(scenario: Scenario, a: string, b: string): [string, string] {
  const index = (id: string) => scenario.actors.findIndex((actor) => actor.id === id);
  return index(a) <= index(b) ? [a, b] : [b, a];
}
