import { chartSpec, chartSvg } from './charts/index.js';
import type { Block, Chart, Inline, Line, ReportDocument } from './document.js';
import { escapeHtml, scriptJson } from './html-text.js';

// One self-contained file: styles inline, charts as inline SVG drawn when the
// file is written, no script that runs (each chart's Vega-Lite spec rides along
// as inert JSON for anyone who wants to draw it again in a notebook), and a
// content security policy that forbids loading anything, so the page works
// offline and on a projector in a classroom without a network.
const STYLE = `
:root { color-scheme: light; }
body { font: 20px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 1180px; padding: 24px 32px 64px; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0.4em 0 0.6em; }
h2 { font-size: 1.4em; margin: 1.6em 0 0.5em; border-bottom: 3px solid #0072B2; padding-bottom: 0.15em; }
h3 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; margin: 0.6em 0 1em; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.55em; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
blockquote { margin: 0.6em 0; padding: 0.4em 1em; border-left: 6px solid #0072B2; background: #f4f8fb; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; background: #f1f1f1; padding: 0 0.2em; }
li { margin: 0.25em 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 18px 28px; margin: 0.8em 0 1.2em; }
.charts.wide { grid-template-columns: 1fr; }
figure { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; }
.spec-note { font-size: 0.8em; color: #333; }
@media print { body { font-size: 12pt; max-width: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
`;

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
  return `<code>${escapeHtml(part.code)}</code>`;
}

function line(parts: Line): string {
  return parts.map(inline).join('');
}

/** A chart as a figure: its SVG, and its spec with the data as JSON that no browser runs. */
async function figure(chart: Chart): Promise<string> {
  const spec = chartSpec(chart);
  const svg = await chartSvg(spec, chart.kind, chart.title);
  return `<figure>${svg}<script type="application/json" class="vega-lite-spec">${scriptJson(spec)}</script></figure>`;
}

async function charts(list: readonly Chart[]): Promise<string> {
  // Small charts over the months sit side by side; bars, forest plots and heat maps take the width.
  const wide = list.some((chart) => chart.kind === 'lines' || chart.kind === 'parameter') ? '' : ' wide';
  const figures: string[] = [];
  for (const chart of list) figures.push(await figure(chart));
  return `<div class="charts${wide}">\n${figures.join('\n')}\n</div>`;
}

function block(item: Block): string | Promise<string> {
  switch (item.kind) {
    case 'heading':
      return `<h${item.level}>${escapeHtml(item.text)}</h${item.level}>`;
    case 'paragraph':
      return `<p>${line(item.line)}</p>`;
    case 'list':
      return `<ul>\n${item.items.map((entry) => `<li>${line(entry)}</li>`).join('\n')}\n</ul>`;
    case 'quote':
      return `<blockquote>${escapeHtml(item.text)}</blockquote>`;
    case 'table': {
      const cls = (i: number) => (item.numeric[i] ? ' class="number"' : '');
      const head = item.head.map((text, i) => `<th${cls(i)}>${escapeHtml(text)}</th>`).join('');
      const rows = item.rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${line(cell)}</td>`).join('')}</tr>`).join('\n');
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
    }
    case 'charts':
      return charts(item.charts);
  }
}

/** The report as one self-contained HTML page. */
export async function renderHtml(document: ReportDocument): Promise<string> {
  const body: string[] = [];
  for (const item of document.blocks) body.push(await block(item));
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(document.title)}</h1>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
