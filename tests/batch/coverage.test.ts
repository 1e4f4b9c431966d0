import { describe, expect, it } from 'vitest';
import { summarizeComparison } from '../../src/engine/batch/comparison.js';
import { runPair } from '../../src/engine/batch/pair.js';
import { PairedTally, pairedLayoutOf } from '../../src/engine/batch/paired.js';
import { scenarioInfo, summarizeBatch } from '../../src/engine/batch/summary.js';
import { deriveSeed } from '../../src/engine/random.js';
import { coin, tallyOf } from './helpers.js';

// The coin comes up heads with a known chance, p = 0.3 (0.5 in its `biased`
// variant). Every figure below is fixed by its seeds, so these tests cannot
// flake; they check that the intervals are honest about that chance.

const covers = (interval: readonly [number, number] | null, value: number) =>
  interval !== null && interval[0] <= value && value <= interval[1];

describe('intervals on a rule with a known chance', () => {
  const scenario = coin();

  it('estimates p = 0.3 and its 95% intervals cover it in one large batch', () => {
    const summary = summarizeBatch(1, scenarioInfo(scenario), tallyOf(scenario, 1, 1, 0, 4000));
    expect(Math.abs(summary.events.heads!.p - 0.3)).toBeLessThan(0.03);
    expect(covers(summary.events.heads!.ci95, 0.3)).toBe(true);
    expect(covers(summary.outcomes.heads!.ci95, 0.3)).toBe(true);
    expect(covers(summary.metrics.heads!.ci95, 0.3)).toBe(true);
    expect(summary.events.heads!.byTurn).toEqual([0, summary.events.heads!.p]);
  });

  it('covers p = 0.3 in about 95% of 300 batches of 100 runs (Wilson)', () => {
    let covered = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const summary = summarizeBatch(seed, scenarioInfo(scenario), tallyOf(scenario, seed, 1, 0, 100, false));
      if (covers(summary.events.heads!.ci95, 0.3)) covered += 1;
    }
    // Binomial(300, 0.95) is within 0.90..0.99 with overwhelming probability.
    expect(covered / 300).toBeGreaterThan(0.9);
    expect(covered / 300).toBeLessThan(0.99);
  });

  it('covers the paired difference 0.5 - 0.3 = 0.2 in about 95% of 200 comparisons (Newcombe, and t for the metric)', () => {
    const biased = coin('biased');
    let eventCovered = 0;
    let metricCovered = 0;
    for (let batch = 1; batch <= 200; batch += 1) {
      const tally = new PairedTally(pairedLayoutOf(scenario, biased, 1));
      for (let index = 0; index < 100; index += 1) tally.addPair(runPair(scenario, biased, deriveSeed(batch, index), 1));
      const comparison = summarizeComparison(batch, scenarioInfo(scenario), scenarioInfo(biased), tally);
      // Common random numbers: heads at p = 0.3 implies heads at p = 0.5, never the other way.
      expect(comparison.events.heads!.baseOnly).toBe(0);
      if (covers(comparison.events.heads!.ci95, 0.2)) eventCovered += 1;
      if (covers(comparison.metrics.heads!.ci95, 0.2)) metricCovered += 1;
    }
    expect(eventCovered / 200).toBeGreaterThan(0.9);
    expect(metricCovered / 200).toBeGreaterThan(0.88);
  });
});
