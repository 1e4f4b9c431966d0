import { describe, expect, it } from 'vitest';
import { round } from '../../src/engine/effects.js';
import { run } from '../../src/engine/run.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { numbersOf } from '../helpers.js';

describe('ranges', () => {
  for (const variant of [null, 'us-withdrawal', 'russian-expansion', 'negotiated-stay', 'insurgent-surge']) {
    it(`keeps every indicator, stance and cooperation level in range and rounded (${variant ?? 'baseline'})`, () => {
      const scenario = loadScenario('niger-2024', variant);
      for (let seed = 0; seed < 60; seed += 1) {
        const history = run(scenario, { seed: seed * 7919, turns: 36 });
        for (const turn of history.kept) {
          for (const { where, value, min, max } of numbersOf(turn.state)) {
            if (!(Number.isFinite(value) && value >= min && value <= max && round(value) === value)) {
              throw new Error(`seed ${seed * 7919} turn ${turn.turn}: ${where} = ${value} is out of [${min}, ${max}] or unrounded`);
            }
          }
        }
      }
    });
  }

  it('keeps values in range when an intervention sets one far outside it', () => {
    const scenario = loadScenario('niger-2024');
    const history = run(scenario, { seed: 1, turns: 3, interventions: [{ kind: 'set', path: 'ind.insurgency', value: 7, turn: 1 }] });
    expect(history.kept[1]!.state.indicators.insurgency).toBeLessThanOrEqual(1);
  });
});
