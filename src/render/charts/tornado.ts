import type { TornadoChart } from '../document.js';
import { niceCeiling } from './base.js';
import { groupedBars } from './intervals.js';
import { INK } from './theme.js';
import type { ChartSpec } from './vega.js';

/**
 * A tornado: a horizontal bar per parameter and index, the most influential
 * parameter on top, each with its 95% interval as a line and its value
 * written beside it; Morris's sigma is a hollow diamond on the same axis.
 */
export function tornadoSpec(chart: TornadoChart): ChartSpec {
  const rows = chart.parameters.flatMap((parameter, p) => chart.bars.map((series) => {
    const value = series.values[p] ?? 0;
    const sigma = chart.points?.values[p];
    return { parameter, series: series.label, value, low: series.low[p] ?? value, high: series.high[p] ?? value, ...(sigma === undefined ? {} : { sigma }) };
  }));
  const numbers = rows.flatMap((row) => [row.value, row.low, row.high, row.sigma ?? 0]);
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  const domain = [low < 0 ? -niceCeiling(Math.max(1e-3, -low)) : 0, niceCeiling(Math.max(1e-3, high))];
  const x = { type: 'quantitative' as const, scale: { domain } };
  const bars = groupedBars(chart.title, 'parameter', chart.parameters, chart.bars, rows);
  return {
    ...bars.head,
    layer: [
      bars.bar({ field: 'value', ...x, title: chart.axis, axis: { tickCount: 5, format: '~g' } }),
      { name: 'interval', mark: { type: 'rule', color: INK, strokeWidth: 2 }, encoding: { x: { field: 'low', ...x }, x2: { field: 'high' } } },
      ...(chart.points === undefined ? [] : [{
        name: 'sigma',
        mark: { type: 'point' as const, shape: 'diamond', filled: false, size: 150, strokeWidth: 2.5, color: INK, opacity: 1 },
        encoding: { x: { field: 'sigma', ...x } },
      }]),
      {
        name: 'value',
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 14 },
        encoding: { x: { field: 'high', ...x }, text: { field: 'value', type: 'quantitative', format: '.3~f' } },
      },
    ],
  };
}
