import { layoutOf } from '../../engine/batch/batch-layout.js';
import { shardRange, WHOLE, type Shard } from '../../engine/batch/shard.js';
import { SHARD_FORMAT, SHARD_FORMAT_VERSION, tallyToJson, type ShardFile } from '../../engine/batch/shard-file.js';
import { scenarioInfo } from '../../engine/batch/summary.js';
import { combinationCount, combinations, MAX_COMBINATIONS, type SweepAxis } from '../../engine/batch/sweep.js';
import { summarizeSweep } from '../../engine/batch/sweep-summary.js';
import { BatchTally } from '../../engine/batch/tally.js';
import { randomSeed } from '../../engine/random.js';
import { sweepCsv } from '../text/csv.js';
import { execute } from '../parallel/execute.js';
import { interruptible } from '../parallel/interrupt.js';
import { workerCount } from '../batch-options.js';
import { loadWithOverrides, sourceOf } from '../parallel/sources.js';
import { formatSweep } from '../text/sweep-text.js';
import { planTasks } from '../parallel/tasks.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { checkHtmlOption, writeAnalysisHtml } from '../html-file.js';
import { jsonText } from '../json.js';
import { note, printData } from '../terminal.js';
import { loadForCommand } from '../scenario.js';
import type { BatchOptions } from './batch.js';

/** A sweep takes a batch's options and the parameter axes to sweep. */
export interface SweepOptions extends Omit<BatchOptions, 'columns'> {
  set?: SweepAxis[];
}

/**
 * `sandtable sweep`: a full-factorial sweep over scenario parameters, every
 * combination run on the same seeds (so differences between combinations
 * come from the parameters, not from chance).
 */
export async function sweepCommand(ref: string | undefined, options: SweepOptions): Promise<number> {
  const axes = options.set ?? [];
  if (axes.length === 0) throw new UsageError('a sweep needs at least one --set NAME=FROM:TO:STEPS, such as --set talksChance=0:0.4:5');
  if (options.shard !== undefined && options.csv !== undefined) {
    throw new UsageError('a shard cannot write the sweep table: merge the shards with `sandtable merge --csv FILE`');
  }
  // Counted before they are made: three --set of 1000 steps would be a billion combinations.
  const count = combinationCount(axes);
  if (count > MAX_COMBINATIONS) throw new UsageError(`the sweep has ${count} combinations; at most ${MAX_COMBINATIONS} are allowed`);
  const base = loadForCommand(ref, options.variant);
  checkHtmlOption(options.html, options.shard !== undefined);
  const list = combinations(axes);
  const hashes = list.map((overrides) => loadWithOverrides(ref, options.variant, overrides).hash);
  const seed = options.seed ?? randomSeed();
  const turns = options.turns ?? base.defaultTurns;
  const shard = options.shard ?? WHOLE;
  const workers = workerCount(options.workers);
  const layout = layoutOf(base, turns, false);
  const { from, to } = shardRange(list.length * options.runs, shard);

  const results = await interruptible((signal) => execute({
    workers,
    job: { kind: 'tally', scenario: sourceOf(ref, options.variant), combinations: list, seed, turns, quantiles: false, csv: false },
    tasks: planTasks(from, to, options.runs, workers),
    signal,
  }));
  const tallies = new Map<number, BatchTally>();
  for (const result of results) {
    if (result.type !== 'tallies') continue;
    for (const { combination, data } of result.tallies) {
      const tally = tallies.get(combination) ?? new BatchTally(layout);
      tally.add(data);
      tallies.set(combination, tally);
    }
  }

  const info = scenarioInfo(base);
  if (options.shard !== undefined) {
    const touched = [...tallies.keys()].sort((a, b) => a - b);
    const file: ShardFile = {
      format: SHARD_FORMAT,
      formatVersion: SHARD_FORMAT_VERSION,
      command: 'sweep',
      shard,
      runs: options.runs,
      seed,
      turns,
      scenario: info,
      parameters: axes,
      layout,
      combinations: touched.map((index) => ({ index, params: list[index]!, hash: hashes[index]!, tally: tallyToJson(tallies.get(index)!) })),
    };
    printData(jsonText(file));
  } else {
    const summary = summarizeSweep(
      { runs: options.runs, seed, turns, scenario: info, parameters: axes },
      list.map((params, index) => ({ params, hash: hashes[index]!, tally: tallies.get(index) ?? new BatchTally(layout) })),
    );
    if (options.csv !== undefined) writeFileAtomic(options.csv, sweepCsv(summary));
    if (options.html !== undefined) await writeAnalysisHtml(options.html, { kind: 'sweep', summary });
    printData(options.json ? jsonText(summary, 2) : formatSweep(summary));
    if (options.csv !== undefined) note(`${list.length} combinations written to ${options.csv}`);
  }
  if (options.seed === undefined) note(`seed ${seed} (repeat this sweep with --seed ${seed})`);
  return 0;
}
