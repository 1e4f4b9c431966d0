import { layoutOf } from '../../engine/batch/batch-layout.js';
import { shardRange, WHOLE, type Shard } from '../../engine/batch/shard.js';
import { SHARD_FORMAT, SHARD_FORMAT_VERSION, tallyToJson, type ShardFile } from '../../engine/batch/shard-file.js';
import { scenarioInfo, summarizeBatch } from '../../engine/batch/summary.js';
import { BatchTally } from '../../engine/batch/tally.js';
import { randomSeed } from '../../engine/random.js';
import { formatBatch } from '../text/batch-text.js';
import { batchCsvHeader, csvRunsPerTask } from '../text/csv.js';
import { frameColumns } from '../text/csv-columns.js';
import { checkColumns, type ColumnGroup } from '../columns-option.js';
import { execute } from '../parallel/execute.js';
import { interruptible } from '../parallel/interrupt.js';
import { workerCount } from '../batch-options.js';
import { OutputFile } from '../output-file.js';
import { checkHtmlOption, writeAnalysisHtml } from '../html-file.js';
import { sourceOf } from '../parallel/sources.js';
import { planTasks } from '../parallel/tasks.js';
import { jsonText } from '../json.js';
import { note, printData } from '../terminal.js';
import { loadForCommand } from '../scenario.js';

export interface BatchOptions {
  runs: number;
  seed?: number;
  turns?: number;
  variant?: string;
  workers?: number;
  json?: boolean;
  csv?: string;
  columns?: ColumnGroup[];
  html?: string;
  shard?: Shard;
}

/**
 * `sandtable batch`: many seeded runs of a scenario on worker threads,
 * summarised. The result depends only on (scenario, seed, runs, turns),
 * never on the number of workers.
 */
export async function batchCommand(ref: string | undefined, options: BatchOptions): Promise<number> {
  const scenario = loadForCommand(ref, options.variant);
  // After loading, so that an --html over the scenario file is known to be one.
  checkHtmlOption(options.html, options.shard !== undefined);
  const seed = options.seed ?? randomSeed();
  const turns = options.turns ?? scenario.defaultTurns;
  const shard = options.shard ?? WHOLE;
  const workers = workerCount(options.workers);
  const { from, to } = shardRange(options.runs, shard);
  const layout = layoutOf(scenario, turns);
  checkColumns(options);
  const extra = options.columns === undefined ? null : frameColumns(scenario, options.columns);
  const tasks = planTasks(from, to, options.runs, workers, options.csv === undefined ? undefined : csvRunsPerTask(layout, extra?.names.length));
  const tally = new BatchTally(layout);
  // Signals are caught from before the CSV file exists, so an interrupt always cleans up.
  await interruptible(async (signal) => {
    const csv = options.csv === undefined ? null : OutputFile.open(options.csv);
    // CSV rows arrive in whatever order tasks finish; they are written in run order.
    const pending = new Map<number, string>();
    let nextTask = 0;
    try {
      csv?.write(batchCsvHeader(layout, extra?.names));
      const results = await execute({
        workers,
        job: { kind: 'tally', scenario: sourceOf(ref, options.variant), combinations: [{}], seed, turns, quantiles: true, csv: csv !== null, columns: options.columns },
        tasks,
        window: csv === null ? undefined : workers * 8,
        signal,
        onDone: (task, message) => {
          if (csv === null) return;
          pending.set(task.id, message.csv ?? '');
          while (pending.has(nextTask)) {
            csv.write(pending.get(nextTask)!);
            pending.delete(nextTask);
            nextTask += 1;
          }
        },
      });
      for (const result of results) {
        if (result.type === 'tallies') for (const { data } of result.tallies) tally.add(data);
      }
      csv?.commit();
    } catch (error) {
      csv?.discard();
      throw error;
    }
  });

  const info = scenarioInfo(scenario);
  if (options.shard !== undefined) {
    const file: ShardFile = {
      format: SHARD_FORMAT,
      formatVersion: SHARD_FORMAT_VERSION,
      command: 'batch',
      shard,
      runs: options.runs,
      seed,
      turns,
      scenario: info,
      parameters: [],
      layout,
      combinations: [{ index: 0, params: {}, hash: scenario.hash, tally: tallyToJson(tally) }],
    };
    printData(jsonText(file));
  } else {
    const summary = summarizeBatch(seed, info, tally);
    if (options.html !== undefined) await writeAnalysisHtml(options.html, { kind: 'batch', summary });
    printData(options.json ? jsonText(summary, 2) : formatBatch(summary));
  }
  if (options.seed === undefined) note(`seed ${seed} (repeat this batch with --seed ${seed})`);
  if (options.csv !== undefined) note(`${to - from} runs × ${turns + 1} turns written to ${options.csv}`);
  return 0;
}
