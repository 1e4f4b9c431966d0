const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of values on a fixed 0 to 1 scale, so lines are comparable. */
export function sparkline(values: readonly number[]): string {
  return values
    .map((value) => BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor(value * BARS.length - 1e-9)))])
    .join('');
}
