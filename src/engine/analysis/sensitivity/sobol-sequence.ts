import type { Uniform } from './uniform.js';

// Sobol' low-discrepancy points in base 2, generated in Gray-code order
// (Antonov and Saleev), with the direction numbers of S. Joe and F. Y. Kuo,
// "Constructing Sobol sequences with better two-dimensional projections",
// SIAM J. Sci. Comput. 30 (2008) 2635-2654: the file new-joe-kuo-6.21201 of
// https://web.maths.unsw.edu.au/~fkuo/sobol/ (dimensions 2 to 41 below; the
// first dimension is the van der Corput sequence). The same numbers are what
// SciPy's `qmc.Sobol` and SALib use, so unscrambled points agree with theirs.

/** Each dimension from the second: `a` (the primitive polynomial's inner coefficients) and the initial m_1..m_s. */
const DIRECTIONS: readonly (readonly [number, readonly number[]])[] = [
  [0, [1]], [1, [1, 3]], [1, [1, 3, 1]], [2, [1, 1, 1]], [1, [1, 1, 3, 3]],
  [4, [1, 3, 5, 13]], [2, [1, 1, 5, 5, 17]], [4, [1, 1, 5, 5, 5]], [7, [1, 1, 7, 11, 19]], [11, [1, 1, 5, 1, 1]],
  [13, [1, 1, 1, 3, 11]], [14, [1, 3, 5, 5, 31]], [1, [1, 3, 3, 9, 7, 49]], [13, [1, 1, 1, 15, 21, 21]], [16, [1, 3, 1, 13, 27, 49]],
  [19, [1, 1, 1, 15, 7, 5]], [22, [1, 3, 1, 15, 13, 25]], [25, [1, 1, 5, 5, 19, 61]], [1, [1, 3, 7, 11, 23, 15, 103]], [4, [1, 3, 7, 13, 13, 15, 69]],
  [7, [1, 1, 3, 13, 7, 35, 63]], [8, [1, 3, 5, 9, 1, 25, 53]], [14, [1, 3, 1, 13, 9, 35, 107]], [19, [1, 3, 1, 5, 27, 61, 31]], [21, [1, 1, 5, 11, 19, 41, 61]],
  [28, [1, 3, 5, 3, 3, 13, 69]], [31, [1, 1, 7, 13, 1, 19, 1]], [32, [1, 3, 7, 5, 13, 19, 59]], [37, [1, 1, 3, 9, 25, 29, 41]], [41, [1, 3, 5, 13, 23, 1, 55]],
  [42, [1, 3, 7, 3, 13, 59, 17]], [50, [1, 3, 1, 3, 5, 53, 69]], [55, [1, 1, 5, 5, 23, 33, 13]], [56, [1, 1, 7, 7, 1, 61, 123]], [59, [1, 1, 7, 9, 13, 61, 49]],
  [62, [1, 3, 3, 5, 3, 55, 33]], [14, [1, 3, 1, 15, 31, 13, 49, 245]], [21, [1, 3, 5, 15, 31, 59, 63, 97]], [22, [1, 3, 1, 11, 11, 11, 77, 249]], [38, [1, 3, 1, 11, 27, 43, 71, 9]],
];

/** Bits of each coordinate: enough for 2^32 points. */
const BITS = 32;
const SCALE = 2 ** BITS;

/** The most dimensions this generator has direction numbers for. */
export const MAX_SOBOL_DIMENSIONS = DIRECTIONS.length + 1;

/** The BITS direction numbers of one dimension (0-based), as 32-bit integers. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let k = 0; k < BITS; k += 1) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [a, m] = DIRECTIONS[dimension - 1]!;
  const s = m.length;
  for (let k = 0; k < BITS; k += 1) {
    if (k < s) {
      v[k] = m[k]! * 2 ** (BITS - 1 - k);
      continue;
    }
    let value = v[k - s]! ^ (v[k - s]! >>> s);
    for (let i = 1; i < s; i += 1) {
      if (((a >>> (s - 1 - i)) & 1) === 1) value ^= v[k - i]!;
    }
    v[k] = value >>> 0;
  }
  return v;
}

/** The parity (0 or 1) of a 32-bit integer's set bits. */
function parity(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * Owen's linear matrix scrambling with a digital shift (as SciPy's `qmc.Sobol`
 * scrambles, though with other random bits): a random lower-triangular binary
 * matrix with a unit diagonal applied to the direction numbers, then a random
 * XOR of every coordinate. The points keep their net properties, the first is
 * no longer 0, and estimates from them get honest random error.
 */
function scramble(v: Uint32Array, random: Uniform): { readonly directions: Uint32Array; readonly shift: number } {
  // Row r of the matrix, as a mask over the digits (digit 0 is the most significant bit).
  const rows = Array.from({ length: BITS }, (_, r) => {
    let mask = 2 ** (BITS - 1 - r);
    for (let c = 0; c < r; c += 1) if (random() < 0.5) mask += 2 ** (BITS - 1 - c);
    return mask >>> 0;
  });
  const directions = v.map((number) => {
    let out = 0;
    for (let r = 0; r < BITS; r += 1) if (parity(number & rows[r]!) === 1) out += 2 ** (BITS - 1 - r);
    return out >>> 0;
  });
  return { directions, shift: Math.floor(random() * SCALE) >>> 0 };
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol' sequence,
 * row after row (point i's coordinate d at i * dimensions + d), each in
 * [0, 1). With `random`, the sequence is scrambled (one scramble for all points).
 */
export function sobolPoints(dimensions: number, count: number, random?: Uniform): Float64Array {
  if (dimensions < 1 || dimensions > MAX_SOBOL_DIMENSIONS) {
    throw new RangeError(`a Sobol' sequence here has 1 to ${MAX_SOBOL_DIMENSIONS} dimensions, not ${dimensions}`);
  }
  if (count > SCALE) throw new RangeError(`a Sobol' sequence here has at most 2^${BITS} points`);
  const tables = Array.from({ length: dimensions }, (_, d) => {
    const v = directionNumbers(d);
    return random === undefined ? { directions: v, shift: 0 } : scramble(v, random);
  });
  const x = new Uint32Array(dimensions);
  tables.forEach((table, d) => {
    x[d] = table.shift;
  });
  const out = new Float64Array(dimensions * count);
  for (let i = 0; i < count; i += 1) {
    if (i > 0) {
      // Gray code: point i differs from point i - 1 by the direction number
      // of the lowest zero bit of i - 1.
      let c = 0;
      let value = i - 1;
      while ((value & 1) === 1) {
        value >>>= 1;
        c += 1;
      }
      for (let d = 0; d < dimensions; d += 1) x[d] = (x[d]! ^ tables[d]!.directions[c]!) >>> 0;
    }
    for (let d = 0; d < dimensions; d += 1) out[i * dimensions + d] = x[d]! / SCALE;
  }
  return out;
}
