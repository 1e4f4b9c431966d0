// The engine's public surface. Pure: no I/O, no React.
export type * from './types.js';
export { step, stepFrame, type StepResult, type TurnOutcome } from './step.js';
export { loadFrame, type Frame, type SlotLayout } from './frame.js';
export { stateOf } from './frame-state.js';
export { run, runFast, resultOf, type RunResult, type FastRun } from './run.js';
export { planRun, stepper, type RunPlan, type RunOptions, type Segment, type Switch, type Stepper } from './plan.js';
export { startHistory, advance, advanceTo, branch, current, type History, type Turn } from './history.js';
export { outcomeOf, postureOf, type Outcome } from './outcome.js';
export { recordOf, parseRecord, replay, RecordError, type RunRecord, type Verification } from './record.js';
export { Streams, deriveSeed, randomSeed, MAX_SEED } from './random.js';
export { hashOf, canonicalJson } from './hash.js';
export { monthLabel, isoMonth } from './calendar.js';
export { whyLine } from './explain.js';
export { ENGINE_VERSION } from './version.js';
export { SimulationError } from './errors.js';
