import type { SeriesStyle } from '../document.js';
import { CONFIG, SIZE, STYLES } from './theme.js';
import type { ChartSpec } from './vega.js';

/** What every spec starts with: its schema (so a notebook knows it is Vega-Lite), title in lines that fit, size and the shared look. */
export function frame(title: string, size: { readonly width: number; readonly height: number } = SIZE): Pick<ChartSpec, '$schema' | 'title' | 'config'> & { width: number; height: number } {
  const text = wrapWords(title, TITLE_CHARS);
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: text.length === 1 ? text[0]! : text }, width: size.width, height: size.height, config: CONFIG };
}

/** Characters of a title's line before it wraps (at the title's size, over the narrowest chart). */
const TITLE_CHARS = 48;

/** Words broken into lines of at most `width` characters (a longer word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
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
  return lines.length === 0 ? [''] : lines;
}

/** Scales that give each series (by label) its style's colour, dash and width. */
export function seriesScales(series: readonly { readonly label: string; readonly style: SeriesStyle }[]) {
  const domain = series.map((item) => item.label);
  return {
    color: { domain, range: series.map((item) => STYLES[item.style].color) },
    // Vega draws an empty dash array as a solid line only in some renderers; [1, 0] is solid in all.
    strokeDash: { domain, range: series.map((item) => (STYLES[item.style].dash.length === 0 ? [1, 0] : [...STYLES[item.style].dash])) },
    strokeWidth: { domain, range: series.map((item) => STYLES[item.style].width) },
  };
}

/** Axis labels for a chance (a share of runs) or a difference of chances, in percentage points. */
export function chanceAxis(difference: boolean) {
  return difference ? { labelExpr: "format(datum.value * 100, '+.0f') + ' pp'" } : { format: '.0%' };
}

/** The number a mark's label shows: a chance as a percentage, a value to two decimals. */
export function valueFormat(chances: boolean): string {
  return chances ? '.1%' : '.2f';
}

/** The smallest of 1, 2 or 5 times a power of ten that is at least `x`. */
export function niceCeiling(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5]) if (step * power >= x) return step * power;
  return 10 * power;
}
