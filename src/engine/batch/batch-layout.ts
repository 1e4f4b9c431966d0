import type { Scenario } from '../types.js';
import { roundStat } from './grid.js';

/** A named quantity of a batch summary, with its title for tables. */
export interface Named {
  readonly id: string;
  readonly title: string;
  /**
   * An indicator on its own scale: its range [lowest, highest]. A tally counts
   * such an indicator as the share of its range (so sums, histograms and their
   * checks stay on [0, 1]) and summaries turn the counts back into its units.
   */
  readonly range?: readonly [number, number];
}

/**
 * What a batch counts, in a fixed order: the scenario's events, indicators,
 * outcome classes and metrics, and the number of turns. Two tallies merge only
 * when their layouts are equal.
 */
export interface BatchLayout {
  readonly turns: number;
  readonly events: readonly Named[];
  readonly indicators: readonly Named[];
  readonly outcomes: readonly Named[];
  readonly metrics: readonly Named[];
  /** Whether indicator percentiles are kept (histograms), or only means. */
  readonly quantiles: boolean;
}

/** The layout of a batch of `scenario` over `turns` turns. */
export function layoutOf(scenario: Scenario, turns: number, quantiles = true): BatchLayout {
  return {
    turns,
    events: scenario.rules.map(({ id, title }) => ({ id, title })),
    indicators: scenario.indicators.map(({ id, title }) => {
      const target = scenario.target(`ind.${id}`);
      return target === null || (target.min === 0 && target.max === 1) ? { id, title } : { id, title, range: [target.min, target.max] as const };
    }),
    outcomes: scenario.outcomes.map(({ id, title }) => ({ id, title })),
    metrics: scenario.metrics.map(({ id, title }) => ({ id, title })),
    quantiles,
  };
}

/** Whether two layouts count the same things (titles included). */
export function sameLayout(a: BatchLayout, b: BatchLayout): boolean {
  const names = (list: readonly Named[]) => list.map((item) => `${item.id}\u0000${item.title}${item.range === undefined ? '' : `\u0000${item.range.join(':')}`}`).join('\u0001');
  return a.turns === b.turns
    && a.quantiles === b.quantiles
    && names(a.events) === names(b.events)
    && names(a.indicators) === names(b.indicators)
    && names(a.outcomes) === names(b.outcomes)
    && names(a.metrics) === names(b.metrics);
}

/** The share of an indicator's range a value stands at (the value itself on the default [0, 1]). */
export function toShare(item: Named, value: number): number {
  return item.range === undefined ? value : (value - item.range[0]) / (item.range[1] - item.range[0]);
}

/** The value that stands at a share of an indicator's range (the share itself on the default [0, 1]). */
export function fromShare(item: Named, share: number): number {
  return item.range === undefined ? share : roundStat(item.range[0] + share * (item.range[1] - item.range[0]));
}
