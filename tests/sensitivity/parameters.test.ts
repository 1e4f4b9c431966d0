import { describe, expect, it } from 'vitest';
import { valueAt, type StudyParameter } from '../../src/engine/analysis/sensitivity/parameters.js';

const uniform: StudyParameter = { name: 'p', low: 0.1, high: 0.5, distribution: 'uniform', centre: 0.2 };

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

  it('puts a triangular range\'s mode at the share of the range below it', () => {
    const triangular: StudyParameter = { ...uniform, distribution: 'triangular' };
    // P(X <= mode) = (mode - low) / (high - low) = 0.25
    expect(valueAt(triangular, 0.25)).toBeCloseTo(0.2, 6);
    expect(valueAt(triangular, 0.1)).toBeLessThan(0.2);
  });

  it('puts a normal range\'s median at its mean when the range is symmetric about it', () => {
    const normal: StudyParameter = { ...uniform, centre: 0.3, distribution: 'normal', sd: 0.05 };
    expect(valueAt(normal, 0.5)).toBeCloseTo(0.3, 6);
    // Within one sd of the mean: about 68% of the mass cut to [0.1, 0.5] (which holds 99.99%).
    expect(valueAt(normal, 0.158655)).toBeCloseTo(0.25, 3);
  });
});
