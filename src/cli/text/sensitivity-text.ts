import { oneLine } from '../../engine/text.js';
import type { MorrisIndex } from '../../engine/analysis/sensitivity/morris.js';
import type { SobolIndex } from '../../engine/analysis/sensitivity/sobol.js';
import type { OutputSensitivity, SensitivitySummary } from '../../engine/analysis/sensitivity/summary.js';
import type { Interval } from '../../engine/batch/interval.js';
import { columns, decimal, plural } from './format.js';

/** The widest bar of a tornado table, in characters. */
const BAR = 20;

const bar = (share: number) => '█'.repeat(Math.max(0, Math.round(share * BAR)));
const range = (pair: Interval) => `[${decimal(pair[0])}, ${decimal(pair[1])}]`;

/** What an output measures, for its heading. */
function describe(output: OutputSensitivity<unknown>, turns: number): string {
  const what = output.kind === 'metric'
    ? `mean at turn ${turns}`
    : output.kind === 'event' ? `chance of having fired by turn ${turns}` : `share of runs ending in this outcome`;
  return `${output.title} [${output.id}]: ${what}; over the points ${decimal(output.mean)} on average (sd ${decimal(output.sd)})`;
}

/**
 * A Morris tornado: a bar of mu* per parameter, most influential first, drawn
 * left of the axis when the parameter lowers the output on average (mu < 0)
 * and right of it when it raises it.
 */
function morrisTable(output: OutputSensitivity<MorrisIndex>, indices: Readonly<Record<string, MorrisIndex>>): string {
  const largest = Math.max(...output.ranking.map((name) => indices[name]!.muStar));
  const rows = output.ranking.map((name) => {
    const index = indices[name]!;
    const length = largest > 0 ? bar(index.muStar / largest) : '';
    return [
      name,
      index.mu < 0 ? length : '',
      '│',
      index.mu < 0 ? '' : length,
      decimal(index.muStar),
      range(index.muStarCi95),
      decimal(index.mu, true),
      decimal(index.sigma),
    ];
  });
  return columns([['parameter', 'lowers', '', 'raises', 'mu*', '95% interval', 'mu', 'sigma'], ...rows], [false, true, false, false, true, false, true, true]);
}

/** A Sobol' tornado: a bar of the total index per parameter, largest first, with the first-order index beside it. */
function sobolTable(output: OutputSensitivity<SobolIndex>, indices: Readonly<Record<string, SobolIndex>>): string {
  const rows = output.ranking.map((name) => {
    const index = indices[name]!;
    return [name, bar(Math.min(1, Math.max(0, index.ST))), decimal(index.ST), range(index.STCi95), decimal(index.S1), range(index.S1Ci95)];
  });
  return columns([['parameter', 'total (ST)', 'ST', '95% interval', 'S1', '95% interval'], ...rows], [false, false, true, false, true, false]);
}

/** The text of `sandtable sensitivity` (and of `merge` of its shards): a tornado table per output. */
export function formatSensitivity(summary: SensitivitySummary): string {
  const { scenario, design } = summary;
  const name = scenario.variant === null ? scenario.id : `${scenario.id}/${scenario.variant}`;
  const parameters = Object.keys(summary.parameters);
  const shape = summary.method === 'morris'
    ? `Morris elementary effects: ${plural(design.trajectories ?? 0, 'trajectory').replace(/ys$/, 'ies')} on a ${design.levels}-level grid`
    : `Sobol' indices: ${plural(design.samples ?? 0, 'base sample')} on Saltelli's design`;
  const lines = [
    oneLine(`${name}: ${scenario.title}`),
    `${shape}, ${plural(design.points, 'point')} × ${plural(summary.runs, 'run')} on the same seeds · seed ${summary.seed} · ${plural(summary.turns, 'turn')} · scenario ${scenario.hash.slice(0, 12)}`,
    `parameters: ${parameters.map((parameter) => {
      const { range: [low, high], distribution } = summary.parameters[parameter]!;
      return `${parameter} ${low} to ${high}${distribution === 'uniform' ? '' : ` (${distribution})`}`;
    }).join(', ')}`,
    summary.method === 'morris'
      ? `mu*: the mean absolute change of the output per unit of a parameter's range (its quantiles, in steps of ${decimal(design.delta ?? 0)}); mu: the mean signed change; sigma: their spread (interaction or curvature)`
      : 'ST: the share of the output\'s variance a parameter causes alone or with others; S1: alone',
    '',
  ];
  const block = <Index>(output: OutputSensitivity<Index>, table: (output: OutputSensitivity<Index>, indices: Readonly<Record<string, Index>>) => string) => {
    lines.push(oneLine(describe(output, summary.turns)));
    lines.push(output.indices === null || output.sd === 0 ? '  the same at every point: no parameter changes it' : table(output, output.indices), '');
  };
  if (summary.method === 'morris') for (const output of Object.values(summary.outputs)) block(output, morrisTable);
  else for (const output of Object.values(summary.outputs)) block(output, sobolTable);
  return lines.join('\n');
}
