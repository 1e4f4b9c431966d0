// The one chart path: a document's chart becomes a Vega-Lite spec with its
// data inline, drawn as static SVG when the report is written.
import type { Chart } from '../document.js';
import { barSpec, differenceSpec } from './intervals.js';
import { histogramSpec, lineSpec } from './over-time.js';
import { heatmapSpec, parameterSpec } from './parameters.js';
import type { ChartSpec } from './vega.js';

export { chartSvg, type ChartSpec } from './vega.js';

/** The Vega-Lite spec of a chart. */
export function chartSpec(chart: Chart): ChartSpec {
  switch (chart.kind) {
    case 'lines': return lineSpec(chart);
    case 'bars': return barSpec(chart);
    case 'differences': return differenceSpec(chart);
    case 'histogram': return histogramSpec(chart);
    case 'parameter': return parameterSpec(chart);
    case 'heatmap': return heatmapSpec(chart);
  }
}
