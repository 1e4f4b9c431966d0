import type { Scenario } from '../engine/types.js';
import { formatPath, ScenarioError } from '../scenarios/compile.js';
import { DEFAULT_SCENARIO, loadScenario, ScenarioNotFound } from '../scenarios/load.js';
import { UsageError } from './errors.js';

/** Load a scenario for a command, turning every loading problem into a usage error. */
export function loadForCommand(ref: string | undefined, variant: string | undefined): Scenario {
  try {
    return loadScenario(ref ?? DEFAULT_SCENARIO, variant ?? null);
  } catch (error) {
    if (error instanceof ScenarioNotFound) throw new UsageError(error.message);
    if (error instanceof ScenarioError) {
      const where = error.file === undefined ? '' : `${error.file}: `;
      const lines = error.problems.map((problem) => `${where}${formatPath(problem.path)}: ${problem.message}`);
      throw new UsageError(lines.join('\n'));
    }
    throw error;
  }
}
