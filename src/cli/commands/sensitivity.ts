import { layoutOf, type BatchLayout } from '../../engine/batch/batch-layout.js';
import { shardRange, WHOLE, type Shard } from '../../engine/batch/shard.js';
import { scenarioInfo } from '../../engine/batch/summary.js';
import { randomSeed } from '../../engine/random.js';
import type { Scenario } from '../../engine/types.js';
import { addTally, emptyCounts, StudyValues, studyOutputs, type PointCounts } from '../../engine/analysis/sensitivity/outputs.js';
import type { StudyParameter } from '../../engine/analysis/sensitivity/parameters.js';
import { SENSITIVITY_SHARD_FORMAT, SENSITIVITY_SHARD_FORMAT_VERSION, type SensitivityShard } from '../../engine/analysis/sensitivity/shard-file.js';
import { MAX_SOBOL_PARAMETERS } from '../../engine/analysis/sensitivity/sobol.js';
import {
  DEFAULT_LEVELS, DEFAULT_SAMPLES, DEFAULT_TRAJECTORIES, designStudy, pointCount, pointParameters, STUDY_LIMITS, type StudyMethod, type StudyPlan,
} from '../../engine/analysis/sensitivity/study.js';
import { summarizeStudy, type StudyHeader } from '../../engine/analysis/sensitivity/summary.js';
import { suggest } from '../../scenarios/suggest.js';
import { MAX_RUNS, workerCount } from '../batch-options.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { checkHtmlOption, writeAnalysisHtml } from '../html-file.js';
import { jsonText } from '../json.js';
import { execute } from '../parallel/execute.js';
import { interruptible } from '../parallel/interrupt.js';
import { sourceOf } from '../parallel/sources.js';
import { planTasks } from '../parallel/tasks.js';
import { loadForCommand } from '../scenario.js';
import { note, printData } from '../terminal.js';
import { sensitivityCsv } from '../text/sensitivity-csv.js';
import { formatSensitivity } from '../text/sensitivity-text.js';

export interface SensitivityOptions {
  variant?: string;
  param?: string[];
  method?: StudyMethod;
  trajectories?: number;
  samples?: number;
  levels?: number;
  runs?: number;
  seed?: number;
  turns?: number;
  workers?: number;
  json?: boolean;
  csv?: string;
  html?: string;
  shard?: Shard;
}

/** Runs per point when `--runs` is not given. */
export const DEFAULT_STUDY_RUNS = 200;

/**
 * The parameters a study varies: those named with `--param` (each must be a
 * parameter of the scenario with a declared range), or every ranged one.
 */
export function studyParameters(scenario: Scenario, names: readonly string[] | undefined): StudyParameter[] {
  const ranged = Object.keys(scenario.paramRanges);
  if (names === undefined || names.length === 0) {
    if (ranged.length === 0) {
      throw new UsageError(`${scenario.id} declares no parameter with a range; write one as { value, range: [low, high] } under params: to study it`);
    }
    return ranged.map((name) => ({ name, ...scenario.paramRanges[name]! }));
  }
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new UsageError(`--param ${name} is given twice`);
    seen.add(name);
    if (!Object.hasOwn(scenario.params, name)) {
      throw new UsageError(`--param: ${scenario.id} has no parameter \`${name}\`${suggest(name, Object.keys(scenario.params))}`);
    }
    const range = scenario.paramRanges[name];
    if (range === undefined) {
      throw new UsageError(`--param: parameter \`${name}\` has no range; declare it as ${name}: { value: ${scenario.params[name]}, range: [low, high] } to vary it`
        + (ranged.length > 0 ? ` (parameters with a range: ${ranged.join(', ')})` : ''));
    }
    return { name, ...range };
  });
}

/** The plan of the study the options ask for, checked against the limits. */
function planOf(options: SensitivityOptions, parameters: readonly StudyParameter[], seed: number): StudyPlan {
  const method = options.method ?? 'morris';
  if (method === 'morris' && options.samples !== undefined) throw new UsageError('--samples sizes a Sobol study (--method sobol); a Morris study takes --trajectories');
  if (method === 'sobol' && options.trajectories !== undefined) throw new UsageError('--trajectories sizes a Morris study; a Sobol study (--method sobol) takes --samples');
  if (method === 'sobol' && options.levels !== undefined) throw new UsageError('--levels is the grid of a Morris study; a Sobol study (--method sobol) has none');
  if (method === 'sobol' && parameters.length > MAX_SOBOL_PARAMETERS) {
    throw new UsageError(`a Sobol study varies at most ${MAX_SOBOL_PARAMETERS} parameters, not ${parameters.length}; screen them with --method morris first and name the ones that matter with --param`);
  }
  if (parameters.length > STUDY_LIMITS.parameters) throw new UsageError(`a study varies at most ${STUDY_LIMITS.parameters} parameters, not ${parameters.length}`);
  const size = method === 'morris' ? options.trajectories ?? DEFAULT_TRAJECTORIES : options.samples ?? DEFAULT_SAMPLES;
  const plan: StudyPlan = { method, parameters, size, levels: options.levels ?? DEFAULT_LEVELS, seed };
  const points = pointCount(plan);
  if (points > STUDY_LIMITS.points) throw new UsageError(`the study has ${points} points; at most ${STUDY_LIMITS.points} are allowed`);
  return plan;
}

