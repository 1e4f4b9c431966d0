import type { AfterAction } from '../engine/analysis/after-action.js';
import { percent, points } from '../engine/format.js';
import type { Block, Chart, Line } from './document.js';
import { clear, interval, signed, value } from './numbers.js';

/** The counterfactual: how the player's deviations changed the distribution over paired runs. */
export function counterfactualBlocks(analysis: AfterAction): Block[] {
  const { counterfactual } = analysis;
  const { comparison, runs, deviations } = counterfactual;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `What the choices changed, over ${runs} paired runs` },
    {
      kind: 'paragraph',
      line: [
        `Each of ${runs} runs is played twice on the same seed (run i is seeded from seed ${counterfactual.seed} and i, as `,
        { code: 'sandtable batch' }, ` does): once with the ${deviations.length} ${deviations.length === 1 ? 'deviation' : 'deviations'} applied at ${deviations.length === 1 ? 'its month' : 'their months'}, `,
        'once with the policy deciding; both get the same injects and draw the same random numbers, so they differ only through the choices. ',
        'Differences are "with the choices" minus "policy deciding", with 95% intervals (a paired t interval of the per-run differences, for metrics and chances alike).',
      ],
    },
  ];
  if (deviations.length === 0) {
    const why = analysis.decisions.length === 0 ? 'No person chose for any actor' : 'Every choice was the one the policy picked';
    blocks.push({
      kind: 'paragraph',
      line: [{ strong: why }, ', so the two arms are the same run on every seed: no run diverged, and every difference below is zero.'],
    });
  }
  const divergence: Line = comparison.diverged === 0
    ? ['Runs that diverged: ', { strong: `0 of ${runs}` }, '.']
    : [
        'Runs that diverged: ', { strong: `${comparison.diverged} of ${runs}` },
        ` (${percent(comparison.diverged / runs)}); they first differ at turn ${comparison.firstDivergence.min} at the earliest, turn ${comparison.firstDivergence.median} in the median.`,
      ];
  blocks.push({ kind: 'paragraph', line: divergence });

  blocks.push(
    { kind: 'heading', level: 3, text: 'Metrics at the last turn (means)' },
    armsTable('Metric', Object.values(comparison.metrics).map((metric) => ({ ...metric, label: [metric.title] })), value, signed),
    { kind: 'heading', level: 3, text: 'Outcome classes' },
    armsTable('Outcome', Object.entries(comparison.outcomes).map(([id, klass]) => ({
      ...klass,
      label: id === analysis.outcome.class ? [{ strong: klass.title }, ' (this run)'] : [klass.title],
    })), percent, points),
  );
  const events = Object.entries(comparison.events).filter(([, event]) => event.baseOnly + event.variantOnly > 0);
  blocks.push({ kind: 'heading', level: 3, text: 'Events whose chance changed' });
  blocks.push(events.length === 0
    ? { kind: 'paragraph', line: ['No event fired in one arm of a pair and not in the other.'] }
    : armsTable('Event', events.map(([id, event]) => ({ ...event, label: [event.title, ' ', { code: id }] })), percent, points));
  blocks.push({ kind: 'charts', charts: [outcomeChart(analysis), metricChart(analysis)] });
  return blocks;
}

function outcomeChart(analysis: AfterAction): Chart {
  const { player, policy } = analysis.counterfactual;
  const ids = Object.keys(player.outcomes);
  const arm = (summary: typeof player) => ({
    values: ids.map((id) => summary.outcomes[id]!.p),
    low: ids.map((id) => summary.outcomes[id]!.ci95[0]),
    high: ids.map((id) => summary.outcomes[id]!.ci95[1]),
  });
  return {
    kind: 'bars',
    title: `Outcome classes over ${analysis.counterfactual.runs} runs (◆ this run's outcome)`,
    groups: ids.map((id) => ({ label: player.outcomes[id]!.title, marked: id === analysis.outcome.class })),
    bars: [
      { label: 'with the choices', style: 'player', ...arm(player) },
      { label: 'policy deciding', style: 'policy', ...arm(policy) },
    ],
  };
}

function metricChart(analysis: AfterAction): Chart {
  return {
    kind: 'differences',
    title: 'Difference in each metric at the last turn (with the choices − policy deciding, 95% interval)',
    rows: Object.values(analysis.counterfactual.comparison.metrics).map((metric) => ({
      label: metric.title,
      value: metric.difference,
      low: metric.ci95?.[0] ?? metric.difference,
      high: metric.ci95?.[1] ?? metric.difference,
    })),
  };
}

/** One row of a counterfactual table: a quantity in both arms and their paired difference. */
interface ArmsRow {
  readonly label: Line;
  readonly variant: number;
  readonly base: number;
  readonly difference: number;
  readonly ci95: readonly [number, number] | null;
}

/** Both arms and the difference with its interval; a difference whose interval leaves out zero is in bold. */
function armsTable(first: string, rows: readonly ArmsRow[], level: (x: number) => string, difference: (d: number) => string): Block {
  return {
    kind: 'table',
    head: [first, 'With the choices', 'Policy deciding', 'Difference', '95% interval'],
    numeric: [false, true, true, true, true],
    rows: rows.map((row) => [
      row.label, [level(row.variant)], [level(row.base)],
      [clear(row.ci95) ? { strong: difference(row.difference) } : difference(row.difference)], [interval(row.ci95, difference)],
    ]),
  };
}
