import { describe, expect, it } from 'vitest';
import { RESAMPLES } from '../../src/engine/analysis/sensitivity/bootstrap.js';
import { pointOf } from '../../src/engine/analysis/sensitivity/design.js';
import { morrisDesign, morrisIndices } from '../../src/engine/analysis/sensitivity/morris.js';
import { saltelliDesign, sobolIndices } from '../../src/engine/analysis/sensitivity/sobol.js';
import { studyStream } from '../../src/engine/analysis/sensitivity/uniform.js';
import type { Design } from '../../src/engine/analysis/sensitivity/design.js';
import { MAX_SOBOL_DIMENSIONS, sobolPoints } from '../../src/engine/analysis/sensitivity/sobol-sequence.js';

/** The Ishigami function (a = 7, b = 0.1) with each input uniform on [-pi, pi]. */
const A = 7;
const B = 0.1;
function ishigami(unit: ArrayLike<number>): number {
  const [x1, x2, x3] = [0, 1, 2].map((d) => -Math.PI + 2 * Math.PI * unit[d]!) as [number, number, number];
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

/** The Ishigami indices in closed form (Ishigami and Homma 1990; Sobol' and Levitan 1999). */
function ishigamiIndices() {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = (8 * B ** 2 * pi8) / 225;
  const variance = v1 + v2 + v13;
  return { first: [v1 / variance, v2 / variance, 0], total: [(v1 + v13) / variance, v2 / variance, v13 / variance] };
}

const evaluate = (design: Design, f: (unit: ArrayLike<number>) => number) =>
  Float64Array.from({ length: design.count }, (_, index) => f(pointOf(design, index)));

describe('Sobol indices on Saltelli\'s design', () => {
  const design = saltelliDesign(3, 4096, studyStream(11, 'design'));
  const indices = sobolIndices(design, evaluate(design, ishigami), studyStream(11, 'bootstrap'), RESAMPLES)!;
  const truth = ishigamiIndices();

  it('has the published Ishigami values (first-order 0.314, 0.442, 0; total 0.558, 0.442, 0.244)', () => {
    expect(truth.first.map((value) => value.toFixed(3))).toEqual(['0.314', '0.442', '0.000']);
    expect(truth.total.map((value) => value.toFixed(3))).toEqual(['0.558', '0.442', '0.244']);
  });

  it('reproduces the Ishigami first-order and total indices within their bootstrap intervals', () => {
    indices.forEach((index, i) => {
      const [s1Low, s1High] = index.S1Ci95;
      const [stLow, stHigh] = index.STCi95;
      expect(s1Low, `S1 of x${i + 1}`).toBeLessThan(truth.first[i]!);
      expect(s1High, `S1 of x${i + 1}`).toBeGreaterThan(truth.first[i]!);
      expect(stLow, `ST of x${i + 1}`).toBeLessThan(truth.total[i]!);
      expect(stHigh, `ST of x${i + 1}`).toBeGreaterThan(truth.total[i]!);
      expect(Math.abs(index.S1 - truth.first[i]!), `S1 of x${i + 1}`).toBeLessThan(0.03);
      expect(Math.abs(index.ST - truth.total[i]!), `ST of x${i + 1}`).toBeLessThan(0.03);
    });
  });

  it('gives intervals narrow enough to tell the parameters apart', () => {
    for (const index of indices) {
      expect(index.S1Ci95[1] - index.S1Ci95[0]).toBeLessThan(0.1);
      expect(index.STCi95[1] - index.STCi95[0]).toBeLessThan(0.1);
    }
  });

  it('has no indices for an output that does not vary', () => {
    expect(sobolIndices(design, new Float64Array(design.count).fill(0.25), studyStream(11, 'bootstrap'), 50)).toBeNull();
  });

  it('is a pure function of the seed', () => {
    const again = saltelliDesign(3, 4096, studyStream(11, 'design'));
    expect(Array.from(again.unit)).toEqual(Array.from(design.unit));
    const other = saltelliDesign(3, 4096, studyStream(12, 'design'));
    expect(Array.from(other.unit)).not.toEqual(Array.from(design.unit));
  });
});

describe('Morris elementary effects', () => {
  it('gives zero for every parameter the output does not depend on', () => {
    const design = morrisDesign(4, 20, studyStream(3, 'design'));
    const values = evaluate(design, (unit) => 3 * unit[2]! ** 2 + unit[2]!);
    const indices = morrisIndices(design, values, studyStream(3, 'bootstrap'), RESAMPLES);
    indices.forEach((index, d) => {
      if (d === 2) {
        expect(index.muStar).toBeGreaterThan(1);
        expect(index.muStarCi95[0]).toBeGreaterThan(0);
      } else {
        expect(index).toEqual({ mu: 0, muStar: 0, sigma: 0, muStarCi95: [0, 0] });
      }
    });
  });

  it('measures a linear effect exactly, with its sign, and no spread', () => {
    const design = morrisDesign(3, 10, studyStream(5, 'design'));
    const values = evaluate(design, (unit) => 2 * unit[0]! - 0.5 * unit[1]!);
    const [first, second, third] = morrisIndices(design, values, studyStream(5, 'bootstrap'), 100);
    expect(first!.mu).toBeCloseTo(2, 12);
    expect(first!.muStar).toBeCloseTo(2, 12);
    expect(first!.sigma).toBeCloseTo(0, 12);
    expect(second!.mu).toBeCloseTo(-0.5, 12);
    expect(second!.muStar).toBeCloseTo(0.5, 12);
    expect(third!.muStar).toBe(0);
  });

  it('moves every parameter once per trajectory, by delta, on the grid', () => {
    const design = morrisDesign(5, 8, studyStream(9, 'design'), 6);
    for (let t = 0; t < design.trajectories; t += 1) {
      const moved = new Set<number>();
      for (let step = 0; step < 5; step += 1) {
        const before = pointOf(design, t * 6 + step);
        const after = pointOf(design, t * 6 + step + 1);
        const changed = [0, 1, 2, 3, 4].filter((d) => before[d] !== after[d]);
        expect(changed).toHaveLength(1);
        const d = changed[0]!;
        moved.add(d);
        expect((after[d]! - before[d]!) * design.signs[t * 5 + step]!).toBeCloseTo(design.delta, 12);
        expect(after[d]).toBeGreaterThanOrEqual(0);
        expect(after[d]).toBeLessThanOrEqual(1);
        expect(Math.abs(after[d]! * 5 - Math.round(after[d]! * 5))).toBeLessThan(1e-12);
      }
      expect(moved.size).toBe(5);
    }
  });
});

describe('the Sobol\' sequence', () => {
  const strata = (points: Float64Array, dimensions: number, count: number, d: number) =>
    new Set(Array.from({ length: count }, (_, i) => Math.floor(points[i * dimensions + d]! * count))).size;

  it('puts exactly one of its first 2^m points in each of 2^m equal slices of every dimension', () => {
    for (const random of [undefined, studyStream(1, 'design')]) {
      const points = sobolPoints(MAX_SOBOL_DIMENSIONS, 256, random);
      for (let d = 0; d < MAX_SOBOL_DIMENSIONS; d += 1) expect(strata(points, MAX_SOBOL_DIMENSIONS, 256, d), `dimension ${d + 1}`).toBe(256);
    }
  });

  it('starts at the origin unscrambled, and elsewhere scrambled', () => {
    expect(Array.from(sobolPoints(3, 4))).toEqual([0, 0, 0, 0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75]);
    expect(Array.from(sobolPoints(3, 1, studyStream(1, 'design')))).not.toEqual([0, 0, 0]);
  });

  it('refuses more dimensions than it has direction numbers for', () => {
    expect(() => sobolPoints(MAX_SOBOL_DIMENSIONS + 1, 4)).toThrow(RangeError);
  });
});
