import type { BarChart, DifferenceChart, SeriesStyle } from '../document.js';
import { chanceAxis, frame, niceCeiling, seriesScales, valueFormat } from './base.js';
import { INK, MARK } from './theme.js';
import type { ChartSpec } from './vega.js';

/** Pixels of plot per bar (or per row of a forest plot). */
const ROW = 34;

/** Horizontal bars of chances in groups, each with its 95% interval and its value written beside it. */
export function barSpec(chart: BarChart): ChartSpec {
  const groups = chart.groups.map((group) => `${group.marked ? '◆ ' : ''}${group.label}`);
  const rows = chart.groups.flatMap((_, g) => chart.bars.map((series) => {
    const value = series.values[g] ?? 0;
    return { group: groups[g]!, series: series.label, value, low: series.low[g] ?? value, high: series.high[g] ?? value };
  }));
  const bars = groupedBars(chart.title, 'group', groups, chart.bars, rows);
  return {
    ...bars.head,
    layer: [
      bars.bar({ field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'share of runs (bar: estimate, line: 95% interval)', axis: chanceAxis(false) }),
      { name: 'interval', mark: { type: 'rule', color: INK, strokeWidth: 2 }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
      {
        name: 'value',
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 14 },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'value', type: 'quantitative', format: valueFormat(true) } },
      },
    ],
  };
}

/**
 * What horizontal bars in groups share (outcome classes, a tornado's
 * parameters): the frame, the data, a row per group (offset per series when
 * there are several), and the bar layer, coloured by series when there are several.
 */
export function groupedBars(title: string, field: string, domain: readonly string[], series: readonly { readonly label: string; readonly style: SeriesStyle }[], rows: readonly object[]) {
  const several = series.length > 1;
  const scales = seriesScales(series);
  const y = { field, type: 'nominal' as const, scale: { domain: [...domain] }, title: null };
  const offset = several ? { yOffset: { field: 'series', type: 'nominal' as const, scale: { domain: scales.color.domain } } } : {};
  return {
    head: { ...frame(title, { width: 460, height: Math.max(80, rows.length * ROW) }), data: { values: [...rows] }, encoding: { y, ...offset } },
    bar: (x: object) => ({
      name: 'bar',
      mark: { type: 'bar' as const, ...(several ? {} : { color: MARK }) },
      encoding: { x, ...(several ? { color: { field: 'series', type: 'nominal' as const, scale: scales.color, legend: { title: null } } } : {}) },
    }),
  };
}

/** A forest plot: each difference as a point with its 95% interval, around a line at zero. */
export function differenceSpec(chart: DifferenceChart): ChartSpec {
  const chances = chart.chances === true;
  const extent = niceCeiling(Math.max(chances ? 0.01 : 0.001, ...chart.rows.flatMap((row) => [Math.abs(row.low), Math.abs(row.high), Math.abs(row.value)])));
  const labels = chart.rows.map((row) => row.label);
  const x = { type: 'quantitative' as const, scale: { domain: [-extent, extent] } };
  return {
    ...frame(chart.title, { width: 460, height: Math.max(60, chart.rows.length * ROW) }),
    data: { values: chart.rows.map((row) => ({ ...row })) },
    encoding: { y: { field: 'label', type: 'nominal', scale: { domain: labels }, title: null } },
    layer: [
      { name: 'zero', mark: { type: 'rule', color: INK, strokeWidth: 1.5 }, encoding: { x: { datum: 0, ...x }, y: { value: 0 }, y2: { value: 'height' } } },
      { name: 'interval', mark: { type: 'rule', color: INK, strokeWidth: 2.5 }, encoding: { x: { field: 'low', ...x }, x2: { field: 'high' } } },
      {
        name: 'estimate',
        mark: { type: 'point', filled: true, size: 160, color: MARK, opacity: 1 },
        encoding: {
          x: { field: 'value', ...x, title: chances ? 'difference (percentage points; line: 95% interval)' : 'difference (line: 95% interval)', axis: { tickCount: 5, ...(chances ? chanceAxis(true) : { format: '+.3~f' }) } },
        },
      },
    ],
  };
}
