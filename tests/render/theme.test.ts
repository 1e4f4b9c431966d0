import { describe, expect, it } from 'vitest';
import { CONFIG, INK, MARK, STYLES } from '../../src/render/charts/theme.js';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the look of every chart', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('draws every series and mark in a colour of at least 3:1 against the white page, and text at least 7:1', () => {
    for (const [style, look] of Object.entries(STYLES)) expect(contrast(look.color, '#ffffff'), style).toBeGreaterThanOrEqual(3);
    expect(contrast(MARK, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(INK, '#ffffff')).toBeGreaterThanOrEqual(7);
  });

  it('tells series apart by dash as well as colour, so they read in black and white', () => {
    const looks = Object.values(STYLES).map((look) => `${look.color} ${look.dash.join(',')}`);
    const pairs = [['player', 'policy'], ['base', 'variant'], ['run', 'baseline'], ['mean', 'median']] as const;
    for (const [a, b] of pairs) expect(STYLES[a].dash.join(','), `${a} and ${b}`).not.toBe(STYLES[b].dash.join(','));
    expect(new Set(looks).size).toBeGreaterThan(4);
  });

  it('sets type large enough for a projector: axis labels of 15px and titles of 20px', () => {
    expect(CONFIG.axis?.labelFontSize).toBeGreaterThanOrEqual(15);
    expect(CONFIG.legend?.labelFontSize).toBeGreaterThanOrEqual(15);
    expect(CONFIG.title?.fontSize).toBeGreaterThanOrEqual(20);
  });
});
