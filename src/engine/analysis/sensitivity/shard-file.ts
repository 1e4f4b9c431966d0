import { z } from 'zod';
import { NAME_ID, MAX_ID_LENGTH } from '../../ids.js';
import { MAX_TURNS } from '../../record.js';
import { MAX_SEED } from '../../random.js';
import { layoutSchema, scenarioInfoSchema, SHARD_FILE_LIMITS } from '../../batch/shard-file.js';
import { STUDY_LIMITS } from './study.js';

export const SENSITIVITY_SHARD_FORMAT = 'sandtable-sensitivity-shard';
/** Bumped whenever a shard of the old version could merge differently. */
export const SENSITIVITY_SHARD_FORMAT_VERSION = 1;

const count = z.number().int().min(0);
const bigInteger = z.string().regex(/^-?\d{1,400}$/, 'a whole number in decimal');
const finite = z.number().min(-Number.MAX_VALUE).max(Number.MAX_VALUE);

const parameterSchema = z.object({
  name: z.string().max(MAX_ID_LENGTH).regex(NAME_ID, 'a name of letters, digits and _, starting with a letter, such as "talksChance"'),
  value: finite,
  low: finite,
  high: finite,
  distribution: z.enum(['uniform', 'triangular', 'normal']),
  centre: finite,
  sd: z.number().positive().max(Number.MAX_VALUE).optional(),
}).readonly();

/**
 * What `sensitivity --shard I/N` prints: the plan of the whole study (from
 * which every shard makes the same design), and the counts of the runs this
 * shard made at each point it touched. Shards take contiguous slices of the
 * study's point × run pairs, so a point's runs may be split over two shards.
 */
export const sensitivityShardSchema = z.object({
  format: z.literal(SENSITIVITY_SHARD_FORMAT),
  formatVersion: z.number(),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1).max(SHARD_FILE_LIMITS.shards) }).readonly(),
  method: z.enum(['morris', 'sobol']),
  /** Runs per point in the whole study. */
  runs: z.number().int().min(1).max(SHARD_FILE_LIMITS.runs),
  seed: z.number().int().min(0).max(MAX_SEED),
  turns: z.number().int().min(1).max(MAX_TURNS),
  scenario: scenarioInfoSchema,
  parameters: z.array(parameterSchema).min(1).max(STUDY_LIMITS.parameters).readonly(),
  /** Trajectories (Morris) or base samples (Sobol). */
  size: z.number().int().min(1).max(Math.max(STUDY_LIMITS.trajectories, STUDY_LIMITS.samples)),
  levels: z.number().int().min(2).max(STUDY_LIMITS.levels),
  layout: layoutSchema,
  points: z.array(z.object({
    index: count,
    runs: count,
    fired: z.array(count).readonly(),
    outcomes: z.array(count).readonly(),
    metricSums: z.array(bigInteger).readonly(),
  }).readonly()).readonly(),
}).readonly();

export type SensitivityShard = z.output<typeof sensitivityShardSchema>;
export type SensitivityShardPoint = SensitivityShard['points'][number];
