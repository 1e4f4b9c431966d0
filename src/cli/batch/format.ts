import { oneLine } from '../../engine/text.js';

/** A probability as a percentage with one decimal: 0.4213 → "42.1%". */
export function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** A 95% interval of a probability: "(41.1–43.1%)". */
export function percentInterval(ci: readonly [number, number]): string {
  return `(${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}%)`;
}

/** A number with three decimals and a sign when asked: "−0.012". */
export function decimal(value: number, signed = false): string {
  const text = Math.abs(value).toFixed(3);
  if (value < 0 && Number(text) !== 0) return `−${text}`;
  return signed && Number(text) !== 0 ? `+${text}` : text;
}

/** A signed difference of probabilities in percentage points: "+12.3 pp". */
export function points(value: number): string {
  const text = Math.abs(value * 100).toFixed(1);
  if (Number(text) === 0) return '0.0 pp';
  return `${value < 0 ? '−' : '+'}${text} pp`;
}

/** Pad a cell on the right (left-aligned). */
export function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Pad a cell on the left (right-aligned). */
export function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** Lay out rows of cells as aligned columns; `right` marks right-aligned columns. A cell is one line, whatever its text has in it. */
export function columns(table: readonly (readonly string[])[], right: readonly boolean[] = [], indent = '  '): string {
  const rows = table.map((row) => row.map(oneLine));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => {
    widths[index] = Math.max(widths[index] ?? 0, [...cell].length);
  });
  return rows
    .map((row) => indent + row.map((cell, index) => {
      const width = widths[index] + (cell.length - [...cell].length);
      return right[index] ? padStart(cell, width) : pad(cell, width);
    }).join('  ').trimEnd())
    .join('\n');
}

/** A count and its noun: "1 turn", "24 turns". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
