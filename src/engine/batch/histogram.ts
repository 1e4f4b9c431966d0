/**
 * Fixed bins for indicator values in [0, 1]: bin k holds the values that round
 * to k / 1000, so bin k's centre is exactly k / 1000. A histogram per
 * (indicator, turn) costs the same memory for ten runs or ten million, and two
 * histograms merge exactly by adding counts.
 */
export const BINS = 1001;
const SCALE = BINS - 1;

/** The bin of an indicator value (values outside [0, 1] fall in the end bins). */
export function binOf(value: number): number {
  const bin = Math.round(value * SCALE);
  return bin < 0 ? 0 : bin > SCALE ? SCALE : bin;
}

/** The value a bin stands for. */
export function binValue(bin: number): number {
  return bin / SCALE;
}

/**
 * The `percent`-th percentile of the `total` values counted in
 * `counts[offset .. offset + BINS)`, by the inverted empirical distribution
 * (the smallest value with at least that share of the values at or below it),
 * to the nearest 0.001. Integer percent keeps the rank exact (0.95 * 100 is
 * not 95 in floating point).
 */
export function binPercentile(counts: ArrayLike<number>, offset: number, total: number, percent: number): number {
  const rank = Math.max(1, Math.ceil((percent * total) / 100));
  let seen = 0;
  for (let bin = 0; bin < BINS; bin += 1) {
    seen += counts[offset + bin]!;
    if (seen >= rank) return binValue(bin);
  }
  return binValue(SCALE);
}
