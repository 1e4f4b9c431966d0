import { z } from 'zod';
import { advance, current, startHistory, type History } from './history.js';
import { planRun } from './plan.js';
import { FOREVER } from './interventions.js';
import { MAX_SEED, MAX_TURNS } from './limits.js';
import type { Intervention, Scenario } from './types.js';
import { hashOf } from './hash.js';
import type { ScenarioData } from './types.js';
import { parseVersioned } from './versioned.js';
import { ENGINE_VERSION } from './version.js';

export const RECORD_FORMAT = 'sandtable-run-record';
/**
 * Bumped whenever a record of the old version could replay differently, or
 * the format gains what a reader needs. Version 2 embeds the scenario.
 */
export const RECORD_FORMAT_VERSION = 2;
/** Every version this sandtable reads and verifies: version 1 records name their scenario, version 2 records embed it. */
export const READABLE_RECORD_VERSIONS: readonly number[] = [1, 2];
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
const policyDecisionSchema = z.object({ turn: turnNumber, actor: z.string(), why: z.enum(['deadline', 'instructor']) }).readonly();
/** A team decided by its actor's policy at a turn of a hosted exercise, and why. */
export type PolicyDecision = z.output<typeof policyDecisionSchema>;
const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash in hex');
const switchSchema = z.object({ turn: turnNumber, variant: z.string().nullable(), hash }).readonly();
const ids = z.array(z.string()).max(1024).readonly();
/**
 * What an exercise record keeps besides its run, to be continued with
 * `exercise --resume`: the horizon, the roles played (actor ids, in the order
 * they decide), what became of each inject that came up, and what the
 * instructor had queued for the next month. Replays and reports ignore it.
 */
const exerciseSchema = z.object({
  turns: z.number().int().min(1).max(MAX_TURNS),
  roles: z.array(z.string()).min(1).max(1024).readonly(),
  fates: z.array(z.object({ inject: z.string(), turn: turnNumber, how: z.enum(['fired', 'held']) }).readonly()).max(MAX_RECORD_INTERVENTIONS).readonly(),
  queue: z.object({ fireInjects: ids, fireRules: ids, holdRules: ids, holdInjects: ids }).readonly(),
}).readonly();
const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  formatVersion: z.number(),
  engineVersion: z.string(),
  /**
   * The scenario the run started with: `hash` is its run hash (the data that
   * changes runs, with this variant); `dataHash` (version 2) is the sha256 of
   * `scenarioData`, briefs and injects included.
   */
  scenario: z.object({ id: z.string().min(1), variant: z.string().nullable(), hash, dataHash: hash.optional() }).readonly(),
  /** Switches to a variant part-way through (what-if branches), in turn order; absent when none. */
  switches: z.array(switchSchema).max(MAX_TURNS).readonly().optional(),
  seed: z.number().int().min(0).max(MAX_SEED),
  turns: z.number().int().min(1).max(MAX_TURNS),
  /** Interventions and choices, each with its turn. */
  interventions: z.array(interventionSchema).max(MAX_RECORD_INTERVENTIONS).readonly(),
  /** The hash of every turn's state, turn 0 first. */
  hashes: z.array(hash).max(MAX_TURNS + 1).readonly(),
  finalHash: hash,
  /** An exercise's state for `exercise --resume` (absent from records of runs and of the UI, and of exercises saved before it was kept). */
  exercise: exerciseSchema.optional(),
  /**
   * The resolved scenario the run was made with (version 2): every variant,
   * role brief and inject, so the record replays and reports without the file.
   */
  scenarioData: z.custom<ScenarioData>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'an object').optional(),
  /**
   * Teams of a hosted exercise that had not chosen when their turn ended, and
   * why it ended (the deadline passed, or the instructor ended it): their
   * actor's policy decided, and its pick is the `choose` in `interventions`.
   * Absent when every team chose. Not part of what a replay checks.
   */
  decidedByPolicy: z.array(policyDecisionSchema).max(MAX_RECORD_INTERVENTIONS).readonly().optional(),
}).readonly();

/** A run record: everything needed to re-run a run and check it came out the same. */
export type RunRecord = z.output<typeof recordSchema>;

/** What an exercise record keeps to be resumed (see `exerciseSchema`). */
export type SavedExercise = z.output<typeof exerciseSchema>;

/** A switch to a variant after `turn`: turns after it were computed with that variant. */
export type VariantSwitch = z.output<typeof switchSchema>;

/** The run record's header and schema, for the versioned-file reader. */
const RECORD_FILE = {
  format: RECORD_FORMAT,
  versions: READABLE_RECORD_VERSIONS,
  noun: 'run record',
  schema: recordSchema,
  // Checked before anything walks the data recursively (the schema, the hash), which deep nesting would overflow.
  precheck: (data: object) => tooDeep((data as { scenarioData?: unknown }).scenarioData)
    ? `has an invalid field scenarioData: it is nested more than ${MAX_EMBEDDED_DEPTH} levels deep; a scenario needs far fewer`
    : null,
};

/** A record that cannot be used, with a sentence saying why. */
export class RecordError extends Error {}

