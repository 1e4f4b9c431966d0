import type { MorrisIndex } from '../../engine/analysis/sensitivity/morris.js';
import type { SobolIndex } from '../../engine/analysis/sensitivity/sobol.js';
import type { OutputSensitivity, SensitivitySummary } from '../../engine/analysis/sensitivity/summary.js';
import type { Block, Chart, TornadoChart } from '../document.js';
import { nameOf, REUSE, runAgain } from './common.js';

const KINDS = { metric: 'Metric', event: 'Event fires', outcome: 'Outcome' } as const;

/** The chart's title for one output: what kind of output it is and its title. */
function titleOf(output: OutputSensitivity<unknown>): string {
  return `${KINDS[output.kind]}: ${output.title}`;
}

type Bar = TornadoChart['bars'][number];

/** An output's tornado, its parameters in the order of its ranking; null when it has no indices. */
function tornadoOf<Index>(output: OutputSensitivity<Index>, axis: string, draw: (of: (name: string) => Index, parameters: readonly string[]) => Pick<TornadoChart, 'bars' | 'points'>): TornadoChart | null {
  const { indices } = output;
  if (indices === null) return null;
  return { kind: 'tornado', title: titleOf(output), axis, parameters: output.ranking, ...draw((name) => indices[name]!, output.ranking) };
}

/** One bar per parameter: an index with its interval. */
function bar(label: string, style: Bar['style'], parameters: readonly string[], value: (name: string) => number, interval: (name: string) => readonly [number, number]): Bar {
  return { label, style, values: parameters.map(value), low: parameters.map((name) => interval(name)[0]), high: parameters.map((name) => interval(name)[1]) };
}

/** A tornado of mu* with its bootstrap interval, sigma beside it, per output. */
function morrisChart(output: OutputSensitivity<MorrisIndex>): TornadoChart | null {
  return tornadoOf(output, 'mu* (bar; line: 95% bootstrap interval), sigma (◇)', (of, parameters) => ({
    bars: [bar('mu*', 'mean', parameters, (name) => of(name).muStar, (name) => of(name).muStarCi95)],
    points: { label: 'sigma', values: parameters.map((name) => of(name).sigma) },
  }));
}

/** A tornado of S1 and ST, each with its bootstrap interval, per output. */
function sobolChart(output: OutputSensitivity<SobolIndex>): TornadoChart | null {
  return tornadoOf(output, 'share of the variance (bar: index, line: 95% bootstrap interval)', (of, parameters) => ({
    bars: [
      bar('S1 (first order: alone)', 'base', parameters, (name) => of(name).S1, (name) => of(name).S1Ci95),
      bar('ST (total: alone and with others)', 'variant', parameters, (name) => of(name).ST, (name) => of(name).STCi95),
    ],
  }));
}

/** The words that run the study again, from what its JSON says of it. */
function studyWords(summary: SensitivitySummary): string[] {
  const { scenario, design } = summary;
  const size = summary.method === 'morris'
    ? ['--trajectories', String(design.trajectories), '--levels', String(design.levels)]
    : ['--samples', String(design.samples)];
  const params = Object.keys(summary.parameters).flatMap((name) => ['--param', name]);
  return ['sensitivity', nameOf(scenario), '--method', summary.method, ...size, ...params, '--runs', String(summary.runs), '--seed', String(summary.seed), '--turns', String(summary.turns)];
}

/** The page of a sensitivity study: a tornado of the indices, with their intervals, per output. */
export function sensitivityDocument(summary: SensitivitySummary): { title: string; blocks: Block[] } {
  const outputs = Object.values(summary.outputs) as OutputSensitivity<MorrisIndex | SobolIndex>[];
  const charts: Chart[] = [];
  const flat: string[] = [];
  for (const output of outputs) {
    const chart = summary.method === 'morris' ? morrisChart(output as OutputSensitivity<MorrisIndex>) : sobolChart(output as OutputSensitivity<SobolIndex>);
    if (chart === null) flat.push(titleOf(output));
    else charts.push(chart);
  }
  const parameters = Object.keys(summary.parameters);
  const morris = summary.method === 'morris';
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      line: [
        { strong: morris ? 'Morris elementary effects' : 'Sobol indices' }, ' of ', { code: nameOf(summary.scenario) }, ' over ', { strong: `${parameters.length} parameters` },
        ` (${parameters.join(', ')}): ${summary.design.points} points of ${summary.runs} runs each over ${summary.turns} turns, seed `, { strong: String(summary.seed) },
        ', every point on the same seeds. ', ...runAgain(studyWords(summary)),
      ],
    },
    { kind: 'heading', level: 2, text: 'Which parameters move each output' },
    {
      kind: 'paragraph',
      line: [morris
        ? `Each bar is mu*, the mean absolute elementary effect of the parameter over its range (in the output's units: a share of runs for events and outcomes), with its ${summary.bootstrap.resamples}-resample bootstrap 95% interval; the diamond is sigma, the spread of the effects (interaction or non-linearity). The most influential parameter is on top.`
        : `Each pair of bars is S1, the share of the output's variance the parameter causes alone, and ST, the share it causes alone and with others, each with its ${summary.bootstrap.resamples}-resample bootstrap 95% interval. The most influential parameter (by ST) is on top.`],
    },
    ...(charts.length === 0 ? [] : [{ kind: 'charts', charts } as const]),
    ...(flat.length === 0 ? [] : [{ kind: 'paragraph', line: [`The same at every point, so with no variance to share out: ${flat.join('; ')}.`] } as const]),
    REUSE,
  ];
  return { title: `Sensitivity: ${nameOf(summary.scenario)}`, blocks };
}
