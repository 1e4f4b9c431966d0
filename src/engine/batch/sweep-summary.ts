import type { SweepAxis } from './sweep.js';
import { summarizeTally, type ScenarioInfo, type TallySummary } from './summary.js';
import type { BatchTally } from './tally.js';

/** One combination of a sweep, summarised. */
export interface CombinationSummary extends TallySummary {
  readonly params: Readonly<Record<string, number>>;
  /** The hash of the scenario with these parameters. */
  readonly hash: string;
}

/** The JSON shape of `sandtable sweep --json` (and of `merge --json` of its shards). */
export interface SweepSummary {
  readonly runs: number;
  readonly seed: number;
  readonly turns: number;
  readonly scenario: ScenarioInfo;
  readonly parameters: Readonly<Record<string, readonly number[]>>;
  readonly combinations: readonly CombinationSummary[];
}

/** Summarise a sweep's tallies, one per combination in sweep order. */
export function summarizeSweep(
  sweep: { readonly runs: number; readonly seed: number; readonly turns: number; readonly scenario: ScenarioInfo; readonly parameters: readonly SweepAxis[] },
  combinations: readonly { readonly params: Readonly<Record<string, number>>; readonly hash: string; readonly tally: BatchTally }[],
): SweepSummary {
  return {
    runs: sweep.runs,
    seed: sweep.seed,
    turns: sweep.turns,
    scenario: sweep.scenario,
    parameters: Object.fromEntries(sweep.parameters.map((axis) => [axis.name, axis.values])),
    combinations: combinations.map(({ params, hash, tally }) => ({ params, hash, ...summarizeTally(tally) })),
  };
}
