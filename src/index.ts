/**
 * The library's public surface: what a notebook or another tool needs to load
 * a scenario, run it, run a batch, compare a what-if, and write, read, verify
 * and replay run records. Everything here is covered by the package's
 * `exports` map and documented in docs/library.md; nothing else of the
 * package is importable, so the rest can change without breaking callers.
 *
 * Every result is deterministic: the same scenario, seed and turns give the
 * same states and hashes on every machine, and a batch gives the same summary
 * as `sandtable batch --json`.
 *
 * @packageDocumentation
 */

// Loading: a built-in id (`niger-2024`), `id/variant`, or a scenario file
// (.yaml, .yml, .json). Throws ScenarioNotFound for a reference that names
// nothing, ScenarioError (every problem, with file, line and column) for a
// file that is not a valid scenario.
export { loadScenario, listScenarios, DEFAULT_SCENARIO, ScenarioNotFound, type ScenarioSummary } from './scenarios/load.js';
export { ScenarioError, type Problem } from './scenarios/problem.js';

// Running one seeded run, keeping every turn; what-if branches from any turn.
export { run, resultOf, type RunResult } from './engine/run.js';
/** @deprecated The former name of `resultOf`, kept so existing callers still work. */
export { resultOf as reportOf, type RunResult as RunReport } from './engine/run.js';
export type { RunOptions } from './engine/plan.js';
export { branch, current, type History, type Turn } from './engine/history.js';
export { deriveSeed } from './engine/random.js';
export { SimulationError } from './engine/errors.js';

// Many runs on the calling thread: a batch's distribution, a paired comparison.
export { batch, check, compare, type BatchOptions } from './engine/batch/in-process.js';
export type { ExpectationResult, Verdict } from './engine/analysis/expectations.js';
export type { BatchSummary } from './engine/batch/summary.js';
export type { Comparison } from './engine/batch/comparison.js';

// Run records: write (`JSON.stringify(recordOf(history))`), read, verify and replay.
export { recordOf, parseRecord, replay, RecordError, type RunRecord, type VariantSwitch, type Verification } from './engine/record.js';
export { ENGINE_VERSION } from './engine/version.js';

// The data a run is made of.
export type { Scenario, WorldState, ActorState, EventTally, Intervention, Decision, FiredEvent, Explanation, Expectation, ExpectedQuantity, ParamRange } from './engine/types.js';
export type { Outcome } from './engine/outcome.js';
