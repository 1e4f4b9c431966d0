// How numbers read in a report: values to two decimals, chances as percentages,
// differences with their sign and their 95% interval. Chances and differences
// of chances read as everywhere else (`engine/format.ts`).

/** `0.42` (values in [0, 1] or [-1, 1]). */
export function value(x: number): string {
  return x.toFixed(2);
}

/** `+0.031` / `−0.004` / `0`: a difference of values, to three decimals. */
export function signed(x: number, digits = 3): string {
  if (x === 0) return '0';
  // A small difference that is not zero keeps a digit that shows it, up to the state's precision.
  let shown = digits;
  while (shown < 6 && Math.abs(x) < 0.5 * 10 ** -shown) shown += 1;
  if (Math.abs(x) < 0.5 * 10 ** -shown) return '0';
  return `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(shown)}`;
}

/** `−0.012 to +0.040`, or `n/a` when there is none. */
export function interval(ci: readonly [number, number] | null, format: (x: number) => string = signed): string {
  return ci === null ? 'n/a' : `${format(ci[0])} to ${format(ci[1])}`;
}

/** Whether an interval leaves out zero: the difference is unlikely to be chance alone. */
export function clear(ci: readonly [number, number] | null): boolean {
  return ci !== null && (ci[0] > 0 || ci[1] < 0);
}
