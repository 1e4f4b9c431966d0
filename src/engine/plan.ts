import { copyFrame, loadFrame, newFrame, type Frame } from './frame.js';
import { stateOf } from './frame-state.js';
import { FOREVER, planInterventions, type InterventionPlan } from './interventions.js';
import { Streams, type SeedStates } from './random.js';
import { stepFrame, type TurnOutcome } from './step.js';
import type { Intervention, Scenario, WorldState } from './types.js';

// What a run is, as data: which scenario computes each turn, on which seed,
// for how many turns, and what acts on it. Every way of running a scenario
// (a run, a batch, a pair, a history and its branches, an exercise, the
// analyses of a finished exercise) builds a RunPlan with `planRun` and steps
// it with `stepper` (on a frame) or turn by turn with `scenarioAt` and
// `interventionsAt` (the interactive path).

/** A stretch of a run computed with one scenario, from the turn after `from`. */
export interface Segment {
  readonly from: number;
  readonly scenario: Scenario;
}

/** A switch to another variant of the scenario: it computes the turns after `turn`. */
export interface Switch {
  readonly turn: number;
  readonly scenario: Scenario;
}

/** What to run: a plain, frozen description (no generators, no frames). */
export interface RunPlan {
  readonly seed: number;
  /** The horizon: turns 1..turns are computed. */
  readonly turns: number;
  /**
   * The scenarios the run is computed with: the first from turn 0, then one
   * for every switch to a variant part-way through, in increasing `from`.
   */
  readonly segments: readonly Segment[];
  /**
   * The run's own interventions at the turns they act on: a branch's
   * what-ifs, an instructor's injects and a person's choices (`choose`).
   * The scenarios' own (base and variant) come from the segments.
   */
  readonly interventions: readonly Intervention[];
}

/** How to run a scenario: the parts a plan is built from besides its first scenario. */
export interface RunOptions {
  readonly seed: number;
  readonly turns: number;
  readonly interventions?: readonly Intervention[];
  readonly switches?: readonly Switch[];
}

/**
 * The plan of a run of `scenario`. A switch at turn k applies its variant
 * from turn k + 1: the variant's parameters and rules compute those turns, its
 * own interventions count their turns from the switch (a variant that forces an
 * event at turn 1 forces it at k + 1), and the scenario's base interventions
 * keep their turns. A switch at turn 0 is a run of the variant.
 */
export function planRun(scenario: Scenario, parts: RunOptions): RunPlan {
  const switches = parts.switches ?? [];
  switches.forEach((item, i) => {
    if (item.turn < 0 || (i > 0 && item.turn <= switches[i - 1]!.turn)) {
      throw new RangeError(`switches must be at increasing turns from 0 (got ${switches.map((s) => s.turn).join(', ')})`);
    }
  });
  // A switch at turn 0 replaces the first scenario.
  const segments: Segment[] = switches[0]?.turn === 0 ? [] : [{ from: 0, scenario }];
  for (const item of switches) segments.push(Object.freeze({ from: item.turn, scenario: item.scenario }));
  return Object.freeze({
    seed: parts.seed,
    turns: parts.turns,
    segments: Object.freeze(segments),
    interventions: Object.freeze([...(parts.interventions ?? [])]),
  });
}

/** The parts of a plan, to build a changed copy with `planRun(first(plan), { ...partsOf(plan), ... })`. */
export function partsOf(plan: RunPlan): Required<RunOptions> {
  return {
    seed: plan.seed,
    turns: plan.turns,
    interventions: plan.interventions,
    switches: plan.segments.slice(1).map(({ from, scenario }) => ({ turn: from, scenario })),
  };
}

/** The scenario a plan starts with. */
export function firstScenario(plan: RunPlan): Scenario {
  return plan.segments[0]!.scenario;
}

/** The same plan on another seed (run i of a batch); the per-turn tables are shared. */
export function withSeed(plan: RunPlan, seed: number): RunPlan {
  return Object.freeze({ ...plan, seed });
}

/** A plan worked out per turn: the scenario and the interventions of turns 0..turns. */
interface Schedule {
  readonly scenarios: readonly Scenario[];
  readonly plans: readonly InterventionPlan[];
}

// Schedules depend on the segments, the interventions and the horizon, not the
// seed: plans that share those arrays (`withSeed`) share one schedule.
const schedules = new WeakMap<readonly Segment[], WeakMap<readonly Intervention[], Map<number, Schedule>>>();

