// The reference model on sandtable's two paths, from the built library (dist/).
import { scenarioSchema } from '../dist/scenarios/format.js';
import { compileScenario } from '../dist/scenarios/compile.js';
import { hashOf, run, runFast } from '../dist/engine/index.js';
import { TURNS, referenceSpec } from './model.mjs';

/** The reference model, validated and compiled as any scenario file would be. */
export const scenario = compileScenario(scenarioSchema.parse(referenceSpec()));

/** The interactive path: Immer, every state and what changed kept, and hashed. */
export function runInteractive(seed, turns = TURNS) {
  const history = run(scenario, { seed, turns });
  return history.kept[history.kept.length - 1].state;
}

/** The batch path. */
export function runBatch(seed, turns = TURNS) {
  return runFast(scenario, { seed, turns }).state;
}

export { hashOf };
