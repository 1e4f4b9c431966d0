import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/engine/batch/batch-layout.js';
import { tallyRuns } from '../../src/engine/batch/runs.js';
import { BatchTally } from '../../src/engine/batch/tally.js';
import { SeedStates, shortKey } from '../../src/engine/random.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec } from '../../src/scenarios/load.js';

// Kept starting points of generators make studies cheaper; they must never
// change a number.

const draws = (next: () => number, count: number) => Array.from({ length: count }, () => next());

describe('kept generator states', () => {
  it('give the very numbers seeding would, first time and every time after', () => {
    const seeds = new SeedStates();
    const keys = ['decide:usa', 'rule:us-withdrawal-announced', 'rule:x', 'random:a/0'];
    for (let run = 0; run < 200; run += 1) {
      const seed = (run * 2_654_435_761) % 4_294_967_296;
      for (const key of keys) {
        const expected = draws(seedrandom.alea(`${seed}|${shortKey(key)}`), 30);
        expect(draws(seeds.generator(seed, key), 30)).toEqual(expected);
        expect(draws(seeds.generator(seed, key), 30)).toEqual(expected);
      }
    }
  });

  it('start afresh past their limit and still give the same numbers', () => {
    const seeds = new SeedStates(3);
    for (let round = 0; round < 3; round += 1) {
      for (let run = 1; run <= 5; run += 1) {
        expect(draws(seeds.generator(run, 'rule:a'), 5)).toEqual(draws(seedrandom.alea(`${run}|${shortKey('rule:a')}`), 5));
      }
    }
  });

  it('leave a batch\'s tally exactly as it is without them, point after point', () => {
    const spec = builtinSpec('niger-2024');
    const seeds = new SeedStates();
    for (const announceBase of [0.2, 0.55, 0.9]) {
      const scenario = compileScenario(spec, null, { announceBase });
      const layout = layoutOf(scenario, 12);
      const plain = new BatchTally(layout);
      const kept = new BatchTally(layout);
      tallyRuns(scenario, { seed: 5, turns: 12, from: 0, to: 150 }, plain);
      tallyRuns(scenario, { seed: 5, turns: 12, from: 0, to: 150, seeds }, kept);
      expect(kept.data()).toEqual(plain.data());
    }
  });
});
