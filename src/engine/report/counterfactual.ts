import { layoutOf } from '../batch/layout.js';
import { BatchTally, type TallyData } from '../batch/tally.js';
import { PairedTally, pairedLayoutOf, type PairedData } from '../batch/paired.js';
import { summarizeComparison, type Comparison } from '../batch/comparison.js';
import { scenarioInfo, summarizeTally, type TallySummary } from '../batch/summary.js';
import type { PairedRun, PairSide } from '../batch/pair.js';
import { inRun } from '../batch/runs.js';
import { sameFrame, stateOf, type Frame } from '../frame.js';
import type { History } from '../history.js';
import { planAt, planInterventions, segmentInterventions, type InterventionPlan, type Segment } from '../interventions.js';
import { outcomeAt } from '../outcome.js';
import { deriveSeed, Streams } from '../random.js';
import { firstFiredOf, initialFrame } from '../run.js';
import { stepFrame } from '../step.js';
import type { Intervention, Scenario } from '../types.js';
import { scenarioFor, type PlayerDecision } from './decisions.js';

/**
 * How the player's choices changed the distribution of outcomes: paired runs
 * on seeds derived from the record's, the player's deviations applied in one
 * arm and the policy deciding in the other, the same injects in both.
 */
export interface Counterfactual {
  readonly runs: number;
  /** The record's seed; run i is seeded deriveSeed(seed, i). */
  readonly seed: number;
  /** The choices applied in the player's arm: those where the player picked other than the policy. */
  readonly deviations: readonly PlayerDecision[];
  /** Paired differences, player's arm minus policy's arm (`base` is the policy's arm). */
  readonly comparison: Comparison;
  /** Each arm on its own: indicators by turn and outcome classes. */
  readonly player: TallySummary;
  readonly policy: TallySummary;
}

/**
 * What the paired runs of a counterfactual need, as plain data that can be
 * sent to another thread: which variant computes each stretch of the run,
 * the seed and horizon, and the interventions of each arm.
 */
export interface CounterfactualPlan {
  /** The run's segments by variant (the scenario's data is the same for all). */
  readonly segments: readonly { readonly from: number; readonly variant: string | null }[];
  readonly seed: number;
  readonly turns: number;
  /** The policy's arm: the run's injects, instructor's fires and holds. */
  readonly injects: readonly Intervention[];
  /** The player's arm: the same, and the player's deviations from the policy. */
  readonly playerArm: readonly Intervention[];
}

/** The plan of a computed history's counterfactual. */
export function counterfactualPlan(history: History, decisions: readonly PlayerDecision[]): CounterfactualPlan {
  const injects = history.interventions.filter((item) => item.kind !== 'choose');
  return {
    segments: history.segments.map(({ from, scenario }) => ({ from, variant: scenario.variant })),
    seed: history.seed,
    turns: history.kept.length - 1,
    injects,
    playerArm: [
      ...injects,
      ...decisions.filter((item) => item.deviation).map((item): Intervention => ({ kind: 'choose', actor: item.actor, action: item.action, turn: item.turn })),
    ],
  };
}

/** The raw counts of a counterfactual's paired runs, cheap to send between threads. */
export interface CounterfactualData {
  readonly paired: PairedData;
  readonly policy: TallyData;
  readonly player: TallyData;
}

/**
 * The paired runs of a counterfactual, counted: run i is seeded
 * deriveSeed(seed, i) and every count is an exact integer, so any split of
 * the runs over threads gives the same counts.
 */
export class CounterfactualTally {
  private readonly segments: readonly Segment[];
  private readonly paired: PairedTally;
  private readonly policy: BatchTally;
  private readonly player: BatchTally;
  // Both arms' interventions by turn, planned once for all runs: a record may hold 100,000.
  private readonly policyPlans: readonly InterventionPlan[];
  private readonly playerPlans: readonly InterventionPlan[];

