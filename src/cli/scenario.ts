import { oneLine } from '../engine/text.js';
import type { Scenario } from '../engine/types.js';
import { formatProblem, ScenarioError } from '../scenarios/problem.js';
import type { ScenarioSpec } from '../scenarios/format.js';
import { DEFAULT_SCENARIO, loadScenario, resolveSpec, ScenarioNotFound } from '../scenarios/load.js';
import { UsageError } from './errors.js';

/** Most problems printed for one file; a file broken everywhere would otherwise flood the terminal. */
export const MAX_PROBLEM_LINES = 100;

/** One line per problem, `FILE:LINE:COLUMN: field: message`, safe to print in a terminal. */
export function problemLines(error: ScenarioError): string[] {
  const lines = error.problems.slice(0, MAX_PROBLEM_LINES).map((problem) => oneLine(formatProblem(problem, error.file)));
  const more = error.problems.length - MAX_PROBLEM_LINES;
  if (more > 0) lines.push(oneLine(`... and ${more} more ${more === 1 ? 'problem' : 'problems'} in ${error.file ?? 'the scenario'}`));
  return lines;
}

/** Run a scenario loader, turning every loading problem into a usage error. */
export function asUsageError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ScenarioNotFound) throw new UsageError(error.message);
    if (error instanceof ScenarioError) throw UsageError.ofLines(problemLines(error));
    throw error;
  }
}

/** Load a scenario for a command, turning every loading problem into a usage error. */
export function loadForCommand(ref: string | undefined, variant: string | undefined): Scenario {
  return asUsageError(() => loadScenario(ref ?? DEFAULT_SCENARIO, variant ?? null));
}

/** The data of a scenario (built-in id or file, `extends:` resolved) for a command. */
export function specForCommand(ref: string): ScenarioSpec {
  return asUsageError(() => resolveSpec(ref));
}
