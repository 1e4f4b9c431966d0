import { canonicalJson } from '../hash.js';
import { sameLayout, type BatchLayout } from './batch-layout.js';
import { shardRange, type Shard } from './shard.js';
import { SHARD_FORMAT, SHARD_FORMAT_VERSION, shardFileSchema, tallyFromJson, type ShardFile } from './shard-file.js';
import type { ScenarioInfo } from './summary.js';
import { combinationCount, combinations, MAX_COMBINATIONS, type SweepAxis } from './sweep.js';
import { BatchTally } from './tally.js';
import { parseVersioned } from '../versioned.js';
import { implausibleField } from './tally-check.js';

/** Shard files that cannot be merged, with a sentence saying why. */
export class MergeError extends Error {}

/** A shard file and the name to call it by in errors (its path). */
export interface NamedShard {
  readonly name: string;
  readonly file: ShardFile;
}

/** One combination of a batch or sweep with all its runs counted. */
export interface MergedCombination {
  readonly index: number;
  readonly params: Readonly<Record<string, number>>;
  readonly hash: string;
  readonly tally: BatchTally;
}

/** The whole batch or sweep, put back together from its shards. */
export interface Merged {
  readonly command: 'batch' | 'sweep';
  readonly runs: number;
  readonly seed: number;
  readonly turns: number;
  readonly scenario: ScenarioInfo;
  readonly parameters: readonly SweepAxis[];
  readonly layout: BatchLayout;
  readonly combinations: readonly MergedCombination[];
}

/** Parse and validate the text of a shard file; throws MergeError saying what is wrong. */
export function parseShardFile(text: string): ShardFile {
  const file = parseVersioned(text, {
    format: SHARD_FORMAT,
    versions: [SHARD_FORMAT_VERSION],
    noun: 'shard',
    howToMake: 'make shards with batch or sweep --shard I/N --json',
    schema: shardFileSchema,
  }, (message) => new MergeError(message));
  const planned = combinationCount(file.parameters);
  if (planned > MAX_COMBINATIONS) {
    throw new MergeError(`is a sweep of ${planned} combinations; a sweep has at most ${MAX_COMBINATIONS}`);
  }
  return file;
}

/**
 * Merge the shards of one batch or sweep into the result of the unsharded
 * run: counts add exactly, so the merged result is the same to the last bit.
 * Every shard must be there once, and all must come from the same command,
 * scenario, seed, runs, turns and parameters.
 */
export function mergeShards(shards: readonly NamedShard[]): Merged {
  const [first, ...others] = shards;
  if (first === undefined) throw new MergeError('no shard files to merge');
  for (const other of others) checkSameBatch(first, other);
  const { count } = first.file.shard;
  checkEveryShardOnce(shards.map(({ name, file }) => ({ name, shard: file.shard })));

  const { runs, layout, parameters } = first.file;
  const expected = combinations(parameters);
  const merged = expected.map((params, index) => ({ index, params, hash: '', tally: new BatchTally(layout) }));
  for (const { name, file } of shards) {
    const range = shardRange(expected.length * runs, file.shard);
    for (const combination of file.combinations) {
      const where = `${name}, combination ${combination.index}`;
      const target = merged[combination.index];
      if (target === undefined || canonicalJson(combination.params) !== canonicalJson(target.params)) {
        throw new MergeError(`${where} is not one of the sweep's combinations`);
      }
      const from = Math.max(range.from, combination.index * runs);
      const to = Math.min(range.to, (combination.index + 1) * runs);
      if (combination.tally.runs !== to - from) {
        throw new MergeError(`${where} has ${combination.tally.runs} runs where shard ${file.shard.index}/${count} has ${Math.max(0, to - from)}`);
      }
      if (target.hash !== '' && target.hash !== combination.hash) throw new MergeError(`${where} was run on another version of the scenario`);
      target.hash = combination.hash;
      let tally: BatchTally;
      try {
        tally = tallyFromJson(layout, combination.tally);
      } catch (error) {
        throw new MergeError(`${where}: ${(error as Error).message}`);
      }
      const implausible = implausibleField(tally);
      if (implausible !== null) throw new MergeError(`${where}: ${implausible}; no run of the scenario gives that, so the file was edited`);
      target.tally.add(tally.data());
    }
  }
  for (const combination of merged) {
    if (combination.tally.runs !== runs) {
      throw new MergeError(`combination ${combination.index} has ${combination.tally.runs} of its ${runs} runs; a shard is incomplete`);
    }
  }
  const { command, seed, turns, scenario } = first.file;
  return { command, runs, seed, turns, scenario, parameters, layout, combinations: merged };
}

/**
 * Check that shards of one piece of work (already known to agree on their
 * shard count) are each of its shards once; throws MergeError naming the
 * shard that is out of range, repeated or missing.
 */
export function checkEveryShardOnce(shards: readonly { readonly name: string; readonly shard: Shard }[]): void {
  const count = shards[0]?.shard.count ?? 0;
  const seen = new Map<number, string>();
  for (const { name, shard } of shards) {
    if (shard.index > count) throw new MergeError(`${name} says it is shard ${shard.index} of ${count}`);
    const twin = seen.get(shard.index);
    if (twin !== undefined) throw new MergeError(`${twin} and ${name} are both shard ${shard.index}/${count}`);
    seen.set(shard.index, name);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    throw new MergeError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing; merge needs all ${count}`);
  }
}

function checkSameBatch(a: NamedShard, b: NamedShard): void {
  const differ = (what: string, left: unknown, right: unknown) => requireSame(a.name, b.name, what, left, right);
  differ('commands', a.file.command, b.file.command);
  differ('scenarios', a.file.scenario.hash, b.file.scenario.hash);
  differ('seeds', a.file.seed, b.file.seed);
  differ('run counts', a.file.runs, b.file.runs);
  differ('turn counts', a.file.turns, b.file.turns);
  differ('shard counts', a.file.shard.count, b.file.shard.count);
  differ('parameter sweeps', a.file.parameters, b.file.parameters);
  if (!sameLayout(a.file.layout, b.file.layout)) {
    throw new MergeError(`cannot merge ${b.name} with ${a.name}: they count different events, indicators, outcomes or metrics`);
  }
}

/** Throw MergeError unless shards `a` and `b` agree on `what` (values compared as canonical JSON). */
export function requireSame(a: string, b: string, what: string, left: unknown, right: unknown): void {
  if (canonicalJson(left) !== canonicalJson(right)) {
    throw new MergeError(`cannot merge ${b} with ${a}: they are shards of different ${what} (${describe(left)} and ${describe(right)})`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return value.slice(0, 12);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : canonicalJson(value);
}
