import type { Outcome } from '../outcome.js';
import type { Frame } from '../frame.js';
import { toMicro } from './grid.js';
import { BINS, binOf } from './histogram.js';
import { toShare, type BatchLayout } from './batch-layout.js';

/** The raw counts of a tally: plain typed arrays, cheap to send between threads. */
export interface TallyData {
  readonly runs: number;
  /** Per event, how many runs first fired it at turn 0..turns, then how many never did. */
  readonly firstFired: Float64Array;
  /** Per indicator and turn, the sum of its values in micro-units (exact integers). */
  readonly indicatorSums: Float64Array;
  /** Per indicator and turn, a histogram over BINS fixed bins (null when only means are kept). */
  readonly indicatorBins: Uint32Array | null;
  /** Per outcome class, how many runs ended in it. */
  readonly outcomes: Float64Array;
  /** Per metric, the sum and sum of squares of its final values in micro-units. */
  readonly metricSums: readonly bigint[];
  readonly metricSquares: readonly bigint[];
}

/**
 * A batch's streaming aggregate. Everything is an integer count or an exact
 * integer sum, so memory does not grow with the number of runs and tallies
 * merge exactly, in any order: what makes workers and shards give the same
 * result as one run after another.
 */
export class BatchTally {
  runs = 0;
  readonly firstFired: Float64Array;
  readonly indicatorSums: Float64Array;
  readonly indicatorBins: Uint32Array | null;
  readonly outcomes: Float64Array;
  readonly metricSums: bigint[];
  readonly metricSquares: bigint[];
  private readonly indicatorIds: readonly string[];
  /** Whether an indicator has a range of its own (counted as the share of it). */
  private readonly scaled: boolean;
  private readonly outcomeIndex: ReadonlyMap<string, number>;

  constructor(readonly layout: BatchLayout, data?: TallyData) {
    const turns = layout.turns + 1;
    this.indicatorIds = layout.indicators.map((item) => item.id);
    this.scaled = layout.indicators.some((item) => item.range !== undefined);
    this.outcomeIndex = new Map(layout.outcomes.map((item, index) => [item.id, index]));
    this.firstFired = new Float64Array(layout.events.length * (turns + 1));
    this.indicatorSums = new Float64Array(layout.indicators.length * turns);
    this.indicatorBins = layout.quantiles ? new Uint32Array(layout.indicators.length * turns * BINS) : null;
    this.outcomes = new Float64Array(layout.outcomes.length);
    this.metricSums = layout.metrics.map(() => 0n);
    this.metricSquares = layout.metrics.map(() => 0n);
    if (data !== undefined) this.add(data);
  }

  /**
   * Count one turn's state of the current run (call for turn 0 too). The
   * scenario's indicators are the frame's first slots, in the layout's order.
   */
  observe(frame: Frame): void {
    const turns = this.layout.turns + 1;
    const { values, turn } = frame;
    const bins = this.indicatorBins;
    const scaled = this.scaled;
    for (let i = 0; i < this.indicatorIds.length; i += 1) {
      const value = scaled ? toShare(this.layout.indicators[i]!, values[i]!) : values[i]!;
      const slot = i * turns + turn;
      this.indicatorSums[slot]! += toMicro(value);
      if (bins !== null) bins[slot * BINS + binOf(value)]! += 1;
    }
  }

  /**
   * Count the end of a run: when each event first fired, read from the
   * frame's tallies (the layout's events are the scenario's rules, in order),
   * and the outcome.
   */
  finish(frame: Frame, outcome: Outcome): void {
    const { turns } = this.layout;
    const width = turns + 2;
    for (let index = 0; index < this.layout.events.length; index += 1) {
      // Never fired (or past the horizon) goes in the last column.
      const first = frame.first[index]!;
      const column = frame.count[index] === 0 || first > turns ? turns + 1 : first;
      this.firstFired[index * width + column]! += 1;
    }
    const klass = this.outcomeIndex.get(outcome.class);
    if (klass !== undefined) this.outcomes[klass]! += 1;
    this.layout.metrics.forEach((metric, index) => {
      const value = BigInt(toMicro(outcome.metrics[metric.id] ?? 0));
      this.metricSums[index]! += value;
      this.metricSquares[index]! += value * value;
    });
    this.runs += 1;
  }

  /** Add another tally's counts (same layout) to this one. */
  add(other: TallyData): void {
    this.runs += other.runs;
    addInto(this.firstFired, other.firstFired);
    addInto(this.indicatorSums, other.indicatorSums);
    if (this.indicatorBins !== null && other.indicatorBins !== null) addInto(this.indicatorBins, other.indicatorBins);
    addInto(this.outcomes, other.outcomes);
    other.metricSums.forEach((value, index) => {
      this.metricSums[index]! += value;
    });
    other.metricSquares.forEach((value, index) => {
      this.metricSquares[index]! += value;
    });
  }

  /** The raw counts, for sending to another thread or writing a shard file. */
  data(): TallyData {
    return {
      runs: this.runs,
      firstFired: this.firstFired,
      indicatorSums: this.indicatorSums,
      indicatorBins: this.indicatorBins,
      outcomes: this.outcomes,
      metricSums: this.metricSums,
      metricSquares: this.metricSquares,
    };
  }
}

function addInto(target: Float64Array | Uint32Array, source: ArrayLike<number>): void {
  if (source.length !== target.length) throw new RangeError('cannot add tallies of different layouts');
  for (let index = 0; index < target.length; index += 1) target[index]! += source[index]!;
}
