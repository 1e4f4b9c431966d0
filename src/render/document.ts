// The report as a small document model, so the Markdown and the HTML say the
// same things: sections build blocks once, and each format only renders them.

/** Text with emphasis: plain, strong or code. */
export type Inline = string | { readonly strong: string } | { readonly code: string };

/** A line of inline parts. */
export type Line = readonly Inline[];

/** A chart of values over the months: one line per series (the HTML draws it; Markdown gives the ends as a table). */
export interface LineChart {
  readonly kind: 'lines';
  readonly title: string;
  /** x labels, one per turn: its month (`May 2024`). */
  readonly months: readonly string[];
  readonly min: number;
  readonly max: number;
  readonly series: readonly {
    readonly label: string;
    readonly values: readonly number[];
    readonly style: SeriesStyle;
    /** A band (such as the 5th to 95th percentile) drawn under the line. */
    readonly band?: { readonly low: readonly number[]; readonly high: readonly number[] };
  }[];
}

/** Bars of probabilities in groups (outcome classes), each bar with its interval. */
export interface BarChart {
  readonly kind: 'bars';
  readonly title: string;
  readonly groups: readonly { readonly label: string; readonly marked: boolean }[];
  readonly bars: readonly { readonly label: string; readonly style: SeriesStyle; readonly values: readonly number[]; readonly low: readonly number[]; readonly high: readonly number[] }[];
}

/** Differences with their intervals around zero (a forest plot). */
export interface DifferenceChart {
  readonly kind: 'differences';
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly value: number; readonly low: number; readonly high: number }[];
  /** Differences of chances, shown in percentage points (else of values, shown as they are). */
  readonly chances?: boolean;
}

/** Small multiples of chances over the months: one panel per item (such as an event), each a line with its interval band. */
export interface PanelsChart {
  readonly kind: 'panels';
  readonly title: string;
  readonly months: readonly string[];
  readonly panels: readonly { readonly title: string; readonly values: readonly number[]; readonly low: readonly number[]; readonly high: readonly number[] }[];
}

/** How many of something fell in each month (such as the first divergence of paired runs). */
export interface HistogramChart {
  readonly kind: 'histogram';
  readonly title: string;
  readonly months: readonly string[];
  readonly counts: readonly number[];
  /** What is counted, for the y axis. */
  readonly counted: string;
}

/** A quantity with its interval against one swept parameter. */
export interface ParameterChart {
  readonly kind: 'parameter';
  readonly title: string;
  readonly parameter: string;
  readonly points: readonly { readonly x: number; readonly value: number; readonly low: number; readonly high: number }[];
  readonly chances: boolean;
}

/** A quantity with its interval over two swept parameters, one cell per combination. */
export interface HeatmapChart {
  readonly kind: 'heatmap';
  readonly title: string;
  readonly parameters: readonly [string, string];
  readonly cells: readonly { readonly x: number; readonly y: number; readonly value: number; readonly low: number; readonly high: number }[];
  readonly chances: boolean;
}

/**
 * A tornado of sensitivity indices: one row per parameter, most influential
 * first, a bar per index (mu*, or S1 and ST) with its interval, and (Morris)
 * sigma as a point on the same axis.
 */
export interface TornadoChart {
  readonly kind: 'tornado';
  readonly title: string;
  /** The x axis's title. */
  readonly axis: string;
  readonly parameters: readonly string[];
  readonly bars: readonly { readonly label: string; readonly style: SeriesStyle; readonly values: readonly number[]; readonly low: readonly number[]; readonly high: readonly number[] }[];
  /** A second quantity per parameter drawn as a point (Morris's sigma). */
  readonly points?: { readonly label: string; readonly values: readonly number[] };
}

export type Chart = LineChart | PanelsChart | BarChart | DifferenceChart | HistogramChart | ParameterChart | HeatmapChart | TornadoChart;

/** Which of a few fixed, colour-blind-safe looks a series has. */
export type SeriesStyle = 'run' | 'baseline' | 'player' | 'policy' | 'mean' | 'median' | 'base' | 'variant';

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly line: Line }
  | { readonly kind: 'list'; readonly items: readonly Line[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Line[])[]; readonly numeric: readonly boolean[] }
  | { readonly kind: 'quote'; readonly text: string }
  | { readonly kind: 'charts'; readonly charts: readonly Chart[] };

/** The whole report: a title and its blocks. */
export interface ReportDocument {
  readonly title: string;
  readonly blocks: readonly Block[];
}
