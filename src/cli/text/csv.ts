import { isoMonth } from '../../engine/calendar.js';
import type { BatchLayout, Named } from '../../engine/batch/batch-layout.js';
import type { SweepSummary } from '../../engine/batch/sweep-summary.js';
import type { Outcome } from '../../engine/outcome.js';
import type { Frame } from '../../engine/frame.js';
import type { FrameColumns } from './csv-columns.js';

/**
 * A CSV field, quoted when it has to be (RFC 4180). A text that a spreadsheet
 * would read as a formula (starting with =, +, -, @, a tab or a carriage
 * return, as OWASP lists them) gets a leading `'`, so it is shown as the text
 * it is and never evaluated; quoting alone does not stop a spreadsheet. Numbers
 * are written as numbers (a negative number is data, not a formula).
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line from fields. */
export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * The header of `batch --csv`: one row per run and turn (tidy data). Columns:
 * run index, run seed, turn, month, every indicator, `fired.<event>` (1 once
 * the event has fired), the run's final outcome class, then the columns
 * `--columns` adds (none by default).
 */
export function batchCsvHeader(layout: BatchLayout, extra: readonly string[] = []): string {
  return csvLine(['run', 'seed', ...turnCsvNames(layout), 'outcome', ...extra]);
}

/** The columns every timeline CSV starts with: turn, month, every indicator and `fired.<event>`. */
export function turnCsvNames(layout: { readonly indicators: readonly Named[]; readonly events: readonly Named[] }): string[] {
  return ['turn', 'date', ...layout.indicators.map((item) => item.id), ...layout.events.map((item) => `fired.${item.id}`)];
}

/**
 * The cells of `turnCsvNames` for a frame. Indicators are the frame's first
 * slots and events its tallies, both in the scenario's order.
 */
export function turnCsvCells(frame: Frame, start: { year: number; month: number }, indicators: number, events: number): (string | number)[] {
  const fields: (string | number)[] = [frame.turn, isoMonth(start, frame.turn)];
  for (let i = 0; i < indicators; i += 1) fields.push(frame.values[i]!);
  for (let i = 0; i < events; i += 1) fields.push(frame.count[i] === 0 ? 0 : 1);
  return fields;
}

/** The most CSV text one task sends back: the worker holds it whole, within its capped heap. */
const CSV_BYTES_PER_TASK = 8 * 1024 * 1024;

/**
 * The most runs a task of `batch --csv` may have so that its rows stay within
 * CSV_BYTES_PER_TASK: a scenario with many indicators and events over many
 * turns writes megabytes per run.
 */
export function csvRunsPerTask(layout: BatchLayout, extra = 0): number {
  // A generous row: run, seed, turn, date and outcome, up to 12 characters per indicator and added column, 2 per event.
  const row = 64 + 12 * (layout.indicators.length + extra) + 2 * layout.events.length;
  return Math.max(1, Math.floor(CSV_BYTES_PER_TASK / (row * (layout.turns + 1))));
}

/** Collects one run's rows as its turns go by; the outcome is known only at the end. */
export class CsvRows {
  private pending: { readonly turn: string; readonly extra: string }[] = [];
  private out = '';

  constructor(
    private readonly layout: BatchLayout,
    private readonly start: { year: number; month: number },
    private readonly extra: FrameColumns | null = null,
  ) {}

  /** A row for a turn of the current run (without run, seed and outcome yet). */
  turn(frame: Frame): void {
    const turn = turnCsvCells(frame, this.start, this.layout.indicators.length, this.layout.events.length).map(csvField).join(',');
    const extra = this.extra === null ? '' : this.extra.cells(frame).map((cell) => `,${csvField(cell)}`).join('');
    this.pending.push({ turn, extra });
  }

  /** The end of run `index`: its rows are complete. */
  run(index: number, seed: number, outcome: Outcome): void {
    const prefix = `${index},${seed},`;
    const middle = `,${csvField(outcome.class)}`;
    for (const row of this.pending) this.out += `${prefix}${row.turn}${middle}${row.extra}\n`;
    this.pending = [];
  }

  /** The rows collected so far, and forget them. */
  take(): string {
    const out = this.out;
    this.out = '';
    return out;
  }
}

/**
 * `sweep --csv`: one row per combination, for plotting. Columns: each swept
 * parameter, runs, then for each outcome class its share and 95% interval
 * (`outcome.<class>`, `.low`, `.high`), for each metric its mean and interval
 * (`metric.<id>`, ...), and for each event the chance it fired (`event.<id>`).
 */
export function sweepCsv(summary: SweepSummary): string {
  const names = Object.keys(summary.parameters);
  const [first] = summary.combinations;
  if (first === undefined) return csvLine(names);
  const outcomes = Object.keys(first.outcomes);
  const metrics = Object.keys(first.metrics);
  const events = Object.keys(first.events);
  let out = csvLine([
    ...names,
    'runs',
    ...outcomes.flatMap((id) => [`outcome.${id}`, `outcome.${id}.low`, `outcome.${id}.high`]),
    ...metrics.flatMap((id) => [`metric.${id}`, `metric.${id}.low`, `metric.${id}.high`]),
    ...events.flatMap((id) => [`event.${id}`, `event.${id}.low`, `event.${id}.high`]),
  ]);
  for (const combination of summary.combinations) {
    out += csvLine([
      ...names.map((name) => combination.params[name]!),
      summary.runs,
      ...outcomes.flatMap((id) => [combination.outcomes[id]!.p, ...combination.outcomes[id]!.ci95]),
      ...metrics.flatMap((id) => {
        const metric = combination.metrics[id]!;
        return [metric.mean, ...(metric.ci95 ?? ['', ''])];
      }),
      ...events.flatMap((id) => [combination.events[id]!.p, ...combination.events[id]!.ci95]),
    ]);
  }
  return out;
}
