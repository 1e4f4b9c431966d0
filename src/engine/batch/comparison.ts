import { PRECISION } from '../effects.js';
import { roundStat } from './grid.js';
import { meanInterval, pairedShareInterval, type Interval, type PairedCounts } from './interval.js';
import type { PairedTally } from './paired.js';
import { medianTurn, summarizeIndicators, type IndicatorSummary, type ScenarioInfo } from './summary.js';
import type { BatchTally } from './tally.js';

/** A paired difference in the chance of something (an event fired, an outcome class reached). */
export interface ChanceDifference {
  readonly title: string;
  readonly base: number;
  readonly variant: number;
  /** variant - base, with the paired t interval of the per-run differences (zero-width when no pair differs). */
  readonly difference: number;
  readonly ci95: Interval;
  /** Paired runs where it happened in the base run only, and in the variant run only. */
  readonly baseOnly: number;
  readonly variantOnly: number;
}

/** A paired difference in a metric's mean at the last turn. */
export interface MetricDifference {
  readonly title: string;
  readonly base: number;
  readonly variant: number;
  /** Mean of (variant - base) over the pairs, with a paired t interval (null for one pair). */
  readonly difference: number;
  readonly ci95: Interval | null;
}

export interface FirstDivergence {
  /** How many pairs first differ at turn t, for t = 0..turns. */
  readonly byTurn: readonly number[];
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
}

/** The JSON shape of `sandtable compare --json`. */
export interface Comparison {
  readonly runs: number;
  readonly seed: number;
  readonly turns: number;
  readonly base: ScenarioInfo;
  readonly variant: ScenarioInfo;
  /** How many paired runs differ at all. */
  readonly diverged: number;
  readonly firstDivergence: FirstDivergence;
  readonly metrics: Readonly<Record<string, MetricDifference>>;
  readonly events: Readonly<Record<string, ChanceDifference>>;
  readonly outcomes: Readonly<Record<string, ChanceDifference>>;
  /** Each arm's indicators by turn (mean and percentiles), when each arm's runs were tallied too. */
  readonly arms?: { readonly base: ArmSummary; readonly variant: ArmSummary };
}

/** One arm of a comparison on its own: its indicators' distributions by turn. */
export interface ArmSummary {
  readonly indicators: Readonly<Record<string, IndicatorSummary>>;
}

/** Summarise a paired tally for output, with each arm's own tally when it was kept. */
export function summarizeComparison(
  seed: number,
  base: ScenarioInfo,
  variant: ScenarioInfo,
  tally: PairedTally,
  arms?: { readonly base: BatchTally; readonly variant: BatchTally },
): Comparison {
  const { layout, runs } = tally;
  const share = (count: number) => (runs === 0 ? 0 : roundStat(count / runs));
  const chances = (counts: Float64Array, list: typeof layout.events) => {
    const out: Record<string, ChanceDifference> = {};
    list.forEach((item, index) => {
      const table: PairedCounts = {
        both: counts[index * 3]!,
        firstOnly: counts[index * 3 + 1]!,
        secondOnly: counts[index * 3 + 2]!,
        neither: runs - counts[index * 3]! - counts[index * 3 + 1]! - counts[index * 3 + 2]!,
      };
      const ci = pairedShareInterval(table);
      out[item.id] = {
        title: item.title,
        base: share(table.both + table.firstOnly),
        variant: share(table.both + table.secondOnly),
        difference: share(table.secondOnly - table.firstOnly),
        ci95: [roundStat(ci[0]), roundStat(ci[1])],
        baseOnly: table.firstOnly,
        variantOnly: table.secondOnly,
      };
    });
    return out;
  };

  const metrics: Record<string, MetricDifference> = {};
  layout.metrics.forEach((metric, index) => {
    const left = tally.metricBase[index]!;
    const right = tally.metricVariant[index]!;
    const ci = meanInterval({ n: runs, sum: right - left, squares: tally.metricSquares[index]! }, PRECISION);
    const mean = (sum: bigint) => (runs === 0 ? 0 : roundStat(Number(sum) / runs / PRECISION));
    metrics[metric.id] = {
      title: metric.title,
      base: mean(left),
      variant: mean(right),
      difference: mean(right - left),
      ci95: ci === null ? null : [roundStat(ci[0]), roundStat(ci[1])],
    };
  });

  const byTurn = Array.from(tally.divergence);
  const diverged = byTurn.reduce((sum, count) => sum + count, 0);
  const first = byTurn.findIndex((count) => count > 0);
  const last = byTurn.length - 1 - [...byTurn].reverse().findIndex((count) => count > 0);
  return {
    runs,
    seed,
    turns: layout.turns,
    base,
    variant,
    diverged,
    firstDivergence: {
      byTurn,
      min: diverged === 0 ? null : first,
      median: medianTurn(byTurn, diverged),
      max: diverged === 0 ? null : last,
    },
    metrics,
    events: chances(tally.events, layout.events),
    outcomes: chances(tally.outcomes, layout.outcomes),
    ...(arms === undefined ? {} : { arms: { base: { indicators: summarizeIndicators(arms.base) }, variant: { indicators: summarizeIndicators(arms.variant) } } }),
  };
}
