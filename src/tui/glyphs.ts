// Small text drawings for the panels. Pure string functions, so panels stay
// views and the drawings can be tested on their own. Padding and sparklines are
// the shared ones of `engine/format.ts`.

import { pad } from '../engine/format.js';

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
