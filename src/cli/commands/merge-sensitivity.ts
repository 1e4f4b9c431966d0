import { MergeError } from '../../engine/batch/merge.js';
import { mergeSensitivityShards, parseSensitivityShard, type NamedSensitivityShard } from '../../engine/analysis/sensitivity/merge.js';
import { StudyValues, studyOutputs } from '../../engine/analysis/sensitivity/outputs.js';
import { designStudy } from '../../engine/analysis/sensitivity/study.js';
import { summarizeStudy } from '../../engine/analysis/sensitivity/summary.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { jsonText } from '../json.js';
import { printData } from '../terminal.js';
import { sensitivityCsv } from '../text/sensitivity-csv.js';
import { formatSensitivity } from '../text/sensitivity-text.js';

/**
 * `sandtable merge` of the shards of a sensitivity study: the design is made
 * again from the plan the shards carry, and the output is exactly what the
 * unsharded `sensitivity` prints.
 */
export function mergeStudy(files: readonly { readonly name: string; readonly text: string }[], options: { readonly json?: boolean; readonly csv?: string }): number {
  const asUsage = <T>(work: () => T, prefix = ''): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof MergeError) throw new UsageError(`${prefix}${error.message}`);
      throw error;
    }
  };
  const shards: NamedSensitivityShard[] = files.map(({ name, text }) => ({ name, file: asUsage(() => parseSensitivityShard(text), `${name} `) }));
  const merged = asUsage(() => mergeSensitivityShards(shards));
  const outputs = studyOutputs(merged.layout);
  const values = new StudyValues(outputs.length, merged.counts.length);
  merged.counts.forEach((counts, point) => values.set(point, counts));
  const summary = summarizeStudy(merged.header, merged.plan, designStudy(merged.plan), outputs, values);
  if (options.csv !== undefined) writeFileAtomic(options.csv, sensitivityCsv(summary));
  printData(options.json ? jsonText(summary, 2) : formatSensitivity(summary));
  return 0;
}
