import { PRECISION } from '../effects.js';
import { BINS } from './histogram.js';
import type { BatchTally } from './tally.js';

/**
 * The largest metric value a run can count, in micro-units: a metric is a
 * finite number, and its micro-units must be a finite float to be counted.
 */
const MAX_METRIC_MICRO = BigInt(Number.MAX_VALUE);
/** Half a histogram bin in micro-units: bin k holds the values that round to k / (BINS - 1). */
const HALF_BIN = PRECISION / (BINS - 1) / 2;

/**
 * Check that a tally read from a shard file is one that `runs` runs could
 * have produced, and return a sentence naming the first field that is not
 * (null when all are): every count a whole number from 0 to the runs, each
 * event's and outcome's counts adding up to the runs, indicator sums within
 * [0, 1] per run and inside what their histograms allow, metric sums within
 * what finite values give, with sums of squares that make a variance of at
 * least 0, and every statistic derived from them finite. A shard can still
 * carry invented numbers that pass all of this: it carries no proof of the
 * runs it claims.
 */
export function implausibleField(tally: BatchTally): string | null {
  const { layout, runs } = tally;
  const turns = layout.turns + 1;
  const width = turns + 1;
  const isCount = (value: number) => Number.isInteger(value) && value >= 0 && value <= runs;

  for (let event = 0; event < layout.events.length; event += 1) {
    const id = layout.events[event]!.id;
    let sum = 0;
    for (let column = 0; column < width; column += 1) {
      const value = tally.firstFired[event * width + column]!;
      if (!isCount(value)) return `firstFired of event ${id} has ${value} runs at turn ${column}, not a count from 0 to ${runs}`;
      sum += value;
    }
    // Cumulative counts by turn are then non-decreasing and end at the runs.
    if (sum !== runs) return `firstFired of event ${id} adds up to ${sum} runs, not ${runs}`;
  }

  if (layout.outcomes.length > 0) {
    let sum = 0;
    for (let index = 0; index < layout.outcomes.length; index += 1) {
      const value = tally.outcomes[index]!;
      if (!isCount(value)) return `outcomes of class ${layout.outcomes[index]!.id} has ${value} runs, not a count from 0 to ${runs}`;
      sum += value;
    }
    if (sum !== runs) return `outcomes add up to ${sum} runs, not ${runs}`;
  }

  const bins = tally.indicatorBins;
  for (let indicator = 0; indicator < layout.indicators.length; indicator += 1) {
    const id = layout.indicators[indicator]!.id;
    for (let turn = 0; turn < turns; turn += 1) {
      const slot = indicator * turns + turn;
      const sum = tally.indicatorSums[slot]!;
      const where = `indicatorSums of indicator ${id} at turn ${turn}`;
      if (!Number.isInteger(sum) || sum < 0 || sum > runs * PRECISION) {
        return `${where} is ${sum}, outside 0 to ${runs * PRECISION} (a value from 0 to 1 in millionths, times ${runs} runs)`;
      }
      if (bins === null) continue;
      let count = 0;
      let low = 0;
      let high = 0;
      for (let bin = 0; bin < BINS; bin += 1) {
        const value = bins[slot * BINS + bin]!;
        if (!isCount(value)) return `indicatorBins of indicator ${id} at turn ${turn} has ${value} runs in bin ${bin}, not a count from 0 to ${runs}`;
        count += value;
        const centre = bin * 2 * HALF_BIN;
        low += value * Math.max(0, centre - HALF_BIN);
        high += value * Math.min(PRECISION, centre + HALF_BIN);
      }
      if (count !== runs) return `indicatorBins of indicator ${id} at turn ${turn} add up to ${count} runs, not ${runs}`;
      if (sum < Math.floor(low) || sum > Math.ceil(high)) {
        return `${where} is ${sum}, outside what its histogram allows (${Math.floor(low)} to ${Math.ceil(high)})`;
      }
    }
  }

  const n = BigInt(runs);
  for (let index = 0; index < layout.metrics.length; index += 1) {
    const id = layout.metrics[index]!.id;
    const sum = tally.metricSums[index]!;
    const squares = tally.metricSquares[index]!;
    const absolute = sum < 0n ? -sum : sum;
    if (absolute > n * MAX_METRIC_MICRO) return `metricSums of metric ${id} is beyond what ${runs} finite values add up to`;
    if (squares < 0n) return `metricSquares of metric ${id} is negative`;
    if (squares > n * MAX_METRIC_MICRO * MAX_METRIC_MICRO) return `metricSquares of metric ${id} is beyond what ${runs} finite values add up to`;
    // n Σx² - (Σx)² is n(n-1) times the sample variance: never negative, and 0 for one run.
    const spread = n * squares - sum * sum;
    if (spread < 0n) return `metricSquares of metric ${id} is too small for its metricSums (the variance would be negative)`;
    if (runs <= 1 && spread !== 0n) return `metricSquares of metric ${id} does not match its metricSums for ${runs} run${runs === 1 ? '' : 's'}`;
    if (!Number.isFinite(Number(sum)) || !Number.isFinite(Number(spread))) {
      return `metricSums of metric ${id} gives a mean or spread that is not a finite number`;
    }
  }
  return null;
}
