import type { HistogramChart, LineChart, PanelsChart } from '../document.js';
import { chanceAxis, frame, seriesScales } from './base.js';
import { MARK, STYLES } from './theme.js';
import type { ChartSpec } from './vega.js';

/** The month axis: every month a point, about `labels` of them labelled (the first always). */
function monthAxis(months: readonly string[], type: 'point' | 'band', labels = 5) {
  const every = Math.max(1, Math.ceil(months.length / labels));
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

/** Panels of chances by month, two abreast: each item's line and its interval band, on one scale of 0 to 100%. */
export function panelsSpec(chart: PanelsChart): ChartSpec {
  const rows = chart.panels.flatMap((panel) => panel.values.map((value, turn) => ({
    panel: panel.title, turn, month: chart.months[turn] ?? `turn ${turn}`, value, low: panel.low[turn] ?? value, high: panel.high[turn] ?? value,
  })));
  const y = { type: 'quantitative' as const, scale: { domain: [0, 1] }, title: null, axis: chanceAxis(false) };
  const { width: _width, height: _height, ...head } = frame(chart.title);
  return {
    ...head,
    data: { values: rows },
    columns: 2,
    facet: { field: 'panel', type: 'nominal', sort: chart.panels.map((panel) => panel.title), header: { title: null, labelFontSize: 16, labelFontWeight: 'bold', labelLimit: 0 } },
    spec: {
      width: 420,
      height: 170,
      encoding: { x: monthAxis(chart.months, 'point', 3) },
      layer: [
        { name: 'band', mark: { type: 'area', opacity: 0.2, color: MARK }, encoding: { y: { ...y, field: 'low' }, y2: { field: 'high' } } },
        { name: 'line', mark: { type: 'line', color: MARK, strokeWidth: 3 }, encoding: { y: { ...y, field: 'value' } } },
      ],
    },
  };
}
