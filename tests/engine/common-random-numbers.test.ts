import { describe, expect, it } from 'vitest';
import { branch, advanceTo, startHistory } from '../../src/engine/history.js';
import { run } from '../../src/engine/run.js';
import type { Intervention, WorldState } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { hashes } from '../helpers.js';

const scenario = loadScenario('niger-2024');

describe('common random numbers', () => {
  const cases: [string, (k: number) => Intervention][] = [
    ['forcing an event', (k) => ({ kind: 'force', event: 'us-withdrawal-announced', turn: k })],
    ['blocking an event', (k) => ({ kind: 'block', event: 'russian-supplies', from: k, to: 24 })],
    ['setting a value', (k) => ({ kind: 'set', path: 'ind.insurgency', value: 0.95, turn: k })],
    ['choosing an action', (k) => ({ kind: 'choose', actor: 'usa', action: 'withdraw', turn: k })],
  ];
  for (const [name, make] of cases) {
    it(`keeps every state before turn k identical when ${name} at turn k`, () => {
      for (const k of [1, 4, 9]) {
        for (const seed of [1, 2, 3]) {
          const base = hashes(run(scenario, { seed, turns: 24 }));
          const changed = hashes(run(scenario, { seed, turns: 24, interventions: [make(k)] }));
          expect(changed.slice(0, k)).toEqual(base.slice(0, k));
        }
      }
    });
  }

  it('makes a forced event change the run from its turn on', () => {
    const base = hashes(run(scenario, { seed: 11, turns: 12 }));
    const forced = hashes(run(scenario, { seed: 11, turns: 12, interventions: [{ kind: 'set', path: 'ind.usPresence', value: 0, turn: 5 }] }));
    expect(forced[5]).not.toBe(base[5]);
  });

  it('keeps a variant identical to its baseline before the variant intervenes', () => {
    const base = hashes(run(scenario, { seed: 3, turns: 24 }));
    const variant = hashes(run(loadScenario('niger-2024', 'us-withdrawal'), { seed: 3, turns: 24 }));
    expect(variant[0]).toBe(base[0]);
    expect(variant[1]).not.toBe(base[1]);
  });

  it('gives a branch the same history as its parent before the fork and the same numbers after', () => {
    const parent = advanceTo(startHistory(scenario, 8, 24));
    const fork = advanceTo(branch(parent, 6, []));
    expect(hashes(fork)).toEqual(hashes(parent));
    const what = advanceTo(branch(parent, 6, [{ kind: 'force', event: 'us-withdrawal-announced', turn: 7 }]));
    expect(hashes(what).slice(0, 7)).toEqual(hashes(parent).slice(0, 7));
    const direct = run(scenario, { seed: 8, turns: 24, interventions: [{ kind: 'force', event: 'us-withdrawal-announced', turn: 7 }] });
    expect(hashes(what)).toEqual(hashes(direct));
  });

  it('refuses a branch intervention at or before the fork', () => {
    const parent = advanceTo(startHistory(scenario, 8, 24), 6);
    expect(() => branch(parent, 6, [{ kind: 'force', event: 'russian-expansion', turn: 6 }])).toThrow(/after/);
  });

  it('does not change the draws of other rules when an unrelated rule is added', () => {
    const spec = builtinSpec('niger-2024');
    const extended = compileScenario({
      ...spec,
      indicators: [...spec.indicators, { id: 'noise', title: 'Noise', description: '', initial: 0.5 }],
      rules: [
        { id: 'aaa-noise', title: 'Noise', once: false, effects: [{ add: { 'ind.noise': 0.01 } }], chance: 0.5, narrative: 'n', source: 'Modelling assumption: test' },
        ...spec.rules,
      ],
    });
    const strip = (state: WorldState) => {
      const { noise: _noise, ...indicators } = state.indicators;
      const { 'aaa-noise': _event, ...events } = state.events;
      return { ...state, indicators, events };
    };
    for (const seed of [1, 2, 3, 4]) {
      const base = run(scenario, { seed, turns: 24 });
      const more = run(extended, { seed, turns: 24 });
      expect(more.kept.some((turn) => turn.events.some((event) => event.id === 'aaa-noise'))).toBe(true);
      for (let t = 0; t <= 24; t += 1) expect(strip(more.kept[t]!.state)).toEqual(strip(base.kept[t]!.state));
    }
  });
});
