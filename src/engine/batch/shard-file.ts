import { z } from 'zod';
import { KEBAB_ID, MAX_ID_LENGTH, NAME_ID } from '../ids.js';
import { MAX_TURNS } from '../record.js';
import { MAX_SEED } from '../random.js';
import { BINS } from './histogram.js';
import type { BatchLayout } from './batch-layout.js';
import { BatchTally } from './tally.js';

export const SHARD_FORMAT = 'sandtable-batch-shard';
/** Bumped whenever a shard of the old version could merge differently. */
export const SHARD_FORMAT_VERSION = 1;

/**
 * The most a shard file may claim. Shards come from other machines, so claims
 * no real batch makes (a billion shards, a layout of a million events) are
 * refused before anything is allocated for them. Shards, runs and values per
 * parameter match the command line's limits; layout sizes, the scenario
 * format's.
 */
export const SHARD_FILE_LIMITS = { shards: 100_000, runs: 100_000_000, values: 1000, events: 512, indicators: 128, outcomes: 32, metrics: 64, text: 4000 } as const;

const count = z.number().int().min(0);
// Ids are checked against the scenario format's patterns and titles against its text limit:
// a shard's ids become CSV headers and table rows, and a stranger writes shard files too.
const kebab = z.string().max(MAX_ID_LENGTH).regex(KEBAB_ID, 'an id of lower-case words joined by hyphens, such as "us-withdrawal"');
const name = z.string().max(MAX_ID_LENGTH).regex(NAME_ID, 'a name of letters, digits and _, starting with a letter, such as "usPresence"');
const title = z.string().max(SHARD_FILE_LIMITS.text);
const named = (id: z.ZodString, most: number) => z.array(z.object({ id, title }).readonly()).max(most).readonly();
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash in hex');
const bigInteger = z.string().regex(/^-?\d+$/, 'a whole number in decimal');
const rows = <Row extends z.ZodType>(row: Row) => z.array(row).readonly();

const tallyJsonSchema = z.object({
  runs: count,
  /** Per event: runs that first fired it at turn 0..turns, then runs that never did. */
  firstFired: rows(rows(count)),
  /** Per indicator: sums of its values in millionths, for turn 0..turns. */
  indicatorSums: rows(rows(count)),
  /** Per indicator and turn: its non-empty bins as a flat list bin, count, bin, count, ... */
  indicatorBins: rows(rows(rows(count))).nullable(),
  outcomes: rows(count),
  metricSums: rows(bigInteger),
  metricSquares: rows(bigInteger),
}).readonly();

/** The scenario a shard ran, as `ScenarioInfo`. */
export const scenarioInfoSchema = z.object({
  id: kebab, title, version: z.string().max(32), variant: kebab.nullable(), hash,
  start: z.object({ year: z.number().int().min(0).max(9999), month: z.number().int().min(1).max(12) }).readonly().optional(),
}).readonly();

/** What a shard counts, as a `BatchLayout`. */
export const layoutSchema = z.object({
  turns: z.number().int().min(1).max(MAX_TURNS),
  events: named(kebab, SHARD_FILE_LIMITS.events),
  indicators: z.array(z.object({ id: name, title, range: z.tuple([z.number(), z.number()]).readonly().optional() }).readonly()).max(SHARD_FILE_LIMITS.indicators).readonly(),
  outcomes: named(kebab, SHARD_FILE_LIMITS.outcomes),
  metrics: named(name, SHARD_FILE_LIMITS.metrics),
  quantiles: z.boolean(),
}).readonly();

export const shardFileSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  formatVersion: z.number(),
  command: z.enum(['batch', 'sweep']),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1).max(SHARD_FILE_LIMITS.shards) }).readonly(),
  /** Runs per combination in the whole batch (all shards together). */
  runs: z.number().int().min(1).max(SHARD_FILE_LIMITS.runs),
  seed: z.number().int().min(0).max(MAX_SEED),
  turns: z.number().int().min(1).max(MAX_TURNS),
  scenario: scenarioInfoSchema,
  /** The swept parameters (empty for a batch). */
  parameters: rows(z.object({ name, values: z.array(z.number()).min(1).max(SHARD_FILE_LIMITS.values).readonly() }).readonly()),
  layout: layoutSchema,
  /** The combinations this shard ran (a batch has one, index 0, with no parameters). */
  combinations: rows(z.object({
    index: count,
    params: z.record(name, z.number()).readonly(),
    hash,
    tally: tallyJsonSchema,
  }).readonly()),
}).readonly();

