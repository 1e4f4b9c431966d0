import { dirname, relative, resolve } from 'node:path';
import {
  CALIBRATION_LIMITS, DEFAULT_CALIBRATION_SAMPLES, defaultRefine, firstRound, refineRound, scoreCandidate, summarizeCalibration,
  type CalibrationPlan, type CalibrationSummary, type Candidate, type ScoredCandidate,
} from '../../engine/analysis/calibrate.js';
import { evaluateExpectations } from '../../engine/analysis/expectations.js';
import { layoutOf } from '../../engine/batch/batch-layout.js';
import { scenarioInfo } from '../../engine/batch/summary.js';
import { BatchTally } from '../../engine/batch/tally.js';
import { randomSeed } from '../../engine/random.js';
import { oneLine } from '../../engine/text.js';
import type { Scenario } from '../../engine/types.js';
import { describeQuantity } from '../../scenarios/expectations.js';
import { DEFAULT_SCENARIO, isFileReference, splitReference } from '../../scenarios/load.js';
import { workerCount } from '../batch-options.js';
import { UsageError } from '../errors.js';
import { refuseInput, writeFileAtomic } from '../files.js';
import { jsonText } from '../json.js';
import { execute } from '../parallel/execute.js';
import { Interrupted, interruptible } from '../parallel/interrupt.js';
import { sourceOf } from '../parallel/sources.js';
import { planTasks } from '../parallel/tasks.js';
import { loadForCommand } from '../scenario.js';
import { note, printData } from '../terminal.js';
import { columns, decimal, plural } from '../text/format.js';
import { formatResults } from './check.js';
import { studyParameters } from './sensitivity.js';

export interface CalibrateOptions {
  variant?: string;
  param?: string[];
  runs?: number;
  samples?: number;
  refine?: number;
  seed?: number;
  workers?: number;
  json?: boolean;
  out?: string;
}

/** Runs of each candidate when `--runs` is not given. */
export const DEFAULT_CALIBRATION_RUNS = 400;

/**
 * `sandtable calibrate SCENARIO --param NAME ...`: approximate Bayesian
 * computation over a scrambled Sobol' sample of the parameters' declared
 * ranges, every candidate run on the same seeds and scored by the scenario's
 * expectations; reports the best values, the accepted set's spread and each
 * expectation at the best values, and writes an `extends:` overlay with them.
 */
export async function calibrateCommand(ref: string | undefined, options: CalibrateOptions): Promise<number> {
  const scenario = loadForCommand(ref, options.variant);
  if (scenario.expectations.length === 0) {
    throw new UsageError(`${scenario.id} declares no expectations to calibrate against; add an \`expectations:\` list (see docs/analysis.md)`);
  }
  const parameters = studyParameters(scenario, options.param);
  if (parameters.length > CALIBRATION_LIMITS.parameters) {
    throw new UsageError(`a calibration varies at most ${CALIBRATION_LIMITS.parameters} parameters, not ${parameters.length}; find the ones that matter with \`sandtable sensitivity\` and name them with --param`);
  }
  if (options.out !== undefined) refuseInput(options.out);
  const seed = options.seed ?? randomSeed();
  const samples = options.samples ?? DEFAULT_CALIBRATION_SAMPLES;
  const plan: CalibrationPlan = { parameters, samples, refine: options.refine ?? defaultRefine(samples), seed };
  const runs = options.runs ?? DEFAULT_CALIBRATION_RUNS;
  const turns = scenario.defaultTurns;
  const workers = workerCount(options.workers);
  const quantiles = scenario.expectations.some((expectation) => expectation.quantity.kind === 'indicator');
  const layout = layoutOf(scenario, turns, quantiles);
  const scored: ScoredCandidate[] = [];

  // Each round is one pool of workers; a candidate's counts are kept only
  // until all its runs are in, then only its expectations' results.
  const runRound = (candidates: readonly Candidate[], signal: AbortSignal) => {
    const pending = new Map<number, { tally: BatchTally; runs: number }>();
    return execute({
      workers,
      job: { kind: 'tally', scenario: sourceOf(ref, options.variant), combinations: candidates.map((item) => item.values), seed, turns, quantiles, csv: false, perTask: true },
      tasks: planTasks(0, candidates.length * runs, runs, workers),
      window: workers * 64,
      signal,
      onDone: (task, message) => {
        if (message.tally === undefined) return;
        const counts = pending.get(task.combination) ?? { tally: new BatchTally(layout), runs: 0 };
        counts.tally.add(message.tally);
        counts.runs += message.runs;
        if (counts.runs < runs) {
          pending.set(task.combination, counts);
          return;
        }
        pending.delete(task.combination);
        const results = evaluateExpectations(scenario.expectations, { layout, data: counts.tally.data() });
        scored.push(scoreCandidate(candidates[task.combination]!, results));
      },
    });
  };

  let stopped: Interrupted | null = null;
  try {
    await interruptible(async (signal) => {
      await runRound(firstRound(plan), signal);
      await runRound(refineRound(plan, scored), signal);
    });
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    stopped = error;
  }

  const summary = summarizeCalibration(plan, scored, stopped !== null);
  const overlay = stopped === null && options.out !== undefined && summary.best !== null
    ? overlayText(scenario, ref, options, summary, { seed, runs })
    : null;
  if (overlay !== null) writeFileAtomic(options.out!, overlay);
  const header = { scenario: scenarioInfo(scenario), runs, seed, turns };
  printData(options.json
    ? jsonText({ ...header, method: 'abc-rejection-sobol', ...jsonSummary(summary), overlay: overlay === null ? null : options.out! }, 2)
    : formatCalibration(scenario, header, summary));
  if (overlay !== null) note(`overlay with the best values written to ${options.out!}; \`sandtable check ${options.out!}${options.variant === undefined ? '' : `/${options.variant}`} --seed ${seed} --runs ${runs}\` tests it`);
  if (options.seed === undefined) note(`seed ${seed} (repeat this calibration with --seed ${seed})`);
  if (stopped !== null) {
    note(`interrupted by ${stopped.exitCode === 130 ? 'SIGINT' : 'SIGTERM'} after ${summary.evaluated} of ${plan.samples + plan.refine} candidates: the results above are the best so far${options.out === undefined ? '' : `; ${options.out} was not written`}`);
    return stopped.exitCode;
  }
  return 0;
}

