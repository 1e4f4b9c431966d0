import { t975, Z975 } from './student.js';

/** A 95% interval, [low, high]. */
export type Interval = readonly [number, number];

/**
 * Wilson's score interval for a proportion of `k` in `n`: unlike the normal
 * approximation it stays inside [0, 1] and keeps its coverage near 0 and 1,
 * where rare events live.
 */
export function wilson(k: number, n: number): Interval {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = Z975 * Z975;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z975 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}

/** A 2x2 table of paired yes/no results: both, first only, second only, neither. */
export interface PairedCounts {
  readonly both: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
  readonly neither: number;
}

/**
 * Newcombe's hybrid score interval (method 10, 1998) for the difference
 * p(second) - p(first) of paired proportions: it combines the two Wilson
 * intervals with the correlation of the pairs, so common random numbers
 * narrow it as they should.
 */
export function pairedDifference(counts: PairedCounts): Interval {
  const { both: a, firstOnly: b, secondOnly: c, neither: d } = counts;
  const n = a + b + c + d;
  if (n === 0) return [-1, 1];
  const p1 = (a + c) / n;
  const p2 = (a + b) / n;
  const [l1, u1] = wilson(a + c, n);
  const [l2, u2] = wilson(a + b, n);
  const product = (a + b) * (c + d) * (a + c) * (b + d);
  const phi = product === 0 ? 0 : (a * d - b * c) / Math.sqrt(product);
  const theta = p1 - p2;
  const below = Math.sqrt(Math.max(0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2));
  const above = Math.sqrt(Math.max(0, (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2));
  return [Math.max(-1, theta - below), Math.min(1, theta + above)];
}

/**
 * The 95% interval of p(second) - p(first) from paired yes/no results, as
 * the mean of the per-pair differences (+1 second only, -1 first only, 0
 * otherwise) with Student's t, like a metric's paired difference. It is as
 * wide as the pairs disagree: when no pair does, every difference is 0 and so
 * is the interval, which is what a scenario compared with itself must show.
 * Kept within [-1, 1]; [-1, 1] for a single pair that disagrees, which gives
 * no spread to estimate.
 */
export function pairedShareInterval(counts: PairedCounts): Interval {
  const { both, firstOnly, secondOnly, neither } = counts;
  if (firstOnly + secondOnly === 0) return [0, 0];
  const n = both + firstOnly + secondOnly + neither;
  const interval = meanInterval({ n, sum: BigInt(secondOnly - firstOnly), squares: BigInt(firstOnly + secondOnly) }, 1);
  if (interval === null) return [-1, 1];
  return [Math.max(-1, interval[0]), Math.min(1, interval[1])];
}

/** Exact sums of integer observations: their count, sum and sum of squares. */
export interface Moments {
  readonly n: number;
  readonly sum: bigint;
  readonly squares: bigint;
}

/** The mean of integer observations, divided by `scale`. */
export function meanOf(moments: Moments, scale: number): number {
  return moments.n === 0 ? 0 : Number(moments.sum) / moments.n / scale;
}

/** The sample standard deviation, divided by `scale` (0 for fewer than two). */
export function sdOf(moments: Moments, scale: number): number {
  const { n, sum, squares } = moments;
  if (n < 2) return 0;
  const big = BigInt(n);
  // Exact in integers up to the last step, so no cancellation error.
  const numerator = big * squares - sum * sum;
  return Math.sqrt(Number(numerator) / (n * (n - 1))) / scale;
}

/**
 * Student's t interval for the mean, divided by `scale`; null for fewer than
 * two observations, where no interval can be given.
 */
export function meanInterval(moments: Moments, scale: number): Interval | null {
  if (moments.n < 2) return null;
  const mean = meanOf(moments, scale);
  const half = (t975(moments.n - 1) * sdOf(moments, scale)) / Math.sqrt(moments.n);
  return [mean - half, mean + half];
}