  /** `scenarioOf` gives the compiled scenario of each segment's variant. */
  constructor(readonly plan: CounterfactualPlan, scenarioOf: (variant: string | null) => Scenario) {
    this.segments = plan.segments.map(({ from, variant }) => ({ from, scenario: scenarioOf(variant) }));
    const first = this.segments[0].scenario;
    this.paired = new PairedTally(pairedLayoutOf(first, first, plan.turns));
    this.policy = new BatchTally(layoutOf(first, plan.turns));
    this.player = new BatchTally(layoutOf(first, plan.turns));
    const own = segmentInterventions(this.segments);
    this.policyPlans = planInterventions([...own, ...plan.injects], plan.turns);
    this.playerPlans = planInterventions([...own, ...plan.playerArm], plan.turns);
  }

  /** Run the paired runs `from` to `to` (exclusive) and count them. */
  run(from: number, to: number): void {
    for (let index = from; index < to; index += 1) {
      const seed = deriveSeed(this.plan.seed, index);
      this.paired.addPair(inRun(index, seed, () => this.runArms(seed)));
    }
  }

  /** The counts so far. */
  data(): CounterfactualData {
    return { paired: this.paired.data(), policy: this.policy.data(), player: this.player.data() };
  }

  /** Add another thread's counts (of the same plan). */
  add(other: CounterfactualData): void {
    this.paired.add(other.paired);
    this.policy.add(other.policy);
    this.player.add(other.player);
  }

  /** The counterfactual the counts give; `deviations` are the choices applied in the player's arm. */
  summary(deviations: readonly PlayerDecision[]): Counterfactual {
    const info = scenarioInfo(this.segments[0].scenario);
    return {
      runs: this.paired.runs,
      seed: this.plan.seed,
      deviations,
      comparison: summarizeComparison(this.plan.seed, info, info, this.paired),
      player: summarizeTally(this.player),
      policy: summarizeTally(this.policy),
    };
  }

  private runArms(seed: number): PairedRun {
    return runArms(this.segments, { plans: this.policyPlans, tally: this.policy }, { plans: this.playerPlans, tally: this.player }, seed, this.plan.turns);
  }
}

/** The counterfactual of a computed history, over `runs` paired runs, in this thread. */
export function counterfactual(history: History, decisions: readonly PlayerDecision[], runs: number): Counterfactual {
  const byVariant = new Map(history.segments.map(({ scenario }) => [scenario.variant, scenario]));
  const tally = new CounterfactualTally(counterfactualPlan(history, decisions), (variant) => byVariant.get(variant)!);
  tally.run(0, runs);
  return tally.summary(decisions.filter((item) => item.deviation));
}

interface Arm {
  readonly plans: readonly InterventionPlan[];
  readonly tally: BatchTally;
}

/**
 * Both arms on one seed, turn by turn on the batch path, with the first turn
 * at which their states differ. Keyed random streams make the arms draw the
 * same numbers, so they differ only through the choices.
 */
function runArms(segments: readonly Segment[], base: Arm, variant: Arm, seed: number, turns: number): PairedRun {
  const left = initialFrame(segments[0].scenario);
  const right = initialFrame(segments[0].scenario);
  const leftPlans = base.plans;
  const rightPlans = variant.plans;
  const leftStreams = new Streams(seed);
  const rightStreams = new Streams(seed);
  base.tally.observe(left);
  variant.tally.observe(right);
  let divergedAt: number | null = null;
  for (let turn = 1; turn <= turns; turn += 1) {
    const scenario = scenarioFor(segments, turn);
    stepFrame(scenario, left, leftStreams, planAt(leftPlans, turn));
    stepFrame(scenario, right, rightStreams, planAt(rightPlans, turn));
    base.tally.observe(left);
    variant.tally.observe(right);
    if (divergedAt === null && !sameFrame(left, right)) divergedAt = turn;
  }
  const last = scenarioFor(segments, turns);
  return { base: finish(last, left, base.tally), variant: finish(last, right, variant.tally), divergedAt };
}

function finish(scenario: Scenario, frame: Frame, tally: BatchTally): PairSide {
  const state = stateOf(scenario.layout, frame);
  const outcome = outcomeAt(scenario, frame);
  tally.finish(frame, outcome);
  return { state, firstFired: firstFiredOf(state), outcome };
}
