import { z } from 'zod';
import { advance, current, startHistory, type History } from './history.js';
import { planRun } from './plan.js';
import { FOREVER } from './interventions.js';
import { MAX_SEED, MAX_TURNS } from './limits.js';
import type { Scenario } from './types.js';
import { ENGINE_VERSION } from './version.js';

export const RECORD_FORMAT = 'sandtable-run-record';
/** Bumped whenever a record of the old version could replay differently. */
export const RECORD_FORMAT_VERSION = 1;
export { MAX_TURNS };
/**
 * The most interventions a record may hold: far more than an exercise of 600
 * turns makes, few enough that a stranger's record cannot keep a replay busy
 * for minutes.
 */
export const MAX_RECORD_INTERVENTIONS = 100_000;

const turnNumber = z.number().int().min(0).max(MAX_TURNS);
const interventionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('force'), event: z.string(), turn: turnNumber }).readonly(),
  z.object({ kind: z.literal('block'), event: z.string(), from: turnNumber, to: z.number().int().min(0).max(FOREVER) }).readonly(),
  z.object({ kind: z.literal('set'), path: z.string(), value: z.number(), turn: turnNumber }).readonly(),
  z.object({ kind: z.literal('choose'), actor: z.string(), action: z.string(), turn: turnNumber }).readonly(),
]);
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash in hex');
const switchSchema = z.object({ turn: turnNumber, variant: z.string().nullable(), hash }).readonly();
const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.number(),
  engineVersion: z.string(),
  /** The scenario the run started with. */
  scenario: z.object({ id: z.string().min(1), variant: z.string().nullable(), hash }).readonly(),
  /** Switches to a variant part-way through (what-if branches), in turn order; absent when none. */
  switches: z.array(switchSchema).max(MAX_TURNS).readonly().optional(),
  seed: z.number().int().min(0).max(MAX_SEED),
  turns: z.number().int().min(1).max(MAX_TURNS),
  /** Interventions and choices, each with its turn. */
  interventions: z.array(interventionSchema).max(MAX_RECORD_INTERVENTIONS).readonly(),
  /** The hash of every turn's state, turn 0 first. */
  hashes: z.array(hash).max(MAX_TURNS + 1).readonly(),
  finalHash: hash,
}).readonly();

/** A run record: everything needed to re-run a run and check it came out the same. */
export type RunRecord = z.output<typeof recordSchema>;

/** A switch to a variant after `turn`: turns after it were computed with that variant. */
export type VariantSwitch = z.output<typeof switchSchema>;

/** A record that cannot be used, with a sentence saying why. */
export class RecordError extends Error {}

/** The record of a finished (or partly run) history. */
export function recordOf(history: History): RunRecord {
  const hashes = history.kept.map((turn) => turn.hash);
  const [first, ...later] = history.segments;
  if (first === undefined) throw new Error('a history has at least one segment');
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: first.scenario.id, variant: first.scenario.variant, hash: first.scenario.hash },
    ...(later.length === 0
      ? {}
      : { switches: later.map(({ from, scenario }) => ({ turn: from, variant: scenario.variant, hash: scenario.hash })) }),
    seed: history.seed,
    turns: history.kept.length - 1,
    interventions: history.interventions,
    hashes,
    finalHash: current(history).hash,
  };
}

/** Parse and check the shape of a record's JSON text. */
export function parseRecord(text: string): RunRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RecordError('is not JSON');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== RECORD_FORMAT) {
    throw new RecordError(`is not a sandtable run record (no "format": "${RECORD_FORMAT}")`);
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (version !== RECORD_FORMAT_VERSION) {
    throw new RecordError(
      `is a run record of format version ${JSON.stringify(version)}; this sandtable reads version ${RECORD_FORMAT_VERSION}`,
    );
  }
  const parsed = recordSchema.safeParse(data);
  if (!parsed.success) {
    // A failed parse has at least one issue.
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the record';
    throw new RecordError(`has an invalid field ${where}: ${issue.message}`);
  }
  const record = parsed.data;
  checkHashCount(record);
  return record;
}

