import { percent } from '../engine/format.js';
import type { BarChart, Chart, DifferenceChart, LineChart } from './document.js';
import { signed } from './numbers.js';
import { escapeHtml, multiline, n, points, STYLES, styledLine, svgOpen, wrapWords } from './svg.js';

/** A chart as inline SVG: no script, no fonts or images from anywhere. */
export function chartSvg(chart: Chart): string {
  switch (chart.kind) {
    case 'lines': return lineChart(chart);
    case 'bars': return barChart(chart);
    case 'differences': return differenceChart(chart);
  }
}

function lineChart(chart: LineChart): string {
  const width = 560;
  const height = 280;
  const left = 46;
  const right = 14;
  const top = 40;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const count = Math.max(2, chart.turns.length);
  const x = (i: number) => left + (plotWidth * i) / (count - 1);
  const y = (v: number) => top + plotHeight * (1 - (Math.min(chart.max, Math.max(chart.min, v)) - chart.min) / (chart.max - chart.min));
  const parts = [svgOpen('lines', width, height, chart.title)];
  parts.push(`<text class="chart-title" x="${left}" y="24">${escapeHtml(chart.title)}</text>`);
  for (let step = 0; step <= 4; step += 1) {
    const v = chart.min + ((chart.max - chart.min) * step) / 4;
    parts.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${n(y(v))}" y2="${n(y(v))}"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${n(y(v) + 5)}" text-anchor="end">${v.toFixed(2)}</text>`);
  }
  const every = Math.max(1, Math.ceil(chart.turns.length / 8));
  chart.turns.forEach((label, i) => {
    if (i % every !== 0 && i !== chart.turns.length - 1) return;
    parts.push(`<text class="tick" x="${n(x(i))}" y="${height - bottom + 22}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  for (const series of chart.series) {
    if (series.band === undefined) continue;
    const xs = series.band.high.map((_, i) => x(i));
    const upper = points(xs, series.band.high.map(y));
    const lower = points([...xs].reverse(), [...series.band.low].reverse().map(y));
    parts.push(`<polygon class="band band-${series.style}" fill="${STYLES[series.style].color}" fill-opacity="0.15" stroke="none" points="${upper} ${lower}"/>`);
  }
  for (const series of chart.series) {
    parts.push(styledLine(series.style, points(series.values.map((_, i) => x(i)), series.values.map(y))));
  }
  parts.push('</svg>');
  return parts.join('');
}

function barChart(chart: BarChart): string {
  const { labelWidth, plotWidth, width, top } = labelledFrame(chart.title);
  const bar = 20;
  const groupHeight = chart.bars.length * (bar + 4) + 18;
  const height = top + chart.groups.length * groupHeight + 10;
  const x = (p: number) => labelWidth + plotWidth * Math.max(0, Math.min(1, p));
  const parts = [svgOpen('bars', width, height, chart.title), title(chart.title, width)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="grid" x1="${n(x(tick))}" x2="${n(x(tick))}" y1="${top - 6}" y2="${height - 10}"/>`);
  }
  chart.groups.forEach((group, g) => {
    const y0 = top + g * groupHeight;
    const label = wrapWords(`${group.marked ? '◆ ' : ''}${group.label}`, LABEL_CHARS).slice(0, 3);
    parts.push(multiline(label, labelWidth - 10, y0 + groupHeight / 2 + 5, `class="bar-label${group.marked ? ' marked' : ''}" text-anchor="end"`, 18));
    chart.bars.forEach((series, b) => {
      const y = y0 + 6 + b * (bar + 4);
      const p = series.values[g] ?? 0;
      const look = STYLES[series.style];
      parts.push(`<rect class="bar bar-${series.style}" x="${labelWidth}" y="${n(y)}" width="${n(x(p) - labelWidth)}" height="${bar}" fill="${look.color}"><title>${escapeHtml(`${series.label}: ${percent(p)}`)}</title></rect>`);
      const low = x(series.low[g] ?? p);
      const high = x(series.high[g] ?? p);
      parts.push(`<line class="whisker" x1="${n(low)}" x2="${n(high)}" y1="${n(y + bar / 2)}" y2="${n(y + bar / 2)}"/>`);
      parts.push(`<text class="bar-value" x="${n(Math.max(x(p), high) + 6)}" y="${n(y + bar - 5)}">${percent(p)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

function differenceChart(chart: DifferenceChart): string {
  const { labelWidth, plotWidth, width, top } = labelledFrame(chart.title);
  const row = 36;
  const height = top + chart.rows.length * row + 30;
  const extent = Math.max(0.01, ...chart.rows.flatMap((item) => [Math.abs(item.low), Math.abs(item.high)]));
  const scale = niceCeiling(extent);
  const x = (d: number) => labelWidth + plotWidth * (0.5 + d / (2 * scale));
  const parts = [svgOpen('differences', width, height, chart.title), title(chart.title, width)];
  for (const tick of [-scale, -scale / 2, 0, scale / 2, scale]) {
    parts.push(`<line class="${tick === 0 ? 'zero' : 'grid'}" x1="${n(x(tick))}" x2="${n(x(tick))}" y1="${top - 6}" y2="${height - 28}"/>`);
    parts.push(`<text class="tick" x="${n(x(tick))}" y="${height - 8}" text-anchor="middle">${signed(tick, scale < 0.1 ? 3 : 2)}</text>`);
  }
  chart.rows.forEach((item, i) => {
    const y = top + i * row + row / 2;
    parts.push(multiline(wrapWords(item.label, LABEL_CHARS).slice(0, 2), labelWidth - 10, y + 5, 'class="bar-label" text-anchor="end"', 16));
    parts.push(`<line class="whisker" x1="${n(x(item.low))}" x2="${n(x(item.high))}" y1="${n(y)}" y2="${n(y)}"/>`);
    parts.push(`<circle class="point" cx="${n(x(item.value))}" cy="${n(y)}" r="6" fill="${STYLES.player.color}"><title>${escapeHtml(`${item.label}: ${signed(item.value)} [${signed(item.low)}, ${signed(item.high)}]`)}</title></circle>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The frame of a chart with labels on the left: the label column, the plot, a margin for values, and the top of the plot below the title. */
function labelledFrame(chartTitle: string): { labelWidth: number; plotWidth: number; width: number; top: number } {
  const labelWidth = 330;
  const plotWidth = 420;
  const width = labelWidth + plotWidth + 80;
  return { labelWidth, plotWidth, width, top: 20 + 22 * titleLines(chartTitle, width).length };
}

/** Characters of a label beside bars before it wraps (at the label column's width). */
const LABEL_CHARS = 34;

/** A chart's title in lines that fit its width (about 9 pixels a character at its size). */
function titleLines(text: string, width: number): string[] {
  return wrapWords(text, Math.floor(width / 9.5));
}

function title(text: string, width: number): string {
  return titleLines(text, width).map((line, i) => `<text class="chart-title" x="0" y="${24 + i * 22}">${escapeHtml(line)}</text>`).join('');
}

/** The smallest of 1, 2 or 5 times a power of ten that is at least `x`. */
function niceCeiling(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}
