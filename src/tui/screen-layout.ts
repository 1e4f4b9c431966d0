// Where the panels go for a terminal size. Ink clears the whole screen on every
// frame once the output is as tall as the terminal (which flickers), so the
// layout always leaves the last row free.

/** What every screen's layout has, the UI's and the exercise's. */
export interface ScreenLayout {
  readonly columns: number;
  /** Rows the UI may use: one less than the terminal's. */
  readonly rows: number;
  /** Height of the upper row. */
  readonly topHeight: number;
  /** Lines of the footer: two when a message needs them. */
  readonly footerHeight: number;
}

/** A layout for a terminal, or the size the terminal would need. */
export type Fit<L extends ScreenLayout> =
  | { readonly fits: true; readonly layout: L }
  | { readonly fits: false; readonly need: { readonly columns: number; readonly rows: number } };

/** Sizes of every part of the screen, in cells; the upper row has the actors beside the indicators. */
export interface UiScreenLayout extends ScreenLayout {
  readonly actorsWidth: number;
  readonly indicatorsWidth: number;
  /** Height of the lower row: cooperation over changes, beside events. */
  readonly bottomHeight: number;
  readonly leftWidth: number;
  readonly cooperationHeight: number;
  readonly changesHeight: number;
  readonly eventsWidth: number;
}

/** How many actors and indicators the scenario has: they set the panel heights. */
export interface Counts {
  readonly actors: number;
  readonly indicators: number;
}

const HEADER = 1;
const FOOTER = 1;
const GAP = 1;
const MIN_CHANGES = 3;
const MIN_EVENTS_WIDTH = 40;
const MIN_ACTORS_WIDTH = 44;
const MIN_INDICATORS_WIDTH = 30;

/** Width of the cooperation heat map: row labels, then four cells per actor. */
export function cooperationWidth(actors: number): number {
  return 7 + 4 * actors;
}

/**
 * The layout for a terminal of `columns` × `rows`, or the size it would need.
 * `footer` is 2 while a long message (such as where a record was written) is
 * shown; the lower row gives up the line.
 */
export function uiScreenLayoutFor(columns: number, rows: number, counts: Counts, footer: 1 | 2 = 1): Fit<UiScreenLayout> {
  const topHeight = Math.max(2 + counts.actors, 1 + counts.indicators);
  const cooperationHeight = 2 + counts.actors;
  const minLeft = Math.max(cooperationWidth(counts.actors), 30);
  const need = {
    columns: Math.max(minLeft + GAP + MIN_EVENTS_WIDTH, MIN_ACTORS_WIDTH + GAP + MIN_INDICATORS_WIDTH),
    rows: HEADER + topHeight + cooperationHeight + MIN_CHANGES + FOOTER + 1,
  };
  if (columns < need.columns || rows < need.rows) return { fits: false, need };
  const usable = rows - 1;
  const bottomHeight = usable - HEADER - topHeight - footer;
  const indicatorsWidth = Math.max(MIN_INDICATORS_WIDTH, Math.floor((columns - GAP) * 0.42));
  // Wide terminals give the changes list (under the heat map) room for its labels.
  const leftWidth = Math.max(minLeft, Math.min(48, Math.floor(columns * 0.3)));
  return {
    fits: true,
    layout: {
      columns,
      rows: usable,
      topHeight,
      actorsWidth: columns - GAP - indicatorsWidth,
      indicatorsWidth,
      bottomHeight,
      leftWidth,
      cooperationHeight,
      changesHeight: bottomHeight - cooperationHeight,
      eventsWidth: columns - GAP - leftWidth,
      footerHeight: footer,
    },
  };
}
