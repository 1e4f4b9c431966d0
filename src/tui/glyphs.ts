// Small text drawings for the panels. Pure string functions, so panels stay
// views and the drawings can be tested on their own.

const SPARKS = '▁▂▃▄▅▆▇█';

/**
 * A diverging bar for a stance in [-1, 1]: a centre mark with cells filled
 * from the centre toward the value, e.g. `···│██··` for 0.5 at width 8.
 */
export function stanceBar(value: number, width: number): string {
  const half = Math.max(1, Math.floor((width - 1) / 2));
  const clamped = Math.max(-1, Math.min(1, value));
  const filled = Math.round(Math.abs(clamped) * half);
  const left = clamped < 0 ? '·'.repeat(half - filled) + '█'.repeat(filled) : '·'.repeat(half);
  const right = clamped > 0 ? '█'.repeat(filled) + '·'.repeat(half - filled) : '·'.repeat(half);
  return pad(`${left}│${right}`, width);
}

/** A sparkline of values in [0, 1] on an absolute scale; keeps the last `width` values. */
export function sparkline(values: readonly number[], width: number): string {
  const shown = values.slice(Math.max(0, values.length - width));
  return shown
    .map((value) => SPARKS[Math.max(0, Math.min(SPARKS.length - 1, Math.floor(value * SPARKS.length)))])
    .join('');
}

/** `0.59`: a value in [0, 1] (or a stance in [-1, 1]) at two decimals. */
export function formatValue(value: number): string {
  return value.toFixed(2);
}

/**
 * Two values side by side (before and after, parent and branch), with a third
 * decimal when two would print the same although the values differ.
 */
export function formatPair(a: number, b: number): [string, string] {
  const digits = a !== b && a.toFixed(2) === b.toFixed(2) ? 3 : 2;
  return [a.toFixed(digits), b.toFixed(digits)];
}

/** `+0.04` / `-0.02`, or an empty string when the change rounds to nothing. */
export function formatDelta(delta: number): string {
  if (Math.abs(delta) < 0.005) return '';
  return `${delta > 0 ? '+' : '-'}${Math.abs(delta).toFixed(2)}`;
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
