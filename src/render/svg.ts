import { stripControl } from '../engine/text.js';
import type { SeriesStyle } from './document.js';

/** Text made safe inside HTML and SVG: no control sequences, no markup. */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A number for an SVG attribute: short, and never `-0`. */
export function n(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** How each series looks: colour-blind-safe colours (Okabe–Ito), and dashes that tell them apart in black and white. */
export const STYLES: Readonly<Record<SeriesStyle, { readonly color: string; readonly width: number; readonly dash: string | null }>> = {
  run: { color: '#000000', width: 3, dash: null },
  baseline: { color: '#6b6b6b', width: 2, dash: '6 4' },
  player: { color: '#0072B2', width: 2.5, dash: null },
  policy: { color: '#D55E00', width: 2.5, dash: '2 3' },
};

/** A polyline's points. */
export function points(xs: readonly number[], ys: readonly number[]): string {
  return xs.map((x, i) => `${n(x)},${n(ys[i]!)}`).join(' ');
}

/** An SVG element opening with its accessible title. */
export function svgOpen(kind: string, width: number, height: number, title: string): string {
  return `<svg class="chart chart-${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${escapeHtml(title)}</title>`;
}

/** A line in a series' style. */
export function styledLine(style: SeriesStyle, pointsText: string): string {
  const look = STYLES[style];
  const dash = look.dash === null ? '' : ` stroke-dasharray="${look.dash}"`;
  return `<polyline class="series series-${style}" fill="none" stroke="${look.color}" stroke-width="${look.width}"${dash} stroke-linejoin="round" points="${pointsText}"/>`;
}

/** A small legend swatch (line) and label, as HTML. */
export function legendItem(style: SeriesStyle, label: string): string {
  const look = STYLES[style];
  const dash = look.dash === null ? '' : ` stroke-dasharray="${look.dash}"`;
  return `<span class="legend-item"><svg class="swatch" viewBox="0 0 36 12" aria-hidden="true"><line x1="0" y1="6" x2="36" y2="6" stroke="${look.color}" stroke-width="${look.width + 0.5}"${dash}/></svg>${escapeHtml(label)}</span>`;
}

/** Words broken into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((item) => item !== '')) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** An SVG text of several lines centred vertically on `y`. */
export function multiline(lines: readonly string[], x: number, y: number, attributes: string, lineHeight: number): string {
  const first = y - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines.map((text, i) => `<tspan x="${n(x)}" y="${n(first + i * lineHeight)}">${escapeHtml(text)}</tspan>`).join('');
  return `<text ${attributes}>${spans}</text>`;
}
