import { PRECISION } from '../effects.js';
import type { Scenario } from '../types.js';
import { fromMicro, roundStat } from './grid.js';
import { fromShare } from './batch-layout.js';
import { BINS, binPercentile } from './histogram.js';
import { meanInterval, meanOf, sdOf, wilson, type Interval } from './interval.js';
import type { BatchTally } from './tally.js';

/** Which scenario a batch ran: enough to name it and to check shards belong together. */
export interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly variant: string | null;
  readonly hash: string;
  /** The month of turn 0, so each turn can be named by its month (absent in output written before it was added). */
  readonly start?: { readonly year: number; readonly month: number };
}

/** The identity of a scenario, for output. */
export function scenarioInfo(scenario: Scenario): ScenarioInfo {
  const { id, title, version, variant, hash, start } = scenario;
  return { id, title, version, variant, hash, start: { year: start.year, month: start.month } };
}

export interface EventSummary {
  readonly title: string;
  /** Runs in which the event fired at least once. */
  readonly fired: number;
  /** Probability that it has fired by the last turn. */
  readonly p: number;
  readonly ci95: Interval;
  /** Median turn at which it first fires, among the runs where it does (null if never). */
  readonly medianTurn: number | null;
  /** Probability that it has fired by turn t, for t = 0..turns. */
  readonly byTurn: readonly number[];
  /** The Wilson 95% interval of each of those. */
  readonly byTurnCi95: readonly Interval[];
}

export interface IndicatorTurn {
  readonly turn: number;
  readonly mean: number;
  readonly p5?: number;
  readonly p50?: number;
  readonly p95?: number;
}

export interface IndicatorSummary {
  readonly title: string;
  /** The indicator's own scale, when it declares one (values are on it); absent on the default [0, 1]. */
  readonly range?: readonly [number, number];
  readonly byTurn: readonly IndicatorTurn[];
}

export interface OutcomeSummary {
  readonly title: string;
  readonly count: number;
  readonly p: number;
  readonly ci95: Interval;
}

export interface MetricSummary {
  readonly title: string;
  /** Mean of the metric at the last turn, its standard deviation and a t interval for the mean. */
  readonly mean: number;
  readonly sd: number;
  readonly ci95: Interval | null;
}

/** The statistics of a tally (the body of `batch --json`). */
export interface TallySummary {
  readonly events: Readonly<Record<string, EventSummary>>;
  readonly indicators: Readonly<Record<string, IndicatorSummary>>;
  readonly outcomes: Readonly<Record<string, OutcomeSummary>>;
  readonly metrics: Readonly<Record<string, MetricSummary>>;
}

/** The JSON shape of `sandtable batch --json` (and of `merge --json` of its shards). */
export interface BatchSummary extends TallySummary {
  readonly runs: number;
  readonly seed: number;
  readonly turns: number;
  readonly scenario: ScenarioInfo;
}

/** Summarise a batch's tally for output. */
export function summarizeBatch(seed: number, scenario: ScenarioInfo, tally: BatchTally): BatchSummary {
  return { runs: tally.runs, seed, turns: tally.layout.turns, scenario, ...summarizeTally(tally) };
}

const interval = (pair: Interval): Interval => [roundStat(pair[0]), roundStat(pair[1])];

/** The statistics of a tally: event chances, indicator distributions, outcome and metric summaries. */
export function summarizeTally(tally: BatchTally): TallySummary {
  const { layout, runs } = tally;
  const width = layout.turns + 2;
  const share = (count: number) => (runs === 0 ? 0 : roundStat(count / runs));

  const events: Record<string, EventSummary> = {};
  layout.events.forEach((event, index) => {
    const counts = tally.firstFired.subarray(index * width, index * width + layout.turns + 1);
    const byTurn: number[] = [];
    const byTurnCi95: Interval[] = [];
    let cumulative = 0;
    for (const count of counts) {
      cumulative += count;
      byTurn.push(share(cumulative));
      byTurnCi95.push(interval(wilson(cumulative, runs)));
    }
    events[event.id] = {
      title: event.title,
      fired: cumulative,
      p: share(cumulative),
      ci95: interval(wilson(cumulative, runs)),
      medianTurn: medianTurn(counts, cumulative),
      byTurn,
      byTurnCi95,
    };
  });

  const indicators = summarizeIndicators(tally);

  const outcomes: Record<string, OutcomeSummary> = {};
  layout.outcomes.forEach((klass, index) => {
    const count = tally.outcomes[index]!;
    outcomes[klass.id] = { title: klass.title, count, p: share(count), ci95: interval(wilson(count, runs)) };
  });

  const metrics: Record<string, MetricSummary> = {};
  layout.metrics.forEach((metric, index) => {
    const moments = { n: runs, sum: tally.metricSums[index]!, squares: tally.metricSquares[index]! };
    const ci = meanInterval(moments, PRECISION);
    metrics[metric.id] = {
      title: metric.title,
      mean: roundStat(meanOf(moments, PRECISION)),
      sd: roundStat(sdOf(moments, PRECISION)),
      ci95: ci === null ? null : interval(ci),
    };
  });

  return { events, indicators, outcomes, metrics };
}

/** Each indicator's mean by turn, with the 5th, 50th and 95th percentiles when the tally kept histograms. */
export function summarizeIndicators(tally: BatchTally): Record<string, IndicatorSummary> {
  const { layout, runs } = tally;
  const indicators: Record<string, IndicatorSummary> = {};
  layout.indicators.forEach((indicator, index) => {
    const byTurn: IndicatorTurn[] = [];
    for (let turn = 0; turn <= layout.turns; turn += 1) {
      const slot = index * (layout.turns + 1) + turn;
      const mean = fromShare(indicator, runs === 0 ? 0 : roundStat(fromMicro(tally.indicatorSums[slot]!) / runs));
      const bins = tally.indicatorBins;
      byTurn.push(bins === null || runs === 0
        ? { turn, mean }
        : {
            turn,
            mean,
            p5: fromShare(indicator, binPercentile(bins, slot * BINS, runs, 5)),
            p50: fromShare(indicator, binPercentile(bins, slot * BINS, runs, 50)),
            p95: fromShare(indicator, binPercentile(bins, slot * BINS, runs, 95)),
          });
    }
    indicators[indicator.id] = indicator.range === undefined ? { title: indicator.title, byTurn } : { title: indicator.title, range: indicator.range, byTurn };
  });
  return indicators;
}

/** The median of integer turns counted in `counts` (turn t has counts[t]), or null for none. */
export function medianTurn(counts: ArrayLike<number>, total: number): number | null {
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (let turn = 0; turn < counts.length; turn += 1) {
      seen += counts[turn]!;
      if (seen >= rank) return turn;
    }
    return counts.length - 1;
  };
  // The middle value, or the mean of the two middle values.
  return total % 2 === 1 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2;
}
