import { describe, expect, it } from 'vitest';
import { meanInterval, pairedDifference, wilson } from '../../src/engine/batch/interval.js';
import { t975 } from '../../src/engine/batch/student.js';

describe('Wilson score interval', () => {
  it('matches the textbook values', () => {
    // 30 of 100: Wilson 95% interval (0.2189, 0.3958), as scipy's binomtest(30, 100).proportion_ci('wilson') gives.
    const [low, high] = wilson(30, 100);
    expect(low).toBeCloseTo(0.2189, 4);
    expect(high).toBeCloseTo(0.3958, 4);
  });

  it('stays inside [0, 1] and touches the edge only at 0 and n', () => {
    expect(wilson(0, 50)[0]).toBe(0);
    expect(wilson(0, 50)[1]).toBeGreaterThan(0);
    expect(wilson(50, 50)[1]).toBe(1);
    expect(wilson(50, 50)[0]).toBeLessThan(1);
    const [low, high] = wilson(1, 1000);
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(0.01);
  });
});

describe('Newcombe paired-difference interval', () => {
  it('reduces to ± the Wilson upper limit when neither side ever has the event', () => {
    const upper = wilson(0, 80)[1];
    expect(pairedDifference({ both: 0, firstOnly: 0, secondOnly: 0, neither: 80 })).toEqual([-upper, upper]);
  });

  it('excludes zero when one side has the event in many more pairs', () => {
    const [low, high] = pairedDifference({ both: 30, firstOnly: 2, secondOnly: 25, neither: 43 });
    expect(low).toBeGreaterThan(0);
    expect(high).toBeLessThan(1);
    expect(low).toBeLessThan(0.23);
    expect(high).toBeGreaterThan(0.23);
  });

  it('contains zero when the pairs never disagree', () => {
    const [low, high] = pairedDifference({ both: 30, firstOnly: 0, secondOnly: 0, neither: 70 });
    expect(low).toBeLessThanOrEqual(0);
    expect(high).toBeGreaterThanOrEqual(0);
  });
});

describe('t interval of a mean', () => {
  it('uses Student t quantiles, accurate for small and large samples', () => {
    expect(t975(1)).toBeCloseTo(12.7062, 4);
    expect(t975(9)).toBeCloseTo(2.2622, 4);
    expect(t975(200)).toBeCloseTo(1.971896, 6);
    expect(t975(1e9)).toBeCloseTo(1.959964, 6);
  });

  it('computes mean ± t·sd/√n exactly from integer sums', () => {
    // Observations 1, 2, 3, 4, 5: mean 3, sd √2.5, n 5.
    const interval = meanInterval({ n: 5, sum: 15n, squares: 55n }, 1)!;
    const half = (t975(4) * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(interval[0]).toBeCloseTo(3 - half, 12);
    expect(interval[1]).toBeCloseTo(3 + half, 12);
  });

  it('gives no interval for a single observation and a zero-width one for constant data', () => {
    expect(meanInterval({ n: 1, sum: 7n, squares: 49n }, 1)).toBeNull();
    expect(meanInterval({ n: 4, sum: 8n, squares: 16n }, 1)).toEqual([2, 2]);
  });
});