function jsonSummary(summary: CalibrationSummary) {
  const { best, ...rest } = summary;
  return {
    ...rest,
    best: best === null ? null : {
      index: best.index, round: best.round, values: best.values, fails: best.fails, undecided: best.undecided, misfit: best.misfit,
      expectations: best.results,
    },
  };
}

function formatCalibration(scenario: Scenario, header: { scenario: ReturnType<typeof scenarioInfo>; runs: number; seed: number; turns: number }, summary: CalibrationSummary): string {
  const info = header.scenario;
  const name = info.variant === null ? info.id : `${info.id}/${info.variant}`;
  const lines = [
    oneLine(`${name}: ${info.title}`),
    `${summary.samples} + ${summary.refine} candidates × ${plural(header.runs, 'run')} (the same seeds for each) · seed ${header.seed} · ${plural(header.turns, 'turn')} · scenario ${info.hash.slice(0, 12)}`,
    "rejection ABC over a scrambled Sobol' sample of the declared ranges, refined around the best",
    '',
  ];
  const best = summary.best;
  if (best === null) {
    lines.push('no candidate finished');
    return `${lines.join('\n')}\n`;
  }
  const accepted = summary.fallback
    ? `no first-round candidate meets every expectation: the ${summary.accepted.count} with the least misfit are kept`
    : `${summary.accepted.count} of ${Math.min(summary.samples, summary.evaluated)} first-round candidates fail no expectation`;
  lines.push(`accepted: ${accepted}`);
  const cell = (value: number | undefined) => (value === undefined ? '-' : decimal(value));
  lines.push(columns([
    ['parameter', 'range', 'best', 'accepted min', 'median', 'max'],
    ...summary.parameters.map((parameter) => {
      const spread = summary.accepted.spread[parameter.name];
      return [parameter.name, `${decimal(parameter.low)}–${decimal(parameter.high)}`, decimal(best.values[parameter.name]!), cell(spread?.min), cell(spread?.median), cell(spread?.max)];
    }),
  ], [false, true, true, true, true, true]));
  lines.push('');
  lines.push(`at the best values (candidate ${best.index + 1}, round ${best.round}): ${best.fails} fail · ${best.undecided} undecided · misfit ${decimal(best.misfit)}`);
  lines.push(formatResults(best.results, scenario.expectations.map((item) => describeQuantity(item.quantity))));
  if (summary.interrupted) lines.push('', `interrupted: ${summary.evaluated} of ${summary.samples + summary.refine} candidates were run`);
  return `${lines.join('\n')}\n`;
}

/** The `extends:` overlay that sets the best values, with how they were found. */
function overlayText(scenario: Scenario, ref: string | undefined, options: CalibrateOptions, summary: CalibrationSummary, run: { seed: number; runs: number }): string {
  const split = splitReference(ref ?? DEFAULT_SCENARIO);
  const base = isFileReference(split.scenario) ? relativeRef(options.out!, split.scenario) : split.scenario;
  const names = summary.parameters.map((parameter) => parameter.name);
  const lines = [
    `# Written by \`sandtable calibrate\` (seed ${run.seed}, ${run.runs} runs a candidate, ${summary.evaluated} candidates): the values of`,
    `# ${names.join(', ')} that best meet ${scenario.id}'s expectations${options.variant === undefined ? '' : ` under its variant ${options.variant} (check it as FILE/${options.variant})`}.`,
    // Ranged parameters are changed with `{ value }`, a construct of format 2.
    'format: 2',
    `extends: ${JSON.stringify(base)}`,
    `id: ${scenario.id}-calibrated`,
    'params:',
    ...names.map((name) => `  ${name}: { value: ${summary.best!.values[name]} }`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A file reference from the overlay's folder, written so it still reads as a file. */
function relativeRef(out: string, file: string): string {
  const path = relative(dirname(resolve(out)), resolve(file)).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
