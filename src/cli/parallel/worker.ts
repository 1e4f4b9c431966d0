import { parentPort, workerData } from 'node:worker_threads';
import { layoutOf } from '../../engine/batch/batch-layout.js';
import { ComparisonTally } from '../../engine/batch/comparison-tally.js';
import type { PairedData } from '../../engine/batch/paired.js';
import { tallyRuns } from '../../engine/batch/runs.js';
import { BatchTally, type TallyData } from '../../engine/batch/tally.js';
import { SimulationError } from '../../engine/errors.js';
import { SeedStates } from '../../engine/random.js';
import { CounterfactualTally } from '../../engine/analysis/counterfactual.js';
import type { Scenario } from '../../engine/types.js';
import { compileScenario } from '../../scenarios/compile.js';
import { compileParametric } from '../../scenarios/parametric.js';
import { CsvRows } from '../text/csv.js';
import { frameColumns } from '../text/csv-columns.js';
import type { FromWorker, Job, Task, ToWorker } from './protocol.js';

// A worker thread of a batch, sweep or comparison: it loads its scenarios,
// runs the tasks it is sent, and on "finish" sends back its tallies.

const port = parentPort!;
const job = workerData as Job;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

function tallyWorker(spec: Extract<Job, { kind: 'tally' }>) {
  const tallies = new Map<number, BatchTally>();
  // The scenario is compiled once, with the parameters the combinations set
  // left free, and each combination binds its values into it: a study of
  // thousands of points costs no compilation per point. Tasks come in
  // combination order and run one at a time, so binding when the combination
  // changes keeps the bound scenario the one being run.
  const names = [...new Set(spec.combinations.flatMap((combination) => Object.keys(combination)))];
  const parametric = names.length === 0 ? null : compileParametric(spec.scenario.spec, spec.scenario.variant, names);
  let loaded: { combination: number; scenario: Scenario } | null = null;
  const scenarioOf = (combination: number) => {
    if (loaded?.combination !== combination) {
      const values = spec.combinations[combination]!;
      loaded = { combination, scenario: parametric === null ? compileScenario(spec.scenario.spec, spec.scenario.variant, values) : parametric.bind(values) };
    }
    return loaded.scenario;
  };
  // Run i of every combination draws the same numbers (common random
  // numbers), so with many combinations its generators are seeded once.
  const seeds = spec.combinations.length > 1 ? new SeedStates() : undefined;
  return {
    run(task: Task): void {
      const scenario = scenarioOf(task.combination);
      if (spec.perTask === true) {
        const own = new BatchTally(layoutOf(scenario, spec.turns, spec.quantiles));
        tallyRuns(scenario, { seed: spec.seed, turns: spec.turns, from: task.from, to: task.to, seeds }, own);
        const data = own.data();
        post({ type: 'done', task: task.id, runs: task.to - task.from, tally: data }, tallyArrays(data).map((array) => array.buffer as ArrayBuffer));
        return;
      }
      let tally = tallies.get(task.combination);
      if (tally === undefined) {
        tally = new BatchTally(layoutOf(scenario, spec.turns, spec.quantiles));
        tallies.set(task.combination, tally);
      }
      const range = { seed: spec.seed, turns: spec.turns, from: task.from, to: task.to, seeds };
      if (!spec.csv) {
        tallyRuns(scenario, range, tally);
        post({ type: 'done', task: task.id, runs: task.to - task.from });
        return;
      }
      const rows = new CsvRows(tally.layout, scenario.start, spec.columns === undefined ? null : frameColumns(scenario, spec.columns));
      tallyRuns(scenario, range, tally, {
        onTurn: (frame) => rows.turn(frame),
        onRun: (index, seed, outcome) => rows.run(index, seed, outcome),
      });
      post({ type: 'done', task: task.id, runs: task.to - task.from, csv: rows.take() });
    },
    finish(): void {
      const out = [...tallies].map(([combination, tally]) => ({ combination, data: tally.data() }));
      const buffers = out.flatMap(({ data }) => tallyArrays(data));
      post({ type: 'tallies', tallies: out }, buffers.map((array) => array.buffer as ArrayBuffer));
    },
  };
}

function compareWorker(spec: Extract<Job, { kind: 'compare' }>) {
  const base = compileScenario(spec.base.spec, spec.base.variant);
  const variant = compileScenario(spec.variant.spec, spec.variant.variant);
  return pairedWorker(new ComparisonTally(base, variant, spec.seed, spec.turns), (data) => [data.base, data.variant], (data) => ({ type: 'paired', data }));
}

function counterfactualWorker(spec: Extract<Job, { kind: 'counterfactual' }>) {
  const tally = new CounterfactualTally(spec.plan, (variant) => compileScenario(spec.spec, variant));
  return pairedWorker(tally, (data) => [data.policy, data.player], (data) => ({ type: 'counterfactual', data }));
}

/**
 * A worker over paired runs (a comparison, a report's counterfactual): it runs
 * its tasks on one tally and sends back the tally's data, its arrays
 * transferred rather than copied.
 */
function pairedWorker<D extends { readonly paired: PairedData }>(
  tally: { run(from: number, to: number): void; data(): D },
  sides: (data: D) => readonly TallyData[],
  message: (data: D) => FromWorker,
) {
  return {
    run(task: Task): void {
      tally.run(task.from, task.to);
      post({ type: 'done', task: task.id, runs: task.to - task.from });
    },
    finish(): void {
      const data = tally.data();
      const arrays = [data.paired.events, data.paired.outcomes, data.paired.divergence, ...sides(data).flatMap(tallyArrays)];
      post(message(data), arrays.map((array) => array.buffer as ArrayBuffer));
    },
  };
}

/** The typed arrays of a tally, to transfer rather than copy. */
function tallyArrays(data: TallyData): (Float64Array | Uint32Array)[] {
  return [data.firstFired, data.indicatorSums, data.outcomes, ...(data.indicatorBins ? [data.indicatorBins] : [])];
}

function fail(error: unknown): void {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error), simulation: error instanceof SimulationError });
}

// If setting up fails, the error is reported once and the worker stays
// listening until the pool terminates it, so the error cannot race its exit.
let worker: ReturnType<typeof tallyWorker> | null = null;
try {
  worker = job.kind === 'tally' ? tallyWorker(job) : job.kind === 'compare' ? compareWorker(job) : counterfactualWorker(job);
} catch (error) {
  fail(error);
}
port.on('message', (message: ToWorker) => {
  if (worker === null) return;
  try {
    if (message.type === 'task') worker.run(message.task);
    else worker.finish();
  } catch (error) {
    fail(error);
  }
});
