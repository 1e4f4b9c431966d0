import { describe, expect, it } from 'vitest';
import { summarizeComparison } from '../../src/engine/batch/comparison.js';
import { runPair } from '../../src/engine/batch/pair.js';
import { PairedTally, pairedLayoutOf } from '../../src/engine/batch/paired.js';
import { scenarioInfo } from '../../src/engine/batch/summary.js';
import { hashOf } from '../../src/engine/hash.js';
import { deriveSeed } from '../../src/engine/random.js';
import { runFast } from '../../src/engine/run.js';
import type { Scenario } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, loadScenario } from '../../src/scenarios/load.js';
import { coin } from './helpers.js';

const base = loadScenario('niger-2024');

function compare(left: Scenario, right: Scenario, runs: number, turns: number, seed = 1) {
  const tally = new PairedTally(pairedLayoutOf(left, right, turns));
  for (let index = 0; index < runs; index += 1) tally.addPair(runPair(left, right, deriveSeed(seed, index), turns));
  return summarizeComparison(seed, scenarioInfo(left), scenarioInfo(right), tally);
}

describe('paired comparison', () => {
  it('runs each side bit-identically to a run of its own on the same seed', () => {
    const variant = loadScenario('niger-2024', 'russian-expansion');
    for (const seed of [1, 77, 4_000_000_000]) {
      const pair = runPair(base, variant, seed, 24);
      expect(hashOf(pair.base.state)).toBe(hashOf(runFast(base, { seed, turns: 24 }).state));
      expect(hashOf(pair.variant.state)).toBe(hashOf(runFast(variant, { seed, turns: 24 }).state));
    }
  });

  it('reports zero difference and zero diverged runs for a scenario compared with itself', () => {
    const comparison = compare(base, loadScenario('niger-2024'), 60, 24);
    expect(comparison.diverged).toBe(0);
    expect(comparison.firstDivergence.min).toBeNull();
    expect(comparison.firstDivergence.byTurn.every((count) => count === 0)).toBe(true);
    for (const metric of Object.values(comparison.metrics)) {
      expect(metric.difference).toBe(0);
      expect(metric.ci95).toEqual([0, 0]);
    }
    for (const item of [...Object.values(comparison.events), ...Object.values(comparison.outcomes)]) {
      expect(item.difference).toBe(0);
      expect(item.baseOnly + item.variantOnly).toBe(0);
    }
  });

  it('compares two scenario files by what their states hold, not by where their values lie', () => {
    const spec = builtinSpec('niger-2024');
    // The same model with one more rule that never fires, and with its indicators listed in another order.
    const extraRule = compileScenario({
      ...spec,
      rules: [...spec.rules, { ...spec.rules[0]!, id: 'never', title: 'Never', when: undefined, chance: 0, once: false, effects: [] }],
    });
    const reordered = compileScenario({ ...spec, indicators: [...spec.indicators].reverse() });
    for (const other of [extraRule, reordered]) {
      const comparison = compare(base, other, 40, 24);
      expect(comparison.diverged).toBe(0);
      for (const metric of Object.values(comparison.metrics)) expect(metric.difference).toBe(0);
    }
    // Where the files differ in substance, the runs part at the first turn they can.
    const stronger = compileScenario({ ...spec, params: { ...spec.params, announceBase: 0.05 } });
    expect(compare(base, stronger, 40, 24).diverged).toBeGreaterThan(20);
  });

  it('finds us-withdrawal diverging from the baseline at its intervention turn (1), never earlier', () => {
    const comparison = compare(base, loadScenario('niger-2024', 'us-withdrawal'), 60, 24);
    expect(comparison.diverged).toBe(60);
    expect(comparison.firstDivergence.byTurn[0]).toBe(0);
    expect(comparison.firstDivergence.min).toBe(1);
    expect(comparison.events['us-withdrawal-announced']!.variant).toBe(1);
  });

  it('finds no divergence before an intervention at turn 5, and only where it changed something', () => {
    const comparison = compare(coin(), coin('forced-at-5'), 200, 8);
    expect(comparison.firstDivergence.byTurn.slice(0, 5).every((count) => count === 0)).toBe(true);
    expect(comparison.firstDivergence.min).toBe(5);
    expect(comparison.firstDivergence.max).toBe(5);
    // Runs where heads came up at turn 5 anyway are identical: they did not diverge.
    expect(comparison.diverged).toBeGreaterThan(100);
    expect(comparison.diverged).toBeLessThan(200);
  });
});
