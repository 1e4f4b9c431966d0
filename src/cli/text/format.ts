import { pad, padStart } from '../../engine/format.js';
import { oneLine } from '../../engine/text.js';

/** A number with three decimals and a sign when asked: "−0.012". */
export function decimal(value: number, signed = false): string {
  const text = Math.abs(value).toFixed(3);
  if (value < 0 && Number(text) !== 0) return `−${text}`;
  return signed && Number(text) !== 0 ? `+${text}` : text;
}

/** A 95% interval of a mean, "(0.544 to 0.599)"; empty when there is none (a single run). */
export function decimalInterval(ci: readonly [number, number] | null): string {
  return ci === null ? '' : `(${decimal(ci[0])} to ${decimal(ci[1])})`;
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
      const width = widths[index]! + (cell.length - [...cell].length);
      return right[index] ? padStart(cell, width) : pad(cell, width);
    }).join('  ').trimEnd())
    .join('\n');
}

/** A count and its noun: "1 turn", "24 turns". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
