import { sameLayout, type BatchLayout } from '../../batch/batch-layout.js';
import { checkEveryShardOnce, MergeError, requireSame } from '../../batch/merge.js';
import { shardRange } from '../../batch/shard.js';
import { parseVersioned } from '../../versioned.js';
import { addCounts, emptyCounts, type PointCounts } from './outputs.js';
import {
  SENSITIVITY_SHARD_FORMAT, SENSITIVITY_SHARD_FORMAT_VERSION, sensitivityShardSchema, type SensitivityShard, type SensitivityShardPoint,
} from './shard-file.js';
import { MAX_SOBOL_PARAMETERS } from './sobol.js';
import { pointCount, STUDY_LIMITS, type StudyPlan } from './study.js';
import type { StudyHeader } from './summary.js';

/** A sensitivity shard file and the name to call it by in errors (its path). */
export interface NamedSensitivityShard {
  readonly name: string;
  readonly file: SensitivityShard;
}

/** A whole study put back together from its shards: every point with all its runs counted. */
export interface MergedStudy {
  readonly header: StudyHeader;
  readonly plan: StudyPlan;
  readonly layout: BatchLayout;
  readonly counts: readonly PointCounts[];
}

/** The plan a shard says its study has. */
export function planOfShard(file: SensitivityShard): StudyPlan {
  return { method: file.method, parameters: file.parameters, size: file.size, levels: file.levels, seed: file.seed };
}

/** Parse and validate the text of a sensitivity shard file; throws MergeError saying what is wrong. */
export function parseSensitivityShard(text: string): SensitivityShard {
  const file = parseVersioned(text, {
    format: SENSITIVITY_SHARD_FORMAT,
    versions: [SENSITIVITY_SHARD_FORMAT_VERSION],
    noun: 'sensitivity shard',
    howToMake: 'make shards with sensitivity --shard I/N',
    schema: sensitivityShardSchema,
  }, (message) => new MergeError(message));
  const problem = impossiblePlan(planOfShard(file));
  if (problem !== null) throw new MergeError(problem);
  return file;
}

/** Why a plan read from a file is not one the command makes, or null. */
function impossiblePlan(plan: StudyPlan): string | null {
  if (plan.method === 'sobol' && plan.parameters.length > MAX_SOBOL_PARAMETERS) {
    return `is a Sobol' study of ${plan.parameters.length} parameters; one has at most ${MAX_SOBOL_PARAMETERS}`;
  }
  if (plan.method === 'morris' && plan.levels % 2 !== 0) return `is a Morris study on ${plan.levels} levels; the levels are even`;
  const points = pointCount(plan);
  if (points > STUDY_LIMITS.points) return `is a study of ${points} points; a study has at most ${STUDY_LIMITS.points}`;
  return null;
}

/** The counts of one point of a shard, or a sentence saying why no runs could give them. */
function countsOfPoint(layout: BatchLayout, point: SensitivityShardPoint): PointCounts | string {
  const { runs } = point;
  if (point.fired.length !== layout.events.length || point.outcomes.length !== layout.outcomes.length || point.metricSums.length !== layout.metrics.length) {
    return 'does not fit the layout';
  }
  const late = point.fired.findIndex((fired) => fired > runs);
  if (late >= 0) return `fired of event ${layout.events[late]!.id} is ${point.fired[late]}, more than the ${runs} runs`;
  const outcomes = point.outcomes.reduce((sum, value) => sum + value, 0);
  if (layout.outcomes.length > 0 && outcomes !== runs) return `outcomes add up to ${outcomes} runs, not ${runs}`;
  const metricSums = point.metricSums.map(BigInt);
  const infinite = metricSums.findIndex((sum) => !Number.isFinite(Number(sum) / Math.max(1, runs)));
  if (infinite >= 0) return `metricSums of metric ${layout.metrics[infinite]!.id} is beyond what finite values give`;
  return { runs, fired: [...point.fired], outcomes: [...point.outcomes], metricSums };
}

/**
 * Merge the shards of one study into the counts of the unsharded study: the
 * counts add exactly, so the result is the same to the last bit. Every shard
 * must be there once, and all must come from the same study.
 */
export function mergeSensitivityShards(shards: readonly NamedSensitivityShard[]): MergedStudy {
  const [first, ...others] = shards;
  if (first === undefined) throw new MergeError('no shard files to merge');
  for (const other of others) {
    const differ = (what: string, pick: (file: SensitivityShard) => unknown) => requireSame(first.name, other.name, what, pick(first.file), pick(other.file));
    differ('scenarios', (file) => file.scenario.hash);
    differ('seeds', (file) => file.seed);
    differ('run counts', (file) => file.runs);
    differ('turn counts', (file) => file.turns);
    differ('shard counts', (file) => file.shard.count);
    differ('methods', (file) => file.method);
    differ('study sizes', (file) => [file.size, file.levels]);
    differ('parameter ranges', (file) => file.parameters);
    if (!sameLayout(first.file.layout, other.file.layout)) {
      throw new MergeError(`cannot merge ${other.name} with ${first.name}: they count different events, outcomes or metrics`);
    }
  }
  checkEveryShardOnce(shards.map(({ name, file }) => ({ name, shard: file.shard })));

  const { runs, layout, seed, turns, scenario } = first.file;
  const plan = planOfShard(first.file);
  const points = pointCount(plan);
  const counts = Array.from({ length: points }, () => emptyCounts(layout));
  for (const { name, file } of shards) {
    const range = shardRange(points * runs, file.shard);
    const seen = new Set<number>();
    for (const point of file.points) {
      const where = `${name}, point ${point.index}`;
      if (point.index >= points || seen.has(point.index)) throw new MergeError(`${where} is not a point of the study, or is there twice`);
      seen.add(point.index);
      const from = Math.max(range.from, point.index * runs);
      const to = Math.min(range.to, (point.index + 1) * runs);
      if (point.runs !== to - from) {
        throw new MergeError(`${where} has ${point.runs} runs where shard ${file.shard.index}/${file.shard.count} has ${Math.max(0, to - from)}`);
      }
      const read = countsOfPoint(layout, point);
      if (typeof read === 'string') throw new MergeError(`${where}: ${read}; no run of the scenario gives that, so the file was edited`);
      addCounts(counts[point.index]!, read);
    }
  }
  const short = counts.findIndex((point) => point.runs !== runs);
  if (short >= 0) throw new MergeError(`point ${short} has ${counts[short]!.runs} of its ${runs} runs; a shard is incomplete`);
  return { header: { runs, seed, turns, scenario }, plan, layout, counts };
}
