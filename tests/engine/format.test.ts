import { describe, expect, it } from 'vitest';
import { pad, padStart, percent, percentInterval, points, sparkline } from '../../src/engine/format.js';

describe('chances', () => {
  it('print as a percentage with one decimal, or whole where a panel asks for it', () => {
    expect(percent(0.4213)).toBe('42.1%');
    expect(percent(0.41)).toBe('41.0%');
    expect(percent(0.325, 0)).toBe('33%');
    expect(percentInterval([0.411, 0.431])).toBe('(41.1–43.1%)');
  });

  it('print a difference in percentage points, written pp, with its sign', () => {
    expect(points(0.123)).toBe('+12.3 pp');
    expect(points(-0.004)).toBe('−0.4 pp');
    expect(points(0)).toBe('0.0 pp');
    expect(points(-0.0001)).toBe('0.0 pp');
  });
});

describe('sparklines', () => {
  it('draw values in [0, 1] on an absolute scale', () => {
    expect(sparkline([0, 0.5, 1], 10)).toBe('▁▅█');
  });

  it('put each value in one of eight equal bins, the top one closed', () => {
    expect(sparkline([0, 0.124, 0.125, 0.25, 0.5, 0.874, 0.875, 1])).toBe('▁▁▂▃▅▇██');
  });

  it('keep only the most recent values that fit', () => {
    expect(sparkline([0, 0, 1, 1], 2)).toBe('██');
  });
});

describe('cells', () => {
  it('pad and cut text to a width, marking cuts with an ellipsis', () => {
    expect(pad('Niger', 7)).toBe('Niger  ');
    expect(pad('Mali and Burkina Faso', 8)).toBe('Mali an…');
    expect(padStart('0.5', 5)).toBe('  0.5');
  });
});
