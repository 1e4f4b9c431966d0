import type { BatchSummary } from '../../engine/batch/summary.js';
import { percent, percentInterval } from '../../engine/format.js';
import type { Block, Chart, ReportDocument } from '../document.js';
import { interval, value } from '../numbers.js';
import { runAgain, fanSeries, monthsOf, nameOf, REUSE } from './common.js';

/** The page of a batch: a fan chart per indicator, each event's cumulative chance by month, the outcome classes. */
export function batchDocument(summary: BatchSummary): ReportDocument {
  const months = monthsOf(summary.scenario, summary.turns);
  const fans = Object.values(summary.indicators).map((indicator): Chart => ({
    kind: 'lines',
    title: indicator.title,
    months,
    // On the indicator's own range when it declares one.
    min: indicator.range?.[0] ?? 0,
    max: indicator.range?.[1] ?? 1,
    series: [
      fanSeries(indicator, 'mean (band: 5th to 95th percentile)', 'mean'),
      ...(indicator.byTurn.every((item) => item.p50 !== undefined)
        ? [{ label: 'median', style: 'median' as const, values: indicator.byTurn.map((item) => item.p50 ?? item.mean) }]
        : []),
    ],
  }));
  const events = Object.entries(summary.events);
  const fired = events.filter(([, event]) => event.fired > 0);
  const never = events.filter(([, event]) => event.fired === 0);
  const eventChart: Chart = {
    kind: 'panels',
    title: 'Share of runs in which each event has fired by the month (band: 95% interval)',
    months,
    panels: fired.map(([, event]) => ({
      title: event.title, values: event.byTurn, low: event.byTurnCi95.map((ci) => ci[0]), high: event.byTurnCi95.map((ci) => ci[1]),
    })),
  };
  const outcomes = Object.values(summary.outcomes);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      line: [
        'Scenario ', { code: nameOf(summary.scenario) }, ` (hash ${summary.scenario.hash.slice(0, 12)}): `, { strong: `${summary.runs} runs` },
        ` of ${summary.turns} turns, ${months[0]} to ${months[summary.turns]}, seed `, { strong: String(summary.seed) }, '. ', ...runAgain(['batch', nameOf(summary.scenario), '--runs', String(summary.runs), '--seed', String(summary.seed), '--turns', String(summary.turns)]),
      ],
    },
    { kind: 'heading', level: 2, text: 'Indicators by month' },
    { kind: 'paragraph', line: ['Each indicator on a scale of 0 to 1: the mean over the runs, the median, and the band in which 90% of runs lie (5th to 95th percentile).'] },
    { kind: 'charts', charts: fans },
    { kind: 'heading', level: 2, text: 'Events: the chance each has fired by each month' },
    { kind: 'paragraph', line: ['The share of runs in which the event has fired at least once by the month, with its 95% interval (Wilson).', ...(never.length === 0 ? [] : [` Never fired in any run: ${never.map(([, event]) => event.title).join(', ')}.`])] },
    ...(fired.length === 0 ? [] : [{ kind: 'charts', charts: [eventChart] } as const]),
    { kind: 'heading', level: 2, text: 'Outcome classes' },
    {
      kind: 'charts',
      charts: [{
        kind: 'bars',
        title: `Outcome classes at ${months[summary.turns]} over ${summary.runs} runs`,
        groups: outcomes.map((klass) => ({ label: klass.title, marked: false })),
        bars: [{ label: 'share of runs', style: 'mean', values: outcomes.map((klass) => klass.p), low: outcomes.map((klass) => klass.ci95[0]), high: outcomes.map((klass) => klass.ci95[1]) }],
      }],
    },
    {
      kind: 'table',
      head: ['Outcome', 'Runs', 'Share', '95% interval'],
      numeric: [false, true, true, true],
      rows: outcomes.map((klass) => [[klass.title], [String(klass.count)], [percent(klass.p)], [percentInterval(klass.ci95)]]),
    },
    { kind: 'heading', level: 2, text: 'Metrics at the last turn' },
    {
      kind: 'table',
      head: ['Metric', 'Mean', 'Standard deviation', '95% interval of the mean'],
      numeric: [false, true, true, true],
      rows: Object.values(summary.metrics).map((metric) => [[metric.title], [value(metric.mean)], [value(metric.sd)], [interval(metric.ci95, value)]]),
    },
    REUSE,
  ];
  return { title: `Batch of ${summary.runs} runs: ${summary.scenario.title}`, blocks };
}
