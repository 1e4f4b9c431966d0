import { planRun, withSeed, type RunPlan } from '../plan.js';
import { deriveSeed } from '../random.js';
import type { Scenario } from '../types.js';
import { layoutOf } from './batch-layout.js';
import { summarizeComparison, type Comparison } from './comparison.js';
import { runPlans } from './pair.js';
import { PairedTally, pairedLayoutOf, type PairedData } from './paired.js';
import { inRun } from './runs.js';
import { scenarioInfo } from './summary.js';
import { BatchTally, type TallyData } from './tally.js';

/** The raw counts of a comparison, cheap to send between threads: the pairs, and each arm on its own. */
export interface ComparisonData {
  readonly paired: PairedData;
  readonly base: TallyData;
  readonly variant: TallyData;
}

/**
 * The paired runs of a comparison, counted: the differences pair by pair,
 * and each arm's own distributions (its indicators by turn, for fan charts).
 * Run i is seeded deriveSeed(seed, i) and every count is an exact integer,
 * so any split of the runs over threads gives the same counts.
 */
export class ComparisonTally {
  private readonly paired: PairedTally;
  private readonly arms: readonly [BatchTally, BatchTally];
  private readonly plans: readonly [RunPlan, RunPlan];

  constructor(private readonly base: Scenario, private readonly variant: Scenario, readonly seed: number, turns: number) {
    this.paired = new PairedTally(pairedLayoutOf(base, variant, turns));
    this.arms = [new BatchTally(layoutOf(base, turns, true)), new BatchTally(layoutOf(variant, turns, true))];
    this.plans = [planRun(base, { seed, turns }), planRun(variant, { seed, turns })];
  }

  /** Run the pairs `from` to `to` (exclusive) and count them. */
  run(from: number, to: number): void {
    for (let index = from; index < to; index += 1) {
      const seed = deriveSeed(this.seed, index);
      this.paired.addPair(inRun(index, seed, () => runPlans(withSeed(this.plans[0], seed), withSeed(this.plans[1], seed), this.arms)));
    }
  }

  /** The counts so far. */
  data(): ComparisonData {
    return { paired: this.paired.data(), base: this.arms[0].data(), variant: this.arms[1].data() };
  }

  /** Add another thread's counts (of the same comparison). */
  add(other: ComparisonData): void {
    this.paired.add(other.paired);
    this.arms[0].add(other.base);
    this.arms[1].add(other.variant);
  }

  /** The comparison the counts give (the shape of `compare --json`). */
  summary(): Comparison {
    return summarizeComparison(this.seed, scenarioInfo(this.base), scenarioInfo(this.variant), this.paired, { base: this.arms[0], variant: this.arms[1] });
  }
}
