import type { ChanceDifference, Comparison } from '../../engine/batch/comparison.js';
import { percent } from '../../engine/format.js';
import type { Block, Chart, DifferenceChart, ReportDocument } from '../document.js';
import { runAgain, fanSeries, monthsOf, nameOf, REUSE } from './common.js';

/** The page of a comparison: forest plots of the paired differences, the first divergence by month, both arms' fan charts overlaid. */
export function compareDocument(comparison: Comparison): ReportDocument {
  const months = monthsOf(comparison.base, comparison.turns);
  const base = nameOf(comparison.base);
  const variant = nameOf(comparison.variant);
  const chances = (title: string, items: Readonly<Record<string, ChanceDifference>>): DifferenceChart => ({
    kind: 'differences',
    title,
    chances: true,
    rows: Object.values(items).map((item) => ({ label: item.title, value: item.difference, low: item.ci95[0], high: item.ci95[1] })),
  });
  const forests: Chart[] = [
    {
      kind: 'differences',
      title: `Metrics at the last turn: ${variant} minus ${base}`,
      rows: Object.values(comparison.metrics).map((metric) => ({
        label: metric.title, value: metric.difference, low: metric.ci95?.[0] ?? metric.difference, high: metric.ci95?.[1] ?? metric.difference,
      })),
    },
    chances(`Chance each event fires: ${variant} minus ${base}`, comparison.events),
    chances(`Chance of each outcome class: ${variant} minus ${base}`, comparison.outcomes),
  ];
  const fans = comparison.arms === undefined ? [] : Object.entries(comparison.arms.base.indicators).flatMap(([id, indicator]): Chart[] => {
    const other = comparison.arms?.variant.indicators[id];
    if (other === undefined) return [];
    return [{
      kind: 'lines',
      title: indicator.title,
      months,
      min: Math.min(indicator.range?.[0] ?? 0, other.range?.[0] ?? 0),
      max: Math.max(indicator.range?.[1] ?? 1, other.range?.[1] ?? 1),
      series: [fanSeries(indicator, `${base}: mean (band: 5th to 95th percentile)`, 'base'), fanSeries(other, `${variant}: mean (band: 5th to 95th percentile)`, 'variant')],
    }];
  });
  const { diverged, runs, firstDivergence } = comparison;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      line: [
        { strong: `${runs} paired runs` }, ' of ', { code: base }, ' and ', { code: variant }, ` over ${comparison.turns} turns, seed `, { strong: String(comparison.seed) },
        ': run i of each is seeded alike, so both draw the same random numbers and differ only through what the variant changes. ',
        'Runs that diverged: ', { strong: `${diverged} of ${runs}` }, ` (${percent(runs === 0 ? 0 : diverged / runs)}). `, ...runAgain(['compare', base, variant, '--runs', String(runs), '--seed', String(comparison.seed), '--turns', String(comparison.turns)]),
      ],
    },
    { kind: 'heading', level: 2, text: 'Paired differences' },
    { kind: 'paragraph', line: ['Each difference is the variant minus the baseline over the paired runs, with its 95% interval (a paired t interval for metrics, Newcombe\'s paired score interval for chances). An interval that leaves out zero is unlikely to be chance alone.'] },
    { kind: 'charts', charts: forests },
    { kind: 'heading', level: 2, text: 'When the pairs first differ' },
    {
      kind: 'charts',
      charts: [{ kind: 'histogram', title: `First month at which the paired runs differ (${diverged} of ${runs} diverged)`, months, counts: firstDivergence.byTurn, counted: 'paired runs' }],
    },
    ...(fans.length === 0 ? [] : [
      { kind: 'heading', level: 2, text: 'Indicators by month, both arms' } as const,
      { kind: 'paragraph', line: [`Each indicator's mean and the band in which 90% of runs lie, for ${base} (solid) and ${variant} (dashed).`] } as const,
      { kind: 'charts', charts: fans } as const,
    ]),
    REUSE,
  ];
  return { title: `Comparison: ${variant} against ${base}`, blocks };
}
