import { PRECISION } from '../effects.js';
import type { BatchLayout } from '../batch/batch-layout.js';
import { fromMicro, roundStat } from '../batch/grid.js';
import { BINS, binPercentile, binValue } from '../batch/histogram.js';
import { fromShare } from '../batch/batch-layout.js';
import { meanInterval, meanOf, wilson, type Interval } from '../batch/interval.js';
import { t975, Z975 } from '../batch/student.js';
import type { TallyData } from '../batch/tally.js';
import type { Expectation } from '../types.js';

// Whether a batch meets a scenario's expectations: each quantity estimated
// from the batch's tally (exact counts and sums, which merge across workers
// and shards), its 95% interval, and a verdict. Pure: `check` prints these and
// calibration minimises their misfit.

/** pass: the interval lies within the range; fail: wholly outside it; undecided: it straddles a bound (more runs would tell). */
export type Verdict = 'pass' | 'fail' | 'undecided';

export interface ExpectationResult {
  readonly id: string;
  readonly title: string;
  readonly estimate: number;
  /** The 95% interval of the estimate; null when the batch is too small to give one (fewer than two runs). */
  readonly ci95: Interval | null;
  readonly range: readonly [number, number];
  readonly verdict: Verdict;
  readonly weight: number;
  readonly source: string;
}

/** A tally with the layout it was counted in. */
export interface LaidOutTally {
  readonly layout: BatchLayout;
  readonly data: TallyData;
}

/** Pass, fail or undecided for an interval against a range. */
export function verdictOf(ci95: Interval | null, range: readonly [number, number]): Verdict {
  if (ci95 === null) return 'undecided';
  const [low, high] = range;
  if (ci95[1] < low || ci95[0] > high) return 'fail';
  return ci95[0] >= low && ci95[1] <= high ? 'pass' : 'undecided';
}

const rounded = (pair: Interval): Interval => [roundStat(pair[0]), roundStat(pair[1])];

/** The estimate and 95% interval of one expectation's quantity; throws RangeError if the tally does not count it. */
export function estimate(expectation: Expectation, tally: LaidOutTally): { estimate: number; ci95: Interval | null } {
  const { layout, data } = tally;
  const runs = data.runs;
  const q = expectation.quantity;
  const find = (list: readonly { id: string }[], id: string, what: string): number => {
    const index = list.findIndex((item) => item.id === id);
    if (index < 0) throw new RangeError(`the batch counts no ${what} ${id}`);
    return index;
  };
  const share = (count: number) => ({ estimate: runs === 0 ? 0 : roundStat(count / runs), ci95: runs === 0 ? null : rounded(wilson(count, runs)) });
  if (q.kind === 'event') {
    const index = find(layout.events, q.event, 'event');
    const width = layout.turns + 2;
    let count = 0;
    for (let turn = 0; turn <= Math.min(q.by, layout.turns); turn += 1) count += data.firstFired[index * width + turn]!;
    return share(count);
  }
  if (q.kind === 'outcome') return share(data.outcomes[find(layout.outcomes, q.outcome, 'outcome')]!);
  if (q.kind === 'metric') {
    const index = find(layout.metrics, q.metric, 'metric');
    const moments = { n: runs, sum: data.metricSums[index]!, squares: data.metricSquares[index]! };
    const ci = meanInterval(moments, PRECISION);
    return { estimate: roundStat(meanOf(moments, PRECISION)), ci95: ci === null ? null : rounded(ci) };
  }
  const index = find(layout.indicators, q.indicator, 'indicator');
  // An indicator on its own scale is counted as the share of its range: estimate on shares, then back to its units.
  const item = layout.indicators[index]!;
  const back = (found: { estimate: number; ci95: Interval | null }) => item.range === undefined ? found : {
    estimate: fromShare(item, found.estimate),
    ci95: found.ci95 === null ? null : [fromShare(item, found.ci95[0]), fromShare(item, found.ci95[1])] as Interval,
  };
  if (q.at > layout.turns) throw new RangeError(`the batch has no turn ${q.at}`);
  const slot = index * (layout.turns + 1) + q.at;
  const bins = data.indicatorBins;
  if (q.stat === 'median') {
    if (bins === null || runs === 0) throw new RangeError('a median needs the indicator histograms (a batch with quantiles)');
    return back({ estimate: binPercentile(bins, slot * BINS, runs, 50), ci95: runs < 2 ? null : medianInterval(bins, slot * BINS, runs) });
  }
  const mean = runs === 0 ? 0 : roundStat(fromMicro(data.indicatorSums[slot]!) / runs);
  if (bins === null || runs < 2) return back({ estimate: mean, ci95: null });
  // The spread from the histogram (values to the nearest 0.001); the mean itself is exact.
  let squares = 0;
  for (let bin = 0; bin < BINS; bin += 1) {
    const count = bins[slot * BINS + bin]!;
    if (count > 0) squares += count * (binValue(bin) - mean) ** 2;
  }
  const half = (t975(runs - 1) * Math.sqrt(squares / (runs - 1))) / Math.sqrt(runs);
  return back({ estimate: mean, ci95: rounded([mean - half, mean + half]) });
}

/**
 * The distribution-free 95% interval of a median from a histogram: the values
 * at the order statistics n/2 ∓ 1.96·√n/2 (the normal approximation to the
 * binomial ranks).
 */
function medianInterval(bins: ArrayLike<number>, offset: number, runs: number): Interval {
  const spread = (Z975 * Math.sqrt(runs)) / 2;
  const low = Math.max(1, Math.floor(runs / 2 - spread));
  const high = Math.min(runs, Math.ceil(runs / 2 + 1 + spread));
  return [valueAtRank(bins, offset, low), valueAtRank(bins, offset, high)];
}

/** The `rank`-th smallest value (from 1) counted in a histogram. */
function valueAtRank(bins: ArrayLike<number>, offset: number, rank: number): number {
  let seen = 0;
  for (let bin = 0; bin < BINS; bin += 1) {
    seen += bins[offset + bin]!;
    if (seen >= rank) return binValue(bin);
  }
  return binValue(BINS - 1);
}

/** Every expectation's estimate, interval and verdict, in the scenario's order. */
export function evaluateExpectations(expectations: readonly Expectation[], tally: LaidOutTally): ExpectationResult[] {
  return expectations.map((expectation) => {
    const { estimate: value, ci95 } = estimate(expectation, tally);
    return {
      id: expectation.id,
      title: expectation.title,
      estimate: value,
      ci95,
      range: expectation.range,
      verdict: verdictOf(ci95, expectation.range),
      weight: expectation.weight,
      source: expectation.source,
    };
  });
}

/**
 * How far a set of results misses its ranges: the weighted sum of squared
 * distances of each estimate outside its range, in units of the range's
 * width (at least 1% of its larger end, so a point range still counts). Zero
 * when every estimate is within its range; what calibration minimises.
 */
export function misfit(results: readonly ExpectationResult[]): number {
  let total = 0;
  for (const result of results) {
    const [low, high] = result.range;
    const outside = Math.max(0, low - result.estimate, result.estimate - high);
    const scale = Math.max(high - low, 0.01 * Math.max(Math.abs(low), Math.abs(high)), 1e-6);
    total += result.weight * (outside / scale) ** 2;
  }
  return total;
}

/** How many results have each verdict. */
export function verdictCounts(results: readonly ExpectationResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, undecided: 0 };
  for (const result of results) counts[result.verdict] += 1;
  return counts;
}
