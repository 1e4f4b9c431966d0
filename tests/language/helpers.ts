import { compileScenario } from '../../src/scenarios/compile.js';
import { parseSpec } from '../../src/scenarios/load.js';
import { formatProblem, ScenarioError } from '../../src/scenarios/problem.js';
import type { Scenario } from '../../src/engine/types.js';

/** Compile scenario text (YAML) as a file would be, optionally with a variant. */
export function compileText(text: string, variant: string | null = null): Scenario {
  return compileScenario(parseSpec(text, 'scenario.yaml'), variant);
}

/** The problems of scenario text, one line each (empty when it compiles). */
export function problemsOf(text: string): string[] {
  try {
    compileText(text);
    return [];
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((problem) => formatProblem(problem));
    throw error;
  }
}