/**
 * What a record embeds of a scenario's data: all of it but the editor's
 * `$schema`, with what an exercise showed its players in place of the
 * scenario's own: its inject timeline, and the brief of every role played
 * (a role the scenario has no brief for gets the one the players read).
 */
function embeddedData(data: ScenarioData, shown: RecordOptions): ScenarioData {
  const { $schema: _schema, ...rest } = data;
  const roles = (data.roles ?? []) as readonly EmbeddedRole[];
  // A made-up brief longer than a scenario's text limit (4000 characters) could not be read back as a scenario; such a role is left out.
  const added = (shown.roles ?? []).filter((role) => !roles.some((item) => item.actor === role.actor) && role.brief.length <= 4000);
  return {
    ...rest,
    ...(shown.injects === undefined ? {} : { injects: shown.injects.map(({ id, turn, event, brief }) => ({ id, turn, event, brief })) }),
    ...(added.length === 0 ? {} : { roles: [...roles, ...added.map(({ actor, brief, goals }) => ({ actor, brief, goals }))] }),
  };
}

/** A role brief as a scenario file writes it. */
export interface EmbeddedRole {
  readonly actor: string;
  readonly brief: string;
  readonly goals: readonly string[];
}

/** What an exercise showed its players, for the record to embed. */
export interface RecordOptions {
  /** The inject timeline played, when it is not the scenario's own (an inject file added to it or replaced it). */
  readonly injects?: readonly EmbeddedInject[];
  /** The roles played, with the briefs the players read. */
  readonly roles?: readonly EmbeddedRole[];
  /** An exercise's state, to resume it from the record. */
  readonly exercise?: SavedExercise;
  /** Teams of a hosted exercise decided by their actor's policy. */
  readonly decidedByPolicy?: readonly PolicyDecision[];
}

/** An inject as a scenario file writes it. */
export interface EmbeddedInject {
  readonly id: string;
  readonly turn: number;
  readonly event: string;
  readonly brief: string;
}

/** The record of a finished (or partly run) history, embedding the scenario's data (with what an exercise showed, when given). */
export function recordOf(history: History, options: RecordOptions = {}): RunRecord {
  const hashes = history.kept.map((turn) => turn.hash);
  const [first, ...later] = history.segments;
  if (first === undefined) throw new Error('a history has at least one segment');
  if (first.scenario.data === undefined) {
    throw new Error(`scenario ${first.scenario.id} has no data to embed in a run record (it was compiled with parameter overrides)`);
  }
  const scenarioData = embeddedData(first.scenario.data, options);
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: first.scenario.id, variant: first.scenario.variant, hash: first.scenario.hash, dataHash: hashOf(scenarioData) },
    ...(later.length === 0
      ? {}
      : { switches: later.map(({ from, scenario }) => ({ turn: from, variant: scenario.variant, hash: scenario.hash })) }),
    seed: history.seed,
    turns: history.kept.length - 1,
    interventions: history.interventions,
    hashes,
    finalHash: current(history).hash,
    ...(options.exercise === undefined ? {} : { exercise: options.exercise }),
    scenarioData,
    ...(options.decidedByPolicy === undefined || options.decidedByPolicy.length === 0 ? {} : { decidedByPolicy: options.decidedByPolicy }),
  };
}

/** Parse and check the shape of a record's JSON text. */
export function parseRecord(text: string): RunRecord {
  const record = parseVersioned(text, RECORD_FILE, (message) => new RecordError(message));
  checkEmbedded(record);
  checkHashCount(record);
  return record;
}

/**
 * A version 2 record embeds its scenario and the hash of it; a version 1
 * record has neither. The embedded data must hash to `scenario.dataHash`, so
 * a brief or inject changed after the record was written is refused. (Whether
 * the data is a valid scenario that gives `scenario.hash` is checked where
 * scenarios are read: see `scenarios/embedded.ts`.)
 */
function checkEmbedded(record: RunRecord): void {
  if (record.formatVersion === 1) {
    if (record.scenarioData !== undefined || record.scenario.dataHash !== undefined) {
      throw new RecordError('is a version 1 record with an embedded scenario; only version 2 records embed one');
    }
    return;
  }
  if (record.scenarioData === undefined) throw new RecordError('has an invalid field scenarioData: a version 2 record embeds its scenario');
  if (record.scenario.dataHash === undefined) throw new RecordError('has an invalid field scenario.dataHash: a version 2 record gives the hash of its embedded scenario');
  const actual = hashOf(record.scenarioData);
  if (actual !== record.scenario.dataHash) {
    throw new RecordError(
      `has an embedded scenario that does not match its hash (scenario.dataHash ${record.scenario.dataHash.slice(0, 12)}…, ` +
        `the embedded scenario hashes to ${actual.slice(0, 12)}…): it was changed after the record was written`,
    );
  }
}

/** Deepest nesting accepted in an embedded scenario (the scenario format's own limit). */
const MAX_EMBEDDED_DEPTH = 32;

/** Is a JSON value nested deeper than MAX_EMBEDDED_DEPTH? Checked without recursion, before anything walks it recursively. */
function tooDeep(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_EMBEDDED_DEPTH) return true;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return false;
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
