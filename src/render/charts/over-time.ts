import type { HistogramChart, LineChart } from '../document.js';
import { frame, seriesScales } from './base.js';
import { MARK, STYLES } from './theme.js';
import type { ChartSpec } from './vega.js';

/** The month axis: every month a point, about six of them labelled (the first always). */
function monthAxis(months: readonly string[], type: 'point' | 'band') {
  const every = Math.max(1, Math.ceil(months.length / 6));
  return {
    field: 'month',
    type: 'ordinal' as const,
    scale: { type, domain: [...months], ...(type === 'point' ? { padding: 0.2 } : {}) },
    axis: { title: null, labelAngle: 0, values: months.filter((_, i) => i % every === 0) },
  };
}

/** Lines over the months, each series in its style, a series' band (such as 5th to 95th percentile) shaded under it. */
export function lineSpec(chart: LineChart): ChartSpec {
  const rows = chart.series.flatMap((series) => series.values.map((value, turn) => ({
    series: series.label,
    turn,
    month: chart.months[turn] ?? `turn ${turn}`,
    value,
    ...(series.band === undefined ? {} : { low: series.band.low[turn] ?? value, high: series.band.high[turn] ?? value }),
  })));
  const scales = seriesScales(chart.series);
  const y = { type: 'quantitative' as const, scale: { domain: [chart.min, chart.max] }, title: null };
  return {
    ...frame(chart.title),
    data: { values: rows },
    encoding: { x: monthAxis(chart.months, 'point') },
    layer: [
      // One layer for each band, in its series' colour: the legend is the lines' (colour and dash), and a band adds nothing to it.
      ...chart.series.filter((series) => series.band !== undefined).map((series, i) => ({
        name: `band${i}`,
        transform: [{ filter: { field: 'series', equal: series.label } }],
        mark: { type: 'area' as const, opacity: 0.2, color: STYLES[series.style].color },
        encoding: { y: { ...y, field: 'low' }, y2: { field: 'high' } },
      })),
      {
        name: 'line',
        mark: { type: 'line', strokeJoin: 'round', strokeWidth: 3 },
        encoding: {
          y: { ...y, field: 'value' },
          color: { field: 'series', type: 'nominal', scale: scales.color, legend: { title: null } },
          strokeDash: { field: 'series', type: 'nominal', scale: scales.strokeDash, legend: { title: null } },
        },
      },
    ],
  };
}

/** Bars of counts by month. */
export function histogramSpec(chart: HistogramChart): ChartSpec {
  const rows = chart.counts.map((count, turn) => ({ turn, month: chart.months[turn] ?? `turn ${turn}`, count }));
  return {
    ...frame(chart.title),
    data: { values: rows },
    layer: [{ name: 'bar', mark: { type: 'bar', color: MARK } }],
    encoding: {
      x: monthAxis(chart.months, 'band'),
      y: { field: 'count', type: 'quantitative', title: chart.counted, axis: { tickMinStep: 1, format: 'd' } },
    },
  };
}