function scheduleOf(plan: RunPlan): Schedule {
  let bySegments = schedules.get(plan.segments);
  if (bySegments === undefined) {
    bySegments = new WeakMap();
    schedules.set(plan.segments, bySegments);
  }
  let byTurns = bySegments.get(plan.interventions);
  if (byTurns === undefined) {
    byTurns = new Map();
    bySegments.set(plan.interventions, byTurns);
  }
  let schedule = byTurns.get(plan.turns);
  if (schedule === undefined) {
    const scenarios: Scenario[] = [];
    for (let turn = 0; turn <= plan.turns; turn += 1) scenarios.push(segmentAt(plan.segments, turn).scenario);
    const list = [...scenarioInterventions(plan.segments), ...plan.interventions];
    schedule = { scenarios, plans: planInterventions(list, plan.turns) };
    byTurns.set(plan.turns, schedule);
  }
  return schedule;
}

/** The segment that computes `turn`: the last one that starts before it. */
function segmentAt(segments: readonly Segment[], turn: number): Segment {
  // A plan always has its first segment, from turn 0.
  let found = segments[0]!;
  for (const segment of segments) if (segment.from < turn) found = segment;
  return found;
}

/**
 * The scenarios' own interventions over a run made of segments. A segment
 * applies its scenario's base interventions at their turns and its variant's
 * own interventions counted from the segment's start, each only within the
 * turns the segment covers.
 */
function scenarioInterventions(segments: readonly Segment[]): Intervention[] {
  return segments.flatMap(({ from, scenario }, i) => {
    const end = i + 1 < segments.length ? segments[i + 1]!.from : FOREVER;
    return [
      ...scenario.baseInterventions.flatMap((item) => within(item, 0, from, end)),
      ...scenario.variantInterventions.flatMap((item) => within(item, from, from, end)),
    ];
  });
}

/** An intervention moved `by` turns and kept to the turns after `from` up to `end`. */
function within(item: Intervention, by: number, from: number, end: number): Intervention[] {
  if (item.kind === 'block') {
    const start = Math.max(item.from + by, from + 1);
    const stop = Math.min(item.to >= FOREVER ? FOREVER : item.to + by, end);
    return start <= stop ? [{ ...item, from: start, to: stop }] : [];
  }
  const turn = item.turn + by;
  return turn > from && turn <= end ? [{ ...item, turn }] : [];
}

function checkTurn(plan: RunPlan, turn: number): void {
  if (!(Number.isInteger(turn) && turn >= 0 && turn <= plan.turns)) throw new RangeError(`turn ${turn} is outside the run's turns 0..${plan.turns}`);
}

/** The scenario that computes `turn` of a plan (turn 0: the first). */
export function scenarioAt(plan: RunPlan, turn: number): Scenario {
  checkTurn(plan, turn);
  return scheduleOf(plan).scenarios[turn]!;
}

/** Everything that acts on `turn` of a plan: the scenarios' interventions and the run's own. */
export function interventionsAt(plan: RunPlan, turn: number): InterventionPlan {
  checkTurn(plan, turn);
  return scheduleOf(plan).plans[turn]!;
}

/** A run that its caller advances one turn at a time, on one private frame. */
export interface Stepper {
  readonly plan: RunPlan;
  /** The working frame, changed in place by every step. */
  readonly frame: Frame;
  /**
   * Compute the next turn. With `explain`, the turn's decisions and fired
   * events (with why) are returned; without, nothing is allocated for them.
   */
  step(explain?: boolean): TurnOutcome;
  /** The scenario of the turn the frame holds (the last one computed). */
  scenario(): Scenario;
  /** The state the frame holds now, built as an immutable WorldState. */
  state(): WorldState;
}

const initialFrames = new WeakMap<Scenario, Frame>();

/** A new frame holding a scenario's initial state. */
function initialFrame(scenario: Scenario): Frame {
  let initial = initialFrames.get(scenario);
  if (initial === undefined) {
    initial = loadFrame(scenario.layout, scenario.initial);
    initialFrames.set(scenario, initial);
  }
  const frame = newFrame(scenario.layout);
  copyFrame(initial, frame);
  return frame;
}

/**
 * The one stepper of a plan: from the first scenario's initial state (or
 * from `from`, a state of the run), each step computes the next turn with
 * that turn's scenario and interventions. The per-turn tables are worked out
 * before the first step, so a step allocates nothing on the batch path.
 */
export function stepper(plan: RunPlan, from?: WorldState, seeds: SeedStates | null = null): Stepper {
  const { scenarios, plans } = scheduleOf(plan);
  // A schedule has a scenario for every turn from 0 to the plan's last.
  const first = scenarios[0]!;
  const frame = from === undefined ? initialFrame(first) : loadFrame(first.layout, from);
  const streams = new Streams(plan.seed, seeds);
  const last = plan.turns;
  return {
    plan,
    frame,
    step(explain = false) {
      const turn = frame.turn + 1;
      if (turn > last) throw new RangeError(`the run ends at turn ${last}`);
      return stepFrame(scenarios[turn]!, frame, streams, plans[turn]!, explain);
    },
    scenario: () => scenarios[frame.turn]!,
    state: () => stateOf(first.layout, frame),
  };
}
