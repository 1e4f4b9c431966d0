import { layoutOf } from '../batch/batch-layout.js';
import { BatchTally, type TallyData } from '../batch/tally.js';
import { PairedTally, pairedLayoutOf, type PairedData } from '../batch/paired.js';
import { summarizeComparison, type Comparison } from '../batch/comparison.js';
import { scenarioInfo, summarizeTally, type TallySummary } from '../batch/summary.js';
import { runPlans } from '../batch/pair.js';
import { inRun } from '../batch/runs.js';
import type { History } from '../history.js';
import { planRun, withSeed, type RunPlan } from '../plan.js';
import { deriveSeed } from '../random.js';
import type { Intervention, Scenario } from '../types.js';
import type { PlayerDecision } from './decisions.js';

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
  private readonly first: Scenario;
  private readonly paired: PairedTally;
  private readonly policy: BatchTally;
  private readonly player: BatchTally;
  // Both arms as run plans on the history's segments. Each run is the arm on
  // another seed (withSeed), which shares the per-turn tables: the
  // interventions are planned once for all runs, and a record may hold 100,000.
  private readonly policyPlan: RunPlan;
  private readonly playerPlan: RunPlan;

  /** `scenarioOf` gives the compiled scenario of each segment's variant. */
  constructor(readonly plan: CounterfactualPlan, scenarioOf: (variant: string | null) => Scenario) {
    const [first, ...rest] = plan.segments.map(({ from, variant }) => ({ from, scenario: scenarioOf(variant) }));
    this.first = first!.scenario;
    this.paired = new PairedTally(pairedLayoutOf(this.first, this.first, plan.turns));
    this.policy = new BatchTally(layoutOf(this.first, plan.turns));
    this.player = new BatchTally(layoutOf(this.first, plan.turns));
    const switches = rest.map(({ from, scenario }) => ({ turn: from, scenario }));
    const arm = (interventions: readonly Intervention[]) => planRun(this.first, { seed: plan.seed, turns: plan.turns, interventions, switches });
    this.policyPlan = arm(plan.injects);
    this.playerPlan = arm(plan.playerArm);
  }

  /** Run the paired runs `from` to `to` (exclusive) and count them. */
  run(from: number, to: number): void {
    for (let index = from; index < to; index += 1) {
      const seed = deriveSeed(this.plan.seed, index);
      // Keyed random streams make the arms draw the same numbers, so they differ only through the choices.
      this.paired.addPair(inRun(index, seed, () => runPlans(withSeed(this.policyPlan, seed), withSeed(this.playerPlan, seed), [this.policy, this.player])));
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
    const info = scenarioInfo(this.first);
    return {
      runs: this.paired.runs,
      seed: this.plan.seed,
      deviations,
      comparison: summarizeComparison(this.plan.seed, info, info, this.paired),
      player: summarizeTally(this.player),
      policy: summarizeTally(this.policy),
    };
  }
}

/** The counterfactual of a computed history, over `runs` paired runs, in this thread. */
export function counterfactual(history: History, decisions: readonly PlayerDecision[], runs: number): Counterfactual {
  const byVariant = new Map(history.segments.map(({ scenario }) => [scenario.variant, scenario]));
  const tally = new CounterfactualTally(counterfactualPlan(history, decisions), (variant) => byVariant.get(variant)!);
  tally.run(0, runs);
  return tally.summary(decisions.filter((item) => item.deviation));
}
