import type { ComparisonData } from '../../engine/batch/comparison-tally.js';
import type { TallyData } from '../../engine/batch/tally.js';
import type { CounterfactualData, CounterfactualPlan } from '../../engine/analysis/counterfactual.js';
import type { ScenarioSpec } from '../../scenarios/format.js';
import type { ColumnGroup } from '../columns-option.js';

// The messages between the command (main thread) and its worker threads.
// Scenarios hold compiled functions, which cannot cross threads, so a job
// carries the scenario's checked data and every worker compiles it itself
// (compiling is cheap; reading and checking the file is what costs).

/** A scenario as data: what `compileScenario` needs to build it. */
export interface ScenarioSource {
  readonly spec: ScenarioSpec;
  readonly variant: string | null;
}

/** What every worker of a command does. */
export type Job =
  | {
      readonly kind: 'tally';
      readonly scenario: ScenarioSource;
      /** Parameter overrides of each combination (one empty combination for a batch). */
      readonly combinations: readonly Readonly<Record<string, number>>[];
      readonly seed: number;
      readonly turns: number;
      /** Keep indicator histograms (percentiles), not only means. */
      readonly quantiles: boolean;
      /** Send back one CSV row per run and turn. */
      readonly csv: boolean;
      /** The column groups the CSV rows add (`--columns`). */
      readonly columns?: readonly ColumnGroup[];
      /**
       * Send each task's counts back with its "done" and keep none (a
       * sensitivity study of thousands of points reduces each as it completes).
       */
      readonly perTask?: boolean;
    }
  | {
      readonly kind: 'compare';
      readonly base: ScenarioSource;
      readonly variant: ScenarioSource;
      readonly seed: number;
      readonly turns: number;
    }
  | {
      /** A report's counterfactual: paired runs of a record's arms. */
      readonly kind: 'counterfactual';
      readonly spec: ScenarioSpec;
      readonly plan: CounterfactualPlan;
    };

/** A piece of work: runs `from` to `to` (exclusive) of one combination. */
export interface Task {
  readonly id: number;
  readonly combination: number;
  readonly from: number;
  readonly to: number;
}

export type ToWorker =
  | { readonly type: 'task'; readonly task: Task }
  /** No more tasks: send the tallies and stop. */
  | { readonly type: 'finish' };

export interface DoneMessage {
  readonly type: 'done';
  readonly task: number;
  readonly runs: number;
  /** The task's CSV rows, when the job asked for them. */
  readonly csv?: string;
  /** The task's own counts, when the job asked for them per task. */
  readonly tally?: TallyData;
}

export type ResultMessage =
  | { readonly type: 'tallies'; readonly tallies: readonly { readonly combination: number; readonly data: TallyData }[] }
  | { readonly type: 'paired'; readonly data: ComparisonData }
  | { readonly type: 'counterfactual'; readonly data: CounterfactualData };

export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
  /** The scenario could not be run (a user's scenario error, not a crash). */
  readonly simulation: boolean;
}

export type FromWorker = DoneMessage | ResultMessage | ErrorMessage;
