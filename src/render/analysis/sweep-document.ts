import type { CombinationSummary, SweepSummary } from '../../engine/batch/sweep-summary.js';
import type { Block, Chart, ReportDocument } from '../document.js';
import { runAgain, nameOf, REUSE } from './common.js';

/** The most charts a sweep page draws; `--json` and `--csv` hold every combination. */
export const MAX_SWEEP_CHARTS = 60;

/** One quantity of every combination: an outcome class's share or a metric's mean, with its 95% interval. */
interface Quantity {
  readonly title: string;
  readonly chances: boolean;
  readonly of: (combination: CombinationSummary) => { value: number; low: number; high: number };
}

function quantities(sweep: SweepSummary): Quantity[] {
  const first = sweep.combinations[0];
  if (first === undefined) return [];
  return [
    ...Object.entries(first.outcomes).map(([id, klass]): Quantity => ({
      title: `Share of runs ending in ${klass.title}`,
      chances: true,
      of: (combination) => {
        const item = combination.outcomes[id];
        return item === undefined ? { value: 0, low: 0, high: 0 } : { value: item.p, low: item.ci95[0], high: item.ci95[1] };
      },
    })),
    ...Object.entries(first.metrics).map(([id, metric]): Quantity => ({
      title: `${metric.title} at the last turn (mean)`,
      chances: false,
      of: (combination) => {
        const item = combination.metrics[id];
        if (item === undefined) return { value: 0, low: 0, high: 0 };
        return { value: item.mean, low: item.ci95?.[0] ?? item.mean, high: item.ci95?.[1] ?? item.mean };
      },
    })),
  ];
}

/**
 * The page of a sweep: each outcome's share and each metric against the
 * swept parameter (a line with its interval band), or over the first two
 * (a heat map, one for each combination of any further parameters).
 */
export function sweepDocument(sweep: SweepSummary): ReportDocument {
  const names = Object.keys(sweep.parameters);
  const [across, down, ...rest] = names;
  const charts: Chart[] = [];
  for (const quantity of quantities(sweep)) {
    if (across === undefined) break;
    if (down === undefined) {
      charts.push({
        kind: 'parameter',
        title: quantity.title,
        parameter: across,
        chances: quantity.chances,
        points: sweep.combinations.map((combination) => ({ x: combination.params[across] ?? 0, ...quantity.of(combination) })),
      });
      continue;
    }
    // Further parameters: one heat map for each of their combinations, in sweep order.
    const groups = new Map<string, CombinationSummary[]>();
    for (const combination of sweep.combinations) {
      const key = rest.map((name) => `${name} = ${combination.params[name]}`).join(', ');
      groups.set(key, [...(groups.get(key) ?? []), combination]);
    }
    for (const [key, members] of groups) {
      charts.push({
        kind: 'heatmap',
        title: key === '' ? quantity.title : `${quantity.title}, at ${key}`,
        parameters: [across, down],
        chances: quantity.chances,
        cells: members.map((combination) => ({ x: combination.params[across] ?? 0, y: combination.params[down] ?? 0, ...quantity.of(combination) })),
      });
    }
  }
  const drawn = charts.slice(0, MAX_SWEEP_CHARTS);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      line: [
        'Scenario ', { code: nameOf(sweep.scenario) }, `: ${sweep.combinations.length} combinations of `, ...names.flatMap((name, i) => [i === 0 ? '' : ', ', { code: name }]),
        `, each run ${sweep.runs} times over ${sweep.turns} turns on the same seeds (seed `, { strong: String(sweep.seed) },
        '), so differences between combinations come from the parameters, not from chance. ', ...runAgain(['sweep', nameOf(sweep.scenario), ...sets(sweep), '--runs', String(sweep.runs), '--seed', String(sweep.seed), '--turns', String(sweep.turns)]),
      ],
    },
    { kind: 'heading', level: 2, text: down === undefined ? `Outcomes and metrics against ${across ?? 'the parameter'}` : `Outcomes and metrics over ${across} and ${down}` },
    {
      kind: 'paragraph',
      line: [down === undefined
        ? 'Each line is the estimate at each swept value; the band is its 95% interval (Wilson for shares, t for means).'
        : 'Each cell is one combination, coloured by the estimate and labelled with it and its 95% interval (Wilson for shares, t for means).',
      ...(drawn.length < charts.length ? [` The first ${drawn.length} of ${charts.length} charts are drawn; --json and --csv hold every combination.`] : [])],
    },
    { kind: 'charts', charts: drawn },
    REUSE,
  ];
  return { title: `Sweep of ${names.join(', ')}: ${sweep.scenario.title}`, blocks };
}

/** The `--set` options that sweep the same values: every axis is evenly spaced (or one value). */
function sets(sweep: SweepSummary): string[] {
  return Object.entries(sweep.parameters).flatMap(([name, values]) => {
    const first = values[0] ?? 0;
    const last = values[values.length - 1] ?? first;
    return ['--set', values.length === 1 ? `${name}=${first}` : `${name}=${first}:${last}:${values.length}`];
  });
}
