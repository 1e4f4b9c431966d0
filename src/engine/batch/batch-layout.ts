import type { Scenario } from '../types.js';

/** A named quantity of a batch summary, with its title for tables. */
export interface Named {
  readonly id: string;
  readonly title: string;
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
    indicators: scenario.indicators.map(({ id, title }) => ({ id, title })),
    outcomes: scenario.outcomes.map(({ id, title }) => ({ id, title })),
    metrics: scenario.metrics.map(({ id, title }) => ({ id, title })),
    quantiles,
  };
}

/** Whether two layouts count the same things (titles included). */
export function sameLayout(a: BatchLayout, b: BatchLayout): boolean {
  const names = (list: readonly Named[]) => list.map((item) => `${item.id}\u0000${item.title}`).join('\u0001');
  return a.turns === b.turns
    && a.quantiles === b.quantiles
    && names(a.events) === names(b.events)
    && names(a.indicators) === names(b.indicators)
    && names(a.outcomes) === names(b.outcomes)
    && names(a.metrics) === names(b.metrics);
}
