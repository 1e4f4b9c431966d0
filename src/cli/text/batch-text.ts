import { oneLine } from '../../engine/text.js';
import type { BatchSummary, TallySummary } from '../../engine/batch/summary.js';
import { percent, percentInterval, sparkline } from '../../engine/format.js';
import { columns, decimal, decimalInterval, plural } from './format.js';

/** The text of `sandtable batch` (and of `merge` of its shards). */
export function formatBatch(summary: BatchSummary): string {
  const { scenario } = summary;
  const name = scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`;
  return [
    oneLine(`${name}: ${scenario.title}`),
    `${plural(summary.runs, 'run')} · seed ${summary.seed} · ${plural(summary.turns, 'turn')} · scenario ${scenario.hash.slice(0, 12)}`,
    '',
    formatTally(summary, summary.turns),
  ].join('\n');
}

/** The tables of a tally: events, indicators, outcomes, metrics. */
export function formatTally(summary: TallySummary, turns: number): string {
  const events = Object.entries(summary.events).map(([id, event]) => [
    id,
    percent(event.p),
    percentInterval(event.ci95),
    event.medianTurn === null ? '-' : String(event.medianTurn),
    sparkline(event.byTurn),
  ]);
  const indicatorLines: string[] = [];
  for (const [id, indicator] of Object.entries(summary.indicators)) {
    // Every indicator has a row for turn 0 onwards.
    const first = indicator.byTurn[0]!;
    const last = indicator.byTurn[indicator.byTurn.length - 1]!;
    const spread = last.p5 === undefined ? '' : ` (5–95%: ${decimal(last.p5)}–${decimal(last.p95 ?? 0)})`;
    indicatorLines.push(`  ${id}: ${decimal(first.mean)} at turn 0, mean ${decimal(last.mean)} at turn ${last.turn}${spread}`);
    const lines: [string, (turn: (typeof indicator.byTurn)[number]) => number | undefined][] = [
      ['mean', (turn) => turn.mean], ['p5', (turn) => turn.p5], ['p50', (turn) => turn.p50], ['p95', (turn) => turn.p95],
    ];
    // A sparkline shows the share of the indicator's scale: its own range when it declares one.
    const [lo, hi] = indicator.range ?? [0, 1];
    for (const [label, pick] of lines) {
      const values = indicator.byTurn.map(pick);
      if (values.every((value): value is number => value !== undefined)) {
        indicatorLines.push(`    ${label.padEnd(4)} ${sparkline(values.map((value) => (value - lo) / (hi - lo)))}`);
      }
    }
  }
  const outcomes = Object.entries(summary.outcomes).map(([id, outcome]) => [
    `${outcome.title} [${id}]`, percent(outcome.p), percentInterval(outcome.ci95),
  ]);
  const metrics = Object.entries(summary.metrics).map(([id, metric]) => [
    `${metric.title} [${id}]`,
    decimal(metric.mean),
    decimalInterval(metric.ci95),
  ]);
  return [
    `Events: chance of having fired by turn ${turns} (95% interval), median turn of firing, chance by turn 0 to ${turns}`,
    columns(events, [false, true, false, true]),
    '',
    `Indicators by turn 0 to ${turns} (sparklines on a 0 to 1 scale${Object.values(summary.indicators).some((item) => item.range !== undefined) ? ', or on the range an indicator declares' : ''})`,
    ...indicatorLines,
    '',
    'Outcomes (95% interval)',
    columns(outcomes, [false, true]),
    '',
    `Metrics at turn ${turns}: mean (95% interval)`,
    columns(metrics, [false, true]),
    '',
  ].join('\n');
}
