import { describe, expect, it } from 'vitest';
import { loadFrame, sameFrame } from '../../src/engine/frame.js';
import { stateOf } from '../../src/engine/frame-state.js';
import { hashOf } from '../../src/engine/hash.js';
import { planRun, stepper } from '../../src/engine/plan.js';
import { run } from '../../src/engine/run.js';
import type { WorldState } from '../../src/engine/types.js';
import { loadScenario } from '../../src/scenarios/load.js';

const scenario = loadScenario('niger-2024');
const { layout } = scenario;
const history = run(scenario, { seed: 2024, turns: 24 });

/** Every record of a state, by path, for checking what is shared between two states. */
function records(state: WorldState): Map<string, object> {
  const out = new Map<string, object>([['indicators', state.indicators], ['flags', state.flags], ['events', state.events]]);
  for (const [id, row] of Object.entries(state.coop)) out.set(`coop.${id}`, row);
  for (const [id, actor] of Object.entries(state.actors)) {
    out.set(`actors.${id}`, actor);
    for (const field of ['stance', 'salience', 'attrs'] as const) out.set(`actors.${id}.${field}`, actor[field]);
  }
  return out;
}

describe('a frame', () => {
  it('holds a state exactly: loading a state and building it again gives the same data, keys in the same order', () => {
    for (const turn of history.kept) {
      const again = stateOf(layout, loadFrame(layout, turn.state));
      expect(JSON.stringify(again)).toBe(JSON.stringify(turn.state));
      expect(hashOf(again)).toBe(turn.hash);
    }
  });

  it('is what the batch path steps: its state after every turn is the interactive path\'s', () => {
    const fast = stepper(planRun(scenario, { seed: 2024, turns: 24 }));
    for (let turn = 1; turn <= 24; turn += 1) {
      fast.step();
      expect(JSON.stringify(fast.state())).toBe(JSON.stringify(history.kept[turn]!.state));
    }
  });

  it('compares equal exactly when the states it holds are equal', () => {
    const states = history.kept.map((turn) => turn.state);
    for (let a = 0; a < states.length; a += 6) {
      for (let b = 0; b < states.length; b += 4) {
        expect(sameFrame(loadFrame(layout, states[a]!), loadFrame(layout, states[b]!))).toBe(hashOf(states[a]) === hashOf(states[b]));
      }
    }
  });
});

describe('an interactive step', () => {
  it('lists what changed: exactly the numbers, flags, event tallies and choices that differ from the previous state', () => {
    for (let turn = 1; turn <= 24; turn += 1) {
      const before = history.kept[turn - 1]!.state;
      const after = history.kept[turn]!.state;
      const { changes } = history.kept[turn]!;
      const was = loadFrame(layout, before).values;
      const now = loadFrame(layout, after).values;
      const differing = layout.paths.filter((_, slot) => was[slot] !== now[slot]);
      const listed = changes.values.map((change) => {
        const group = layout.groups.find((item) => item.kind === change.kind && item.actor === change.actor)!;
        const slot = group.start + group.keys.indexOf(change.key);
        expect([change.from, change.to]).toEqual([was[slot], now[slot]]);
        return layout.paths[slot];
      });
      expect(listed).toEqual(differing);
      expect(changes.flags).toEqual(layout.flags.filter((flag) => before.flags[flag] !== after.flags[flag]));
      const tally = (state: WorldState, id: string) => JSON.stringify(state.events[id] ?? null);
      expect([...changes.events].sort()).toEqual(layout.events.filter((id) => tally(before, id) !== tally(after, id)).sort());
      expect(changes.scheduled).toBe(JSON.stringify(before.scheduled) !== JSON.stringify(after.scheduled));
      expect(changes.actions).toEqual(layout.actors.filter((id) => before.actions[id] !== after.actions[id]));
    }
    expect(history.kept[0]!.changes.values).toEqual([]);
  });

  it('shares every record that did not change with the previous state, and builds anew only those that did', () => {
    let shared = 0;
    for (let turn = 1; turn <= 24; turn += 1) {
      const before = records(history.kept[turn - 1]!.state);
      for (const [path, record] of records(history.kept[turn]!.state)) {
        const old = before.get(path)!;
        const same = JSON.stringify(old) === JSON.stringify(record);
        expect(record === old, `${path} at turn ${turn}`).toBe(same);
        if (same) shared += 1;
      }
    }
    // niger-2024 leaves most records alone in a turn: sharing them is what keeps a history small.
    expect(shared).toBeGreaterThan(24 * 10);
  });

  it('keeps every state frozen, down to its numbers\' records', () => {
    for (const turn of history.kept) {
      for (const [path, record] of records(turn.state)) expect(Object.isFrozen(record), path).toBe(true);
      expect(Object.isFrozen(turn.state.scheduled)).toBe(true);
    }
  });
});
