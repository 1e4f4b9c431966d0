import { parseRecord, RecordError, type RunRecord } from '../engine/record.js';
import type { Scenario } from '../engine/types.js';
import { compileScenario } from '../scenarios/compile.js';
import { differenceOf, embeddedSpec, type Difference } from '../scenarios/embedded.js';
import type { InjectSpec, RoleSpec, ScenarioSpec } from '../scenarios/format.js';
import { splitReference } from '../scenarios/load.js';
import { builtinSpecForHash } from '../scenarios/builtin-versions.js';
import { isBuiltin } from '../scenarios/read.js';
import { UsageError } from './errors.js';
import { readUserFile } from './files.js';
import { asUsageError, loadForCommand, specForCommand } from './scenario.js';

/** A record read from a file, with the scenario to replay it with and the texts its players were shown. */
export interface LoadedRecord {
  readonly record: RunRecord;
  readonly scenario: Scenario;
  /** The scenario's checked data (what worker threads compile). */
  readonly spec: ScenarioSpec;
  /** The same scenario with another of its variants, for records that switch variant. */
  readonly variantOf: (variant: string | null) => Scenario;
  readonly roles: readonly RoleSpec[];
  readonly injects: readonly InjectSpec[];
  /** The `--scenario` the record needs to be read again (a version 1 record of a file scenario), or null. */
  readonly needs: string | null;
  /** How `--scenario FILE` compares with the embedded scenario: a note for stderr, printed once the record is known to be good; or null. */
  readonly difference: string | null;
}

/** Run a step that reads a record, turning a RecordError into a usage error naming the file. */
export function asRecordError<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(`${file} ${error.message}`);
    throw error;
  }
}

/**
 * Read a run record and the scenario it replays with. A version 2 record
 * embeds its scenario, which is used; a scenario named with `--scenario` is
 * then only compared with it, in a note on stderr. A version 1 record names
 * its scenario: a built-in one by id, a file with `--scenario`.
 */
export function loadRecord(file: string, scenarioRef: string | undefined): LoadedRecord {
  const record = asRecordError(file, () => parseRecord(readUserFile(file, 'run record')));
  const spec = asRecordError(file, () => embeddedSpec(record));
  if (spec !== null) {
    const compile = (variant: string | null) => asUsageError(() => compileScenario(spec, variant));
    const difference = scenarioRef === undefined
      ? null
      : differenceNote(file, scenarioRef, differenceOf(spec, specForCommand(splitReference(scenarioRef).scenario), record));
    return { record, scenario: compile(record.scenario.variant), spec, variantOf: compile, roles: spec.roles, injects: spec.injects, needs: null, difference };
  }
  if (scenarioRef === undefined && !isBuiltin(record.scenario.id)) {
    throw new UsageError(
      `${file} is a version 1 record of scenario ${record.scenario.id}, which is not built in; ` +
        'version 1 records do not embed their scenario: name its file with --scenario FILE',
    );
  }
  if (scenarioRef === undefined) {
    // A built-in scenario, in the version the record was made with when an earlier one is kept.
    const data = asUsageError(() => builtinSpecForHash(record.scenario.id, record.scenario.variant, record.scenario.hash));
    const compile = (variant: string | null) => asUsageError(() => compileScenario(data, variant));
    return { record, scenario: compile(record.scenario.variant), spec: data, variantOf: compile, roles: data.roles, injects: data.injects, needs: null, difference: null };
  }
  const ref = scenarioRef;
  const data = specForCommand(ref);
  return {
    record,
    scenario: loadForCommand(ref, record.scenario.variant ?? undefined),
    spec: data,
    variantOf: (variant) => loadForCommand(ref, variant ?? undefined),
    roles: data.roles,
    injects: data.injects,
    needs: scenarioRef ?? null,
    difference: null,
  };
}

/** The note on how `--scenario FILE` compares with the scenario a record embeds (sanitised where it is printed). */
function differenceNote(file: string, ref: string, difference: Difference): string {
  const start = `note: ${ref}`;
  const embedded = `the scenario ${file} embeds`;
  const used = `${file} is replayed with the scenario it embeds`;
  switch (difference) {
    case 'same': return `${start} is the same as ${embedded}`;
    case 'text': return `${start} differs from ${embedded} only in text (titles, descriptions, narratives, sources, briefs); runs are the same; ${used}`;
    case 'unused': return `${start} differs from ${embedded} only in text and in parts this run does not use (other variants, roles, injects); this run is the same; ${used}`;
    case 'runs': return `${start} differs from ${embedded} in what changes runs (numbers, expressions, rules or the variants it uses); ${used}`;
  }
}
