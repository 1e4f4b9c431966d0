import { isoMonth } from '../../engine/calendar.js';
import type { BatchLayout } from '../../engine/batch/batch-layout.js';
import type { SweepSummary } from '../../engine/batch/sweep-summary.js';
import type { Outcome } from '../../engine/outcome.js';
import type { Frame } from '../../engine/frame.js';

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
 * the event has fired), and the run's final outcome class.
 */
export function batchCsvHeader(layout: BatchLayout): string {
  return csvLine([
    'run', 'seed', 'turn', 'date',
    ...layout.indicators.map((item) => item.id),
    ...layout.events.map((item) => `fired.${item.id}`),
    'outcome',
  ]);
}

/** The most CSV text one task sends back: the worker holds it whole, within its capped heap. */
const CSV_BYTES_PER_TASK = 8 * 1024 * 1024;

/**
 * The most runs a task of `batch --csv` may have so that its rows stay within
 * CSV_BYTES_PER_TASK: a scenario with many indicators and events over many
 * turns writes megabytes per run.
 */
export function csvRunsPerTask(layout: BatchLayout): number {
  // A generous row: run, seed, turn, date and outcome, up to 12 characters per indicator, 2 per event.
  const row = 64 + 12 * layout.indicators.length + 2 * layout.events.length;
  return Math.max(1, Math.floor(CSV_BYTES_PER_TASK / (row * (layout.turns + 1))));
}

/** Collects one run's rows as its turns go by; the outcome is known only at the end. */
export class CsvRows {
  private pending: string[] = [];
  private out = '';

  constructor(private readonly layout: BatchLayout, private readonly start: { year: number; month: number }) {}

  /** A row for a turn of the current run (without run, seed and outcome yet). */
  turn(frame: Frame): void {
    const fields: (string | number)[] = [frame.turn, isoMonth(this.start, frame.turn)];
    // Indicators are the frame's first slots and events its tallies, both in the layout's order.
    this.layout.indicators.forEach((_item, i) => fields.push(frame.values[i]!));
    this.layout.events.forEach((_item, i) => fields.push(frame.count[i] === 0 ? 0 : 1));
    this.pending.push(fields.map(csvField).join(','));
  }

  /** The end of run `index`: its rows are complete. */
  run(index: number, seed: number, outcome: Outcome): void {
    const prefix = `${index},${seed},`;
    const suffix = `,${csvField(outcome.class)}\n`;
    for (const row of this.pending) this.out += prefix + row + suffix;
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