/**
 * `sandtable sensitivity`: sample the declared ranges of a scenario's
 * parameters (Morris trajectories or Saltelli's design), run every point as a
 * batch on the same seeds, and say which parameters move each output.
 */
export async function sensitivityCommand(ref: string | undefined, options: SensitivityOptions): Promise<number> {
  if (options.shard !== undefined && options.csv !== undefined) {
    throw new UsageError('a shard cannot write the sensitivity table: merge the shards with `sandtable merge --csv FILE`');
  }
  const scenario = loadForCommand(ref, options.variant);
  checkHtmlOption(options.html, options.shard !== undefined);
  const parameters = studyParameters(scenario, options.param);
  const seed = options.seed ?? randomSeed();
  const plan = planOf(options, parameters, seed);
  const runs = options.runs ?? DEFAULT_STUDY_RUNS;
  // Counted before the design is made or a task planned (every 200 runs are a task).
  const total = pointCount(plan) * runs;
  if (total > MAX_RUNS) {
    throw new UsageError(`the study would run ${pointCount(plan)} points × ${runs} runs = ${total} runs; at most ${MAX_RUNS} are allowed (fewer --runs, --trajectories or --samples)`);
  }
  const study = designStudy(plan);
  const points = pointParameters(plan, study);
  const turns = options.turns ?? scenario.defaultTurns;
  const shard = options.shard ?? WHOLE;
  const workers = workerCount(options.workers);
  const layout = layoutOf(scenario, turns, false);
  const outputs = studyOutputs(layout);
  const { from, to } = shardRange(points.length * runs, shard);
  const expected = (point: number) => Math.min(to, (point + 1) * runs) - Math.max(from, point * runs);

  // A point's counts are kept only until all its runs are in: then the whole
  // study keeps its outputs (or, for a shard, its counts) and nothing more.
  const pending = new Map<number, PointCounts>();
  const values = new StudyValues(outputs.length, points.length);
  const shardPoints: SensitivityShard['points'][number][] = [];
  await interruptible((signal) => execute({
    workers,
    job: { kind: 'tally', scenario: sourceOf(ref, options.variant), combinations: points, seed, turns, quantiles: false, csv: false, perTask: true },
    tasks: planTasks(from, to, runs, workers),
    window: workers * 64,
    signal,
    onDone: (task, message) => {
      if (message.tally === undefined) return;
      const counts = pending.get(task.combination) ?? emptyCounts(layout);
      addTally(counts, layout, message.tally);
      if (counts.runs < expected(task.combination)) {
        pending.set(task.combination, counts);
        return;
      }
      pending.delete(task.combination);
      if (options.shard === undefined) values.set(task.combination, counts);
      else shardPoints.push({ index: task.combination, ...countsJson(counts) });
    },
  }));

  const header: StudyHeader = { runs, seed, turns, scenario: scenarioInfo(scenario) };
  if (options.shard !== undefined) {
    printData(jsonText(shardFile(header, plan, layout, shard, shardPoints.sort((a, b) => a.index - b.index))));
  } else {
    const gap = values.missing();
    if (gap !== null) throw new Error(`point ${gap} of the study was not counted`);
    const summary = summarizeStudy(header, plan, study, outputs, values);
    if (options.csv !== undefined) writeFileAtomic(options.csv, sensitivityCsv(summary));
    if (options.html !== undefined) await writeAnalysisHtml(options.html, { kind: 'sensitivity', summary });
    printData(options.json ? jsonText(summary, 2) : formatSensitivity(summary));
    if (options.csv !== undefined) note(`${outputs.length} outputs × ${parameters.length} parameters written to ${options.csv}`);
  }
  if (options.seed === undefined) note(`seed ${seed} (repeat this study with --seed ${seed})`);
  return 0;
}

function countsJson(counts: PointCounts): Omit<SensitivityShard['points'][number], 'index'> {
  return { runs: counts.runs, fired: counts.fired, outcomes: counts.outcomes, metricSums: counts.metricSums.map(String) };
}

function shardFile(header: StudyHeader, plan: StudyPlan, layout: BatchLayout, shard: Shard, points: SensitivityShard['points']): SensitivityShard {
  return {
    format: SENSITIVITY_SHARD_FORMAT,
    formatVersion: SENSITIVITY_SHARD_FORMAT_VERSION,
    shard,
    method: plan.method,
    ...header,
    parameters: plan.parameters,
    size: plan.size,
    levels: plan.levels,
    layout,
    points,
  };
}
