import type { Scenario } from '../engine/types.js';
import { resumePoint, type ResumePoint } from '../tui/exercise/resume.js';
import { injectTimeline, rolesFor } from './commands/exercise.js';
import { UsageError } from './errors.js';
import { asRecordError, loadRecord } from './record.js';

/** A saved exercise read from its record, ready to continue. */
export interface LoadedExercise {
  readonly point: ResumePoint;
  /** The scenario the record embeds, with the record's variant. */
  readonly scenario: Scenario;
  /** How a scenario named beside the record compares with the embedded one (a note for stderr), or null. */
  readonly difference: string | null;
}

/**
 * Read an exercise's run record and rebuild the exercise at its last turn,
 * with the scenario the record embeds (so the scenario file is not needed,
 * and later edits of it change nothing): its roles with the briefs the
 * players read, its inject timeline, inject fates and the instructor's queue.
 * `scenarioRef` is only compared with the embedded scenario; `turns` sets a
 * new horizon. Every problem is a UsageError naming the file.
 */
export function loadExercise(file: string, scenarioRef?: string, turns?: number): LoadedExercise {
  const { record, scenario, roles, injects, difference } = loadRecord(file, scenarioRef);
  const actors = record.exercise?.roles ?? [];
  const played = actors.length === 0 ? [] : rolesOf(file, () => rolesFor(scenario, roles, actors));
  const point = asRecordError(file, () => resumePoint(record, scenario, played, injectTimeline(scenario, injects, null), turns));
  return { point, scenario, difference };
}

/** The roles a record names, or an error that says the record's field is wrong. */
function rolesOf<T>(file: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${file} has an invalid field exercise.roles: ${error.message}`);
    throw error;
  }
}
