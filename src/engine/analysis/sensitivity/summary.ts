import { roundStat } from '../../batch/grid.js';
import type { Interval } from '../../batch/interval.js';
import type { ScenarioInfo } from '../../batch/summary.js';
import { RESAMPLES } from './bootstrap.js';
import { morrisIndices, type MorrisIndex } from './morris.js';
import type { StudyOutput, StudyValues } from './outputs.js';
import { sobolIndices, type SobolIndex } from './sobol.js';
import type { StudyDesign, StudyMethod, StudyPlan } from './study.js';
import { studyStream } from './uniform.js';

/** Which runs a study made at every point: the same seeds at each (common random numbers). */
export interface StudyHeader {
  /** Runs per point; run i of every point is seeded deriveSeed(seed, i). */
  readonly runs: number;
  readonly seed: number;
  readonly turns: number;
  readonly scenario: ScenarioInfo;
}

/** A varied parameter as the study saw it. */
export interface ParameterSummary {
  /** The value the scenario (with its variant) runs with. */
  readonly value: number;
  readonly range: readonly [number, number];
  readonly distribution: 'uniform' | 'triangular' | 'normal';
  /** The mode (triangular) or mean (normal) of the distribution: the value as the scenario writes it. */
  readonly centre: number;
  readonly sd?: number;
}

/** One output's sensitivity to every parameter. */
export interface OutputSensitivity<Index> {
  readonly kind: StudyOutput['kind'];
  readonly id: string;
  readonly title: string;
  /** The output's mean and standard deviation over the design's points. */
  readonly mean: number;
  readonly sd: number;
  /** The parameters from most to least influential (by mu* or by ST). */
  readonly ranking: readonly string[];
  /** Per parameter; null (Sobol) when the output is the same at every point, so there is no variance to share out. */
  readonly indices: Readonly<Record<string, Index>> | null;
}

interface SummaryOf<Method extends StudyMethod, Index> extends StudyHeader {
  readonly method: Method;
  readonly parameters: Readonly<Record<string, ParameterSummary>>;
  readonly design: {
    readonly points: number;
    readonly trajectories?: number;
    readonly levels?: number;
    readonly delta?: number;
    readonly samples?: number;
  };
  readonly bootstrap: { readonly resamples: number; readonly level: number };
  readonly outputs: Readonly<Record<string, OutputSensitivity<Index>>>;
}

/** The JSON of `sandtable sensitivity` (and of `merge` of its shards). */
export type SensitivitySummary = SummaryOf<'morris', MorrisIndex> | SummaryOf<'sobol', SobolIndex>;

const interval = (pair: Interval): Interval => [roundStat(pair[0]), roundStat(pair[1])];
const roundMorris = (index: MorrisIndex): MorrisIndex => ({
  mu: roundStat(index.mu), muStar: roundStat(index.muStar), sigma: roundStat(index.sigma), muStarCi95: interval(index.muStarCi95),
});
const roundSobol = (index: SobolIndex): SobolIndex => ({
  S1: roundStat(index.S1), S1Ci95: interval(index.S1Ci95), ST: roundStat(index.ST), STCi95: interval(index.STCi95),
});

/** The indices of every output from its values at the design's points. */
export function summarizeStudy(header: StudyHeader, plan: StudyPlan, study: StudyDesign, outputs: readonly StudyOutput[], values: StudyValues): SensitivitySummary {
  const names = plan.parameters.map((parameter) => parameter.name);
  // A fresh stream per output: every output is bootstrapped on the same resamples.
  const bootstrap = () => studyStream(plan.seed, 'bootstrap');
  const common = {
    ...header,
    parameters: Object.fromEntries(plan.parameters.map(({ name, value, low, high, distribution, centre, sd }) =>
      [name, { value, range: [low, high] as const, distribution, centre, ...(sd === undefined ? {} : { sd }) }])),
  };
  const bootstrap95 = { resamples: RESAMPLES, level: 0.95 };
  if (study.method === 'morris') {
    const { design } = study;
    return {
      method: 'morris',
      ...common,
      design: { points: design.count, trajectories: design.trajectories, levels: design.levels, delta: roundStat(design.delta) },
      bootstrap: bootstrap95,
      outputs: byOutput(outputs, values, names, (y) => morrisIndices(design, y, bootstrap(), RESAMPLES).map(roundMorris), (index) => index.muStar),
    };
  }
  const { design } = study;
  return {
    method: 'sobol',
    ...common,
    design: { points: design.count, samples: design.samples },
    bootstrap: bootstrap95,
    outputs: byOutput(outputs, values, names, (y) => sobolIndices(design, y, bootstrap(), RESAMPLES)?.map(roundSobol) ?? null, (index) => index.ST),
  };
}

/** Each output's indices by `estimate`, its parameters ranked by `influence`, largest first (ties in the study's order). */
function byOutput<Index>(
  outputs: readonly StudyOutput[],
  values: StudyValues,
  names: readonly string[],
  estimate: (y: Float64Array) => Index[] | null,
  influence: (index: Index) => number,
): Record<string, OutputSensitivity<Index>> {
  const summaries: Record<string, OutputSensitivity<Index>> = {};
  outputs.forEach((output, position) => {
    const y = values.values[position]!;
    const indices = estimate(y);
    const strength = (at: number) => (indices === null ? 0 : influence(indices[at]!));
    const order = names.map((_, at) => at).sort((a, b) => strength(b) - strength(a) || a - b);
    const { mean, sd } = spread(y);
    summaries[output.key] = {
      kind: output.kind,
      id: output.id,
      title: output.title,
      mean: roundStat(mean),
      sd: roundStat(sd),
      ranking: order.map((at) => names[at]!),
      indices: indices === null ? null : Object.fromEntries(names.map((name, at) => [name, indices[at]!])),
    };
  });
  return summaries;
}

function spread(values: Float64Array): { mean: number; sd: number } {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0 };
}
