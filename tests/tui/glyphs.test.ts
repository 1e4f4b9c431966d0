import { describe, expect, it } from 'vitest';
import { formatDelta, formatPair, stanceBar } from '../../src/tui/glyphs.js';

describe('stance bars', () => {
  it('fill from the centre toward the side of the stance', () => {
    expect(stanceBar(1, 9)).toBe('····│████');
    expect(stanceBar(-1, 9)).toBe('████│····');
    expect(stanceBar(0.5, 9)).toBe('····│██··');
    expect(stanceBar(-0.5, 9)).toBe('··██│····');
  });

  it('show a neutral stance as the centre mark alone', () => {
    expect(stanceBar(0, 7)).toBe('···│···');
  });

  it('always take exactly the width asked for', () => {
    for (const width of [5, 6, 8, 13]) {
      for (const value of [-1, -0.3, 0, 0.7, 1]) expect([...stanceBar(value, width)]).toHaveLength(width);
    }
  });
});

describe('numbers', () => {
  it('show a change with its sign, and nothing for a change that rounds away', () => {
    expect(formatDelta(0.04)).toBe('+0.04');
    expect(formatDelta(-0.153)).toBe('-0.15');
    expect(formatDelta(0.001)).toBe('');
  });

  it('add a decimal when two different values would print the same', () => {
    expect(formatPair(0.501, 0.503)).toEqual(['0.501', '0.503']);
    expect(formatPair(0.5, 0.7)).toEqual(['0.50', '0.70']);
    expect(formatPair(0.5, 0.5)).toEqual(['0.50', '0.50']);
  });
});
