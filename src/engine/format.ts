// How numbers and cells read as text, wherever they are shown: the command
// line's tables, the after-action report and the terminal UI all print a
// chance, a difference of chances, a padded cell and a sparkline with these,
// so one number reads the same everywhere. Pure string functions; the engine's
// own explanations use `formatNumber`.

/** Format a number for explanations: at most four decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 10000) / 10000);
}

/** A probability as a percentage, one decimal unless asked: 0.4213 → "42.1%" (`digits` 0 → "42%"). */
export function percent(p: number, digits = 1): string {
  return `${(p * 100).toFixed(digits)}%`;
}

/** A 95% interval of a probability: "(41.1–43.1%)". */
export function percentInterval(ci: readonly [number, number]): string {
  return `(${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}%)`;
}

/** The unit of a difference of probabilities: percentage points. */
const POINTS_UNIT = 'pp';

/** A signed difference of probabilities in percentage points: "+12.3 pp", "−0.4 pp", "0.0 pp". */
export function points(d: number): string {
  const text = Math.abs(d * 100).toFixed(1);
  if (Number(text) === 0) return `0.0 ${POINTS_UNIT}`;
  return `${d < 0 ? '−' : '+'}${text} ${POINTS_UNIT}`;
}

/** Pad or cut a string to exactly `width` characters (cut with an ellipsis). */
export function pad(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
  return text + ' '.repeat(width - text.length);
}

/** Right-align a string in `width` characters (cut from the left if longer). */
export function padStart(text: string, width: number): string {
  if (text.length >= width) return text.slice(text.length - width);
  return ' '.repeat(width - text.length) + text;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline of values on a fixed 0 to 1 scale, so lines are comparable; keeps
 * the last `width` values. Eight equal bins: [0, 1/8) is the lowest bar, [7/8, 1]
 * the highest, so 0.5 is the fifth bar of eight.
 */
export function sparkline(values: readonly number[], width = values.length): string {
  return values
    .slice(Math.max(0, values.length - width))
    .map((value) => BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor(value * BARS.length)))])
    .join('');
}

/** How a value is shown: six decimals at most, then its unit (`%` without a space). */
export function withUnit(value: number, unit: string | undefined): string {
  const shown = formatNumber(Math.round(value * 1e6) / 1e6);
  if (unit === undefined) return shown;
  return unit.startsWith('%') ? `${shown}${unit}` : `${shown} ${unit}`;
}
