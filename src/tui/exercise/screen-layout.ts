// Where the exercise's panels go for a terminal size. Like the main layout, it
// leaves the terminal's last row free (Ink redraws the whole screen otherwise).

import type { Fit, ScreenLayout } from '../screen-layout.js';

/** Sizes of the exercise screen, in cells; the upper row has the brief beside the situation. */
export interface ExerciseScreenLayout extends ScreenLayout {
  readonly briefWidth: number;
  readonly situationWidth: number;
  readonly decisionHeight: number;
  /** Lines per action: two (title, then what it tends to do) when there is room, else one. */
  readonly actionLines: 1 | 2;
  readonly happenedHeight: number;
}

const MIN_COLUMNS = 80;
const MIN_TOP = 5;
const MIN_HAPPENED = 3;

/**
 * The layout for a terminal of `columns` × `rows`: `indicators` sets the upper
 * row's height, `actions` (the most any role has) the decision panel's.
 */
export function exerciseScreenLayoutFor(columns: number, rows: number, counts: { readonly indicators: number; readonly actions: number }, footer: 1 | 2 = 1): Fit<ExerciseScreenLayout> {
  const usable = rows - 1;
  const header = 1;
  const topWanted = 1 + counts.indicators;
  const one = 2 + counts.actions;
  const two = 1 + 2 * counts.actions;
  const need = { columns: MIN_COLUMNS, rows: header + MIN_TOP + one + MIN_HAPPENED + footer + 1 };
  if (columns < MIN_COLUMNS || rows < need.rows) return { fits: false, need };
  const free = usable - header - footer;
  const actionLines: 1 | 2 = free - two - MIN_HAPPENED >= Math.min(topWanted, 8) ? 2 : 1;
  const decisionHeight = actionLines === 2 ? two : one;
  const topHeight = Math.max(MIN_TOP, Math.min(topWanted, free - decisionHeight - MIN_HAPPENED));
  const briefWidth = Math.floor((columns - 1) * 0.55);
  return {
    fits: true,
    layout: {
      columns,
      rows: usable,
      topHeight,
      briefWidth,
      situationWidth: columns - 1 - briefWidth,
      decisionHeight,
      actionLines,
      happenedHeight: free - topHeight - decisionHeight,
      footerHeight: footer,
    },
  };
}
