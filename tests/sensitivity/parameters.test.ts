import { describe, expect, it } from 'vitest';
import { valueAt, type StudyParameter } from '../../src/engine/analysis/sensitivity/parameters.js';

const uniform: StudyParameter = { name: 'p', value: 0.2, low: 0.1, high: 0.5, distribution: 'uniform', centre: 0.2 };

describe('a parameter\'s value at a quantile of its distribution', () => {
  it('spans the range from its low end (0) to its high end (1)', () => {
    for (const distribution of ['uniform', 'triangular', 'normal'] as const) {
      const parameter = { ...uniform, distribution, ...(distribution === 'normal' ? { sd: 0.1 } : {}) };
      expect(valueAt(parameter, 0), distribution).toBe(0.1);
      expect(valueAt(parameter, 1), distribution).toBe(0.5);
    }
  });

  it('is linear for a uniform range and rounded to millionths', () => {
    expect(valueAt(uniform, 0.5)).toBe(0.3);
    expect(valueAt(uniform, 1 / 3)).toBe(0.233333);
  });
});
