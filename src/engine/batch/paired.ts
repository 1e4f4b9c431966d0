import type { Scenario } from '../types.js';
import { toMicro } from './grid.js';
import type { Named } from './batch-layout.js';
import type { PairedRun } from './pair.js';

/** What a comparison counts: the events, metrics and outcome classes both scenarios have. */
export interface PairedLayout {
  readonly turns: number;
  readonly events: readonly Named[];
  readonly metrics: readonly Named[];
  readonly outcomes: readonly Named[];
}

/** The layout of a comparison of `base` with `variant`: what they have in common, in the base's order. */
export function pairedLayoutOf(base: Scenario, variant: Scenario, turns: number): PairedLayout {
  const common = <T extends Named>(left: readonly T[], right: readonly T[]): Named[] => {
    const ids = new Set(right.map((item) => item.id));
    return left.filter((item) => ids.has(item.id)).map(({ id, title }) => ({ id, title }));
  };
  return {
    turns,
    events: common(base.rules, variant.rules),
    metrics: common(base.metrics, variant.metrics),
    outcomes: common(base.outcomes, variant.outcomes),
  };
}

/** The raw counts of a paired tally, cheap to send between threads. */
export interface PairedData {
  readonly runs: number;
  /** Per event (and per outcome class): runs where it happened in both, base only, variant only. */
  readonly events: Float64Array;
  readonly outcomes: Float64Array;
  /** Per metric, exact sums of the base value, the variant value, and the squared difference, in micro-units. */
  readonly metricBase: readonly bigint[];
  readonly metricVariant: readonly bigint[];
  readonly metricSquares: readonly bigint[];
  /** How many pairs first diverged at turn 0..turns. */
  readonly divergence: Float64Array;
}

/** A comparison's streaming aggregate: integer counts and exact sums, mergeable in any order. */
export class PairedTally {
  runs = 0;
  readonly events: Float64Array;
  readonly outcomes: Float64Array;
  readonly metricBase: bigint[];
  readonly metricVariant: bigint[];
  readonly metricSquares: bigint[];
  readonly divergence: Float64Array;

  constructor(readonly layout: PairedLayout) {
    this.events = new Float64Array(layout.events.length * 3);
    this.outcomes = new Float64Array(layout.outcomes.length * 3);
    this.metricBase = layout.metrics.map(() => 0n);
    this.metricVariant = layout.metrics.map(() => 0n);
    this.metricSquares = layout.metrics.map(() => 0n);
    this.divergence = new Float64Array(layout.turns + 1);
  }

  /** Count one paired run. */
  addPair(pair: PairedRun): void {
    const { base, variant } = pair;
    this.layout.events.forEach((event, index) => {
      countPaired(this.events, index, base.firstFired[event.id] !== undefined, variant.firstFired[event.id] !== undefined);
    });
    this.layout.outcomes.forEach((klass, index) => {
      countPaired(this.outcomes, index, base.outcome.class === klass.id, variant.outcome.class === klass.id);
    });
    this.layout.metrics.forEach((metric, index) => {
      const left = BigInt(toMicro(base.outcome.metrics[metric.id] ?? 0));
      const right = BigInt(toMicro(variant.outcome.metrics[metric.id] ?? 0));
      this.metricBase[index]! += left;
      this.metricVariant[index]! += right;
      this.metricSquares[index]! += (right - left) * (right - left);
    });
    if (pair.divergedAt !== null) this.divergence[pair.divergedAt]! += 1;
    this.runs += 1;
  }

  /** Add another paired tally's counts (same layout) to this one. */
  add(other: PairedData): void {
    this.runs += other.runs;
    addInto(this.events, other.events);
    addInto(this.outcomes, other.outcomes);
    addInto(this.divergence, other.divergence);
    for (let index = 0; index < this.metricBase.length; index += 1) {
      this.metricBase[index]! += other.metricBase[index]!;
      this.metricVariant[index]! += other.metricVariant[index]!;
      this.metricSquares[index]! += other.metricSquares[index]!;
    }
  }

  /** The raw counts. */
  data(): PairedData {
    const { runs, events, outcomes, metricBase, metricVariant, metricSquares, divergence } = this;
    return { runs, events, outcomes, metricBase, metricVariant, metricSquares, divergence };
  }
}

function countPaired(counts: Float64Array, index: number, inBase: boolean, inVariant: boolean): void {
  if (inBase && inVariant) counts[index * 3]! += 1;
  else if (inBase) counts[index * 3 + 1]! += 1;
  else if (inVariant) counts[index * 3 + 2]! += 1;
}

function addInto(target: Float64Array, source: ArrayLike<number>): void {
  if (source.length !== target.length) throw new RangeError('cannot add tallies of different layouts');
  for (let index = 0; index < target.length; index += 1) target[index]! += source[index]!;
}
