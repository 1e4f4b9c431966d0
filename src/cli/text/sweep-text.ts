import { oneLine } from '../../engine/text.js';
import type { SweepSummary } from '../../engine/batch/sweep-summary.js';
import { percent } from '../../engine/format.js';
import { columns, decimal, plural } from './format.js';

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
    '',
    `Outcome frequencies at turn ${summary.turns}`,
    table(outcomes, (combination, id) => percent(combination.outcomes[id]!.p)),
    '',
    `Metric means at turn ${summary.turns}`,
    table(metrics, (combination, id) => decimal(combination.metrics[id]!.mean)),
    '',
  ].join('\n');
}