/** One combination's counts in a shard file: JSON numbers, and decimal strings for big sums. */
export type TallyJson = z.output<typeof tallyJsonSchema>;

/**
 * What `batch --shard I/N --json` and `sweep --shard I/N --json` print: the
 * mergeable counts of one shard, and everything `merge` needs to check that
 * shards belong to the same batch.
 */
export type ShardFile = z.output<typeof shardFileSchema>;

/** A tally as JSON for a shard file. */
export function tallyToJson(tally: BatchTally): TallyJson {
  const { layout } = tally;
  const turns = layout.turns + 1;
  const rows = (array: ArrayLike<number>, rowCount: number, width: number) =>
    Array.from({ length: rowCount }, (_, row) => Array.from({ length: width }, (__, column) => array[row * width + column]!));
  const bins = tally.indicatorBins;
  return {
    runs: tally.runs,
    firstFired: rows(tally.firstFired, layout.events.length, turns + 1),
    indicatorSums: rows(tally.indicatorSums, layout.indicators.length, turns),
    indicatorBins: bins === null
      ? null
      : layout.indicators.map((_, indicator) => Array.from({ length: turns }, (__, turn) => {
          const offset = (indicator * turns + turn) * BINS;
          const sparse: number[] = [];
          for (let bin = 0; bin < BINS; bin += 1) if (bins[offset + bin]! > 0) sparse.push(bin, bins[offset + bin]!);
          return sparse;
        })),
    outcomes: Array.from(tally.outcomes),
    metricSums: tally.metricSums.map(String),
    metricSquares: tally.metricSquares.map(String),
  };
}

/** Rebuild a tally from its JSON; throws RangeError (with the field) when the counts do not fit the layout. */
export function tallyFromJson(layout: BatchLayout, json: TallyJson): BatchTally {
  const tally = new BatchTally(layout);
  const turns = layout.turns + 1;
  const fill = (target: Float64Array, rows: readonly (readonly number[])[], width: number, field: string) => {
    if (rows.length * width !== target.length || rows.some((row) => row.length !== width)) {
      throw new RangeError(`${field} does not fit the layout`);
    }
    rows.forEach((row, index) => target.set(row, index * width));
  };
  fill(tally.firstFired, json.firstFired, turns + 1, 'firstFired');
  fill(tally.indicatorSums, json.indicatorSums, turns, 'indicatorSums');
  if ((json.indicatorBins === null) !== (tally.indicatorBins === null)) throw new RangeError('indicatorBins does not fit the layout');
  if (json.indicatorBins !== null && tally.indicatorBins !== null) {
    const bins = tally.indicatorBins;
    if (json.indicatorBins.length !== layout.indicators.length) throw new RangeError('indicatorBins does not fit the layout');
    json.indicatorBins.forEach((perTurn, indicator) => {
      if (perTurn.length !== turns) throw new RangeError('indicatorBins does not fit the layout');
      perTurn.forEach((sparse, turn) => {
        if (sparse.length % 2 !== 0) throw new RangeError('indicatorBins has a bin without a count');
        for (let at = 0; at < sparse.length; at += 2) {
          if (sparse[at]! >= BINS) throw new RangeError(`indicatorBins has bin ${sparse[at]}, past the last (${BINS - 1})`);
          bins[(indicator * turns + turn) * BINS + sparse[at]!]! += sparse[at + 1]!;
        }
      });
    });
  }
  if (json.outcomes.length !== tally.outcomes.length) throw new RangeError('outcomes does not fit the layout');
  tally.outcomes.set(json.outcomes);
  if (json.metricSums.length !== layout.metrics.length || json.metricSquares.length !== layout.metrics.length) {
    throw new RangeError('metricSums does not fit the layout');
  }
  json.metricSums.forEach((value, index) => {
    tally.metricSums[index] = BigInt(value);
  });
  json.metricSquares.forEach((value, index) => {
    tally.metricSquares[index] = BigInt(value);
  });
  tally.runs = json.runs;
  return tally;
}
