// The library's public surface: the engine and the scenario loader.
export * from './engine/index.js';
export * from './engine/batch/index.js';
export { loadScenario, listScenarios, DEFAULT_SCENARIO, type ScenarioSummary } from './scenarios/load.js';
export { compileScenario, ScenarioError } from './scenarios/compile.js';
