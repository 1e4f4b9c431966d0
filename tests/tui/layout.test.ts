import { describe, expect, it } from 'vitest';
import { uiScreenLayoutFor } from '../../src/tui/screen-layout.js';

const niger = { actors: 7, indicators: 7 };

describe('layout', () => {
  it('fits a classic 80×24 terminal', () => {
    expect(uiScreenLayoutFor(80, 24, niger).fits).toBe(true);
  });

  it('leaves the last row of the terminal free, so Ink never clears the screen each frame', () => {
    for (const [columns, rows] of [[80, 24], [100, 30], [160, 50]] as const) {
      const fit = uiScreenLayoutFor(columns, rows, niger);
      if (!fit.fits) throw new Error(`${columns}×${rows} should fit`);
      const { layout } = fit;
      expect(layout.rows).toBe(rows - 1);
      expect(1 + layout.topHeight + layout.bottomHeight + 1).toBe(rows - 1);
      expect(layout.cooperationHeight + layout.changesHeight).toBe(layout.bottomHeight);
    }
  });

  it('gives a line of the lower row to a two-line message', () => {
    const one = uiScreenLayoutFor(80, 24, niger);
    const two = uiScreenLayoutFor(80, 24, niger, 2);
    if (!one.fits || !two.fits) throw new Error('80×24 should fit');
    expect(two.layout.bottomHeight).toBe(one.layout.bottomHeight - 1);
    expect(1 + two.layout.topHeight + two.layout.bottomHeight + 2).toBe(23);
    expect(two.layout.changesHeight).toBeGreaterThanOrEqual(2);
  });

  it('uses the whole width and no more', () => {
    const fit = uiScreenLayoutFor(100, 30, niger);
    if (!fit.fits) throw new Error('100×30 should fit');
    expect(fit.layout.actorsWidth + 1 + fit.layout.indicatorsWidth).toBe(100);
    expect(fit.layout.leftWidth + 1 + fit.layout.eventsWidth).toBe(100);
  });

  it('says what size it needs when the terminal is too small', () => {
    const fit = uiScreenLayoutFor(60, 20, niger);
    expect(fit.fits).toBe(false);
    if (!fit.fits) expect(fit.need).toEqual({ columns: 76, rows: 24 });
  });

  it('needs more room for a scenario with more actors', () => {
    const fit = uiScreenLayoutFor(80, 24, { actors: 12, indicators: 5 });
    expect(fit.fits).toBe(false);
    if (!fit.fits) expect(fit.need.rows).toBeGreaterThan(24);
  });
});
