import { oneLine } from '../../engine/text.js';
import type { SweepSummary } from '../../engine/batch/sweep-summary.js';
import { percent, percentInterval } from '../../engine/format.js';
import { columns, decimal, decimalInterval, plural } from './format.js';

/** The text of `sandtable sweep` (and of `merge` of its shards): one row per combination. */
export function formatSweep(summary: SweepSummary): string {
  const { scenario } = summary;
  const name = scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`;
  const names = Object.keys(summary.parameters);
  const [first] = summary.combinations;
  const outcomes = first === undefined ? [] : Object.keys(first.outcomes);
  const metrics = first === undefined ? [] : Object.keys(first.metrics);
  const table = (ids: readonly string[], cell: (combination: SweepSummary['combinations'][number], id: string) => string) => {
    const rows = [
      [...names, ...ids],
      ...summary.combinations.map((combination) => [
        ...names.map((param) => String(combination.params[param])),
        ...ids.map((id) => cell(combination, id)),
      ]),
    ];
    return columns(rows, rows[0]!.map(() => true));
  };
  return [
    oneLine(`${name}: ${scenario.title}`),
    `sweep of ${names.join(', ')}: ${summary.combinations.length} combinations × ${plural(summary.runs, 'run')} on the same seeds · seed ${summary.seed} · ${plural(summary.turns, 'turn')}`,
    'each cell: the share or mean at the last turn, then its 95% interval in brackets',
    '',
    `Outcome frequencies at turn ${summary.turns}`,
    table(outcomes, (combination, id) => {
      const outcome = combination.outcomes[id]!;
      return `${percent(outcome.p)} ${percentInterval(outcome.ci95)}`;
    }),
    '',
    `Metric means at turn ${summary.turns}`,
    table(metrics, (combination, id) => {
      const metric = combination.metrics[id]!;
      return `${decimal(metric.mean)} ${decimalInterval(metric.ci95)}`.trimEnd();
    }),
    '',
  ].join('\n');
}
