// The one chart path: a document's chart becomes a Vega-Lite spec with its
// data inline, drawn as static SVG when the report is written.
import { oneLine } from '../../engine/text.js';
import type { Chart } from '../document.js';
import { barSpec, differenceSpec } from './intervals.js';
import { histogramSpec, lineSpec, panelsSpec } from './over-time.js';
import { heatmapSpec, parameterSpec } from './parameters.js';
import { tornadoSpec } from './tornado.js';
import type { ChartSpec } from './vega.js';

export { chartSvg, type ChartSpec } from './vega.js';

/** The Vega-Lite spec of a chart, every text in it (titles, labels, series names) through the one sanitiser. */
export function chartSpec(chart: Chart): ChartSpec {
  return clean(specOf(chart));
}

function specOf(chart: Chart): ChartSpec {
  switch (chart.kind) {
    case 'lines': return lineSpec(chart);
    case 'panels': return panelsSpec(chart);
    case 'bars': return barSpec(chart);
    case 'differences': return differenceSpec(chart);
    case 'histogram': return histogramSpec(chart);
    case 'parameter': return parameterSpec(chart);
    case 'heatmap': return heatmapSpec(chart);
    case 'tornado': return tornadoSpec(chart);
  }
}

/** A copy with every string on one line and without controls (Vega escapes markup in SVG, but would keep a bidirectional override). */
function clean<T>(value: T): T {
  if (typeof value === 'string') return oneLine(value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item)])) as T;
  return value;
}
