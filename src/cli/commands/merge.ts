import { mergeShards, MergeError, parseShardFile, type NamedShard } from '../../engine/batch/merge.js';
import { summarizeBatch } from '../../engine/batch/summary.js';
import { summarizeSweep } from '../../engine/batch/sweep-summary.js';
import { formatBatch } from '../text/batch-text.js';
import { sweepCsv } from '../text/csv.js';
import { formatSweep } from '../text/sweep-text.js';
import { UsageError } from '../errors.js';
import { readUserFile, writeFileAtomic } from '../files.js';
import { jsonText } from '../json.js';
import { printData } from '../terminal.js';
import { SENSITIVITY_SHARD_FORMAT } from '../../engine/analysis/sensitivity/shard-file.js';
import { mergeStudy } from './merge-sensitivity.js';

/** Whether a file says it is a shard of a sensitivity study (its format is checked in full later). */
function isStudyShard(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === SENSITIVITY_SHARD_FORMAT;
  } catch {
    return false;
  }
}

export interface MergeOptions {
  json?: boolean;
  csv?: string;
}

/**
 * `sandtable merge FILE...`: put the shards of a batch, sweep or
 * sensitivity study back together. The output is exactly what the unsharded command prints.
 */
export function mergeCommand(files: readonly string[], options: MergeOptions): number {
  const texts = files.map((name) => ({ name, text: readUserFile(name, 'shard file') }));
  const studies = texts.filter(({ text }) => isStudyShard(text));
  if (studies.length > 0) {
    const other = texts.find((file) => !studies.includes(file));
    if (other !== undefined) throw new UsageError(`cannot merge ${other.name} with ${studies[0]!.name}: one is not a shard of a sensitivity study`);
    return mergeStudy(texts, options);
  }
  const shards: NamedShard[] = texts.map(({ name, text }) => {
    try {
      return { name, file: parseShardFile(text) };
    } catch (error) {
      if (error instanceof MergeError) throw new UsageError(`${name} ${error.message}`);
      throw error;
    }
  });
  let merged;
  try {
    merged = mergeShards(shards);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message);
    throw error;
  }
  if (merged.command === 'batch') {
    if (options.csv !== undefined) {
      throw new UsageError('merge --csv writes a sweep table; the CSV rows of batch shards are complete files of their own runs');
    }
    const summary = summarizeBatch(merged.seed, merged.scenario, merged.combinations[0]!.tally);
    printData(options.json ? jsonText(summary, 2) : formatBatch(summary));
    return 0;
  }
  const summary = summarizeSweep(merged, merged.combinations);
  if (options.csv !== undefined) writeFileAtomic(options.csv, sweepCsv(summary));
  printData(options.json ? jsonText(summary, 2) : formatSweep(summary));
  return 0;
}
