import type { ChanceDifference, Comparison } from '../../engine/batch/comparison.js';
import type { ScenarioInfo } from '../../engine/batch/summary.js';
import { percent, points } from '../../engine/format.js';
import { columns, decimal, plural } from './format.js';

const nameOf = (scenario: ScenarioInfo) => (scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`);

/** The text of `sandtable compare`. */
export function formatComparison(comparison: Comparison): string {
  const { runs, diverged, firstDivergence: first } = comparison;
  const divergence = diverged === 0
    ? `no run diverged: the two scenarios gave identical states on all ${runs} seeds`
    : `${diverged} of ${runs} paired runs diverged (${percent(diverged / runs)}); first divergence at turn ${first.min} (median ${first.median}, latest ${first.max})`;
  const chanceRows = (entries: Readonly<Record<string, ChanceDifference>>) => [
    ['', 'base', 'variant', 'difference', '95% interval', 'base only', 'variant only'],
    ...Object.entries(entries).map(([id, item]) => [
      id,
      percent(item.base),
      percent(item.variant),
      points(item.difference),
      `${points(item.ci95[0])} to ${points(item.ci95[1])}`,
      String(item.baseOnly),
      String(item.variantOnly),
    ]),
  ];
  const metricRows = [
    ['', 'base', 'variant', 'difference', '95% interval'],
    ...Object.entries(comparison.metrics).map(([id, metric]) => [
      id,
      decimal(metric.base),
      decimal(metric.variant),
      decimal(metric.difference, true),
      metric.ci95 === null ? '' : `${decimal(metric.ci95[0], true)} to ${decimal(metric.ci95[1], true)}`,
    ]),
  ];
  const right = [false, true, true, true, false, true, true];
  return [
    `${nameOf(comparison.variant)} against ${nameOf(comparison.base)}: ${plural(runs, 'paired run')} on the same seeds · seed ${comparison.seed} · ${plural(comparison.turns, 'turn')}`,
    divergence,
    '',
    `Metrics at turn ${comparison.turns}: mean, and mean paired difference (variant − base)`,
    columns(metricRows, right),
    '',
    `Events: chance of having fired by turn ${comparison.turns}, paired difference in percentage points, runs where only one side fired it`,
    columns(chanceRows(comparison.events), right),
    '',
    'Outcomes: chance of each class, paired difference',
    columns(chanceRows(comparison.outcomes), right),
    '',
  ].join('\n');
}