/** Result of replaying a record. */
export type Verification =
  | { readonly ok: true; readonly history: History }
  | { readonly ok: false; readonly history: History; readonly turn: number; readonly expected: string; readonly actual: string };

/** Check that a record was made for this scenario; throws RecordError if not. */
export function checkScenario(record: RunRecord, scenario: Scenario): void {
  if (record.scenario.id !== scenario.id || record.scenario.variant !== scenario.variant) {
    const made = record.scenario.variant ? `${record.scenario.id}/${record.scenario.variant}` : record.scenario.id;
    throw new RecordError(`was made for scenario ${made}, not ${scenario.variant ? `${scenario.id}/${scenario.variant}` : scenario.id}`);
  }
  if (record.scenario.hash !== scenario.hash) {
    throw new RecordError(
      `was made for another version of ${scenario.id} (scenario hash ${record.scenario.hash.slice(0, 12)}…, this one is ${scenario.hash.slice(0, 12)}…)`,
    );
  }
}

/** Check that every intervention of a record names something the scenario has. */
function checkInterventions(record: RunRecord, scenario: Scenario): void {
  const rules = new Set(scenario.rules.map((rule) => rule.id));
  record.interventions.forEach((item, i) => {
    const where = `interventions[${i}]`;
    if ((item.kind === 'force' || item.kind === 'block') && !rules.has(item.event)) {
      throw new RecordError(`has an invalid field ${where}: ${scenario.id} has no event \`${item.event}\``);
    }
    if (item.kind === 'set' && scenario.target(item.path) === null) {
      throw new RecordError(`has an invalid field ${where}: ${scenario.id} has no value \`${item.path}\``);
    }
    if (item.kind === 'choose') {
      const actor = scenario.actors.find((candidate) => candidate.id === item.actor);
      if (actor === undefined || !actor.actions.some((action) => action.id === item.action)) {
        throw new RecordError(`has an invalid field ${where}: ${scenario.id} has no action \`${item.action}\` for \`${item.actor}\``);
      }
    }
  });
}

/** A record has one hash per turn, turn 0 included. */
function checkHashCount(record: RunRecord): void {
  if (record.hashes.length !== record.turns + 1) {
    throw new RecordError(`has ${record.hashes.length} turn hashes for ${record.turns} turns (expected ${record.turns + 1})`);
  }
}

/**
 * Re-run a record and compare every turn's hash; stops at the first difference.
 * `variantOf` gives the scenario of another variant of the same scenario, for
 * records that switch variant part-way through.
 */
export function replay(
  record: RunRecord,
  scenario: Scenario,
  variantOf: (variant: string | null) => Scenario = () => scenario,
): Verification {
  checkHashCount(record);
  checkScenario(record, scenario);
  checkInterventions(record, scenario);
  const switches = (record.switches ?? []).map((item) => {
    const target = variantOf(item.variant);
    checkScenario({ ...record, scenario: { id: record.scenario.id, variant: item.variant, hash: item.hash } }, target);
    return { ...item, scenario: target };
  });
  switches.forEach((item, i) => {
    if (item.turn > record.turns || (i > 0 && item.turn <= switches[i - 1]!.turn)) {
      throw new RecordError(`has an invalid field switches[${i}]: switches must be at increasing turns, up to the record's ${record.turns}`);
    }
  });
  let history = startHistory(planRun(scenario, { seed: record.seed, turns: record.turns, interventions: record.interventions, switches }));
  for (let turn = 0; turn <= record.turns; turn += 1) {
    if (turn > 0) history = advance(history);
    const actual = history.kept[turn]!.hash;
    // checkHashCount made sure there is one hash per turn.
    const expected = record.hashes[turn]!;
    if (actual !== expected) return { ok: false, history, turn, expected, actual };
  }
  const last = history.kept[record.turns]!.hash;
  if (last !== record.finalHash) {
    return { ok: false, history, turn: record.turns, expected: record.finalHash, actual: last };
  }
  return { ok: true, history };
}
