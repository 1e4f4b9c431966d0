import type { Config } from 'vega-lite';
import type { SeriesStyle } from '../document.js';

// How every chart looks: large type for a projector at the back of a room, a
// font every system has or substitutes the same way, and colours from the
// Okabe–Ito palette, which stays distinct with every common colour-vision
// deficiency. Each colour a line or a mark is drawn in keeps a contrast of at
// least 3:1 with the white page (tests/render/theme.test.ts computes it); text is near-black.

/** The text colour of every chart. */
export const INK = '#111111';

/** How each series looks: a colour, a line width, and a dash that tells it apart in black and white too. */
export const STYLES: Readonly<Record<SeriesStyle, { readonly color: string; readonly width: number; readonly dash: readonly number[] }>> = {
  run: { color: '#000000', width: 3, dash: [] },
  baseline: { color: '#6b6b6b', width: 2.5, dash: [6, 4] },
  player: { color: '#0072B2', width: 3, dash: [] },
  policy: { color: '#D55E00', width: 3, dash: [2, 3] },
  mean: { color: '#0072B2', width: 3.5, dash: [] },
  median: { color: '#000000', width: 2, dash: [6, 4] },
  base: { color: '#0072B2', width: 3, dash: [] },
  variant: { color: '#D55E00', width: 3, dash: [8, 4] },
};

/** The colour of single-series marks (bars, points, lines of one quantity). */
export const MARK = STYLES.mean.color;

/** The sequential scheme of heat maps: viridis, ordered in lightness and readable with colour-vision deficiencies. */
export const HEAT_SCHEME = 'viridis';

/** A chart's plot size in pixels (the page scales the SVG to its column). */
export const SIZE = { width: 560, height: 260 } as const;

const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** The Vega-Lite config every chart carries (and embeds with its spec, so a notebook draws it the same). */
export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 20, fontWeight: 'bold', anchor: 'start', color: INK, offset: 12, lineHeight: 26 },
  axis: {
    labelFontSize: 15, titleFontSize: 16, titleFontWeight: 'normal', labelColor: INK, titleColor: INK,
    domainColor: '#333333', tickColor: '#333333', gridColor: '#dddddd', labelLimit: 520,
  },
  legend: {
    labelFontSize: 15, titleFontSize: 15, titleFontWeight: 'normal', labelColor: INK, titleColor: INK,
    orient: 'bottom', direction: 'vertical', labelLimit: 0, symbolSize: 300, symbolStrokeWidth: 3,
  },
  header: { labelFontSize: 16, titleFontSize: 16, labelColor: INK, titleColor: INK },
  text: { fontSize: 14, color: INK },
};
