import type { HeatmapChart, ParameterChart } from '../document.js';
import { chanceAxis, frame } from './base.js';
import { HEAT_SCHEME, MARK } from './theme.js';
import type { ChartSpec } from './vega.js';

/** A quantity against one swept parameter: the estimate as a line with points, its 95% interval as a band. */
export function parameterSpec(chart: ParameterChart): ChartSpec {
  const y = { type: 'quantitative' as const, title: null, ...(chart.chances ? { scale: { domain: [0, 1] }, axis: chanceAxis(false) } : { scale: { zero: false } }) };
  return {
    ...frame(chart.title),
    data: { values: chart.points.map((point) => ({ ...point })) },
    encoding: { x: { field: 'x', type: 'quantitative', title: chart.parameter, scale: { zero: false } } },
    layer: [
      { name: 'band', mark: { type: 'area', color: MARK, opacity: 0.2 }, encoding: { y: { field: 'low', ...y }, y2: { field: 'high' } } },
      { name: 'line', mark: { type: 'line', color: MARK, strokeWidth: 3, point: { size: 90, filled: true, color: MARK } }, encoding: { y: { field: 'value', ...y } } },
    ],
  };
}

/** A quantity over two swept parameters: a cell per combination, coloured by the estimate and labelled with it and its interval. */
export function heatmapSpec(chart: HeatmapChart): ChartSpec {
  const values = chart.cells.map((cell) => cell.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const format = (x: number) => (chart.chances ? `${(x * 100).toFixed(0)}%` : x.toFixed(2));
  // Viridis runs from dark to light: light cells get dark text and dark cells white, for contrast either way.
  const rows = chart.cells.map((cell) => ({
    ...cell,
    text: [format(cell.value), `${format(cell.low)}–${format(cell.high)}`],
    ink: max > min && (cell.value - min) / (max - min) > 0.55 ? '#000000' : '#ffffff',
  }));
  const xs = new Set(chart.cells.map((cell) => cell.x)).size;
  const ys = new Set(chart.cells.map((cell) => cell.y)).size;
  const [across, down] = chart.parameters;
  return {
    ...frame(chart.title, { width: Math.min(720, Math.max(240, xs * 96)), height: Math.min(640, Math.max(120, ys * 56)) }),
    data: { values: rows },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: across, axis: { labelAngle: 0 } },
      y: { field: 'y', type: 'ordinal', title: down, sort: 'descending' },
    },
    layer: [
      {
        name: 'cell',
        mark: { type: 'rect' },
        encoding: { color: { field: 'value', type: 'quantitative', scale: { scheme: HEAT_SCHEME, ...(chart.chances ? { domain: [0, 1] } : {}) }, title: 'estimate', legend: { direction: 'horizontal', format: chart.chances ? '.0%' : '.2f' } } },
      },
      // Two layers of labels, one per text colour, so the text needs no colour scale of its own.
      ...(['#000000', '#ffffff'] as const).map((ink, i) => ({
        name: `label${i}`,
        transform: [{ filter: { field: 'ink', equal: ink } }],
        mark: { type: 'text' as const, fontSize: 14, lineHeight: 17, color: ink },
        encoding: { text: { field: 'text', type: 'nominal' as const } },
      })),
    ],
  };
}
