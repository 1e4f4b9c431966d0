import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from '../html-text.js';

/** A Vega-Lite spec with its data inline: what a chart is, and what a notebook can draw again. */
export type ChartSpec = TopLevelSpec;

/**
 * A spec drawn as static SVG when the report is written: compiled to Vega,
 * laid out headless (no canvas, so text is measured by Vega's fixed estimate
 * and the output does not depend on the fonts installed), and serialised.
 * The root element gets a class naming the chart's kind, an accessible
 * title, and no fixed size (the page scales it to its column).
 */
export async function chartSvg(spec: ChartSpec, kind: string, title: string): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const box = /^<svg[^>]*\sviewBox="([^"]+)"[^>]*>/.exec(svg);
    if (box === null) throw new Error('Vega drew no SVG element');
    const open = `<svg class="chart chart-${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="${box[1]}" role="img" aria-label="${escapeHtml(title)}">` +
      `<title>${escapeHtml(title)}</title>`;
    return open + svg.slice(box[0].length);
  } finally {
    view.finalize();
  }
}
