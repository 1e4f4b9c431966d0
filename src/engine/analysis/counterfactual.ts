import { layoutOf } from '../batch/batch-layout.js';
import { BatchTally } from '../batch/tally.js';
import { PairedTally, pairedLayoutOf } from '../batch/paired.js';
import { summarizeComparison, type Comparison } from '../batch/comparison.js';
import { scenarioInfo, summarizeTally, type TallySummary } from '../batch/summary.js';
import { runPlans } from '../batch/pair.js';
import { inRun } from '../batch/runs.js';
import type { History } from '../history.js';
import { firstScenario, partsOf, planRun, withSeed } from '../plan.js';
import { deriveSeed } from '../random.js';
import type { Intervention } from '../types.js';
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

/** The counterfactual of a computed history, over `runs` paired runs. */
export function counterfactual(history: History, decisions: readonly PlayerDecision[], runs: number): Counterfactual {
  const turns = history.kept.length - 1;
  const first = firstScenario(history);
  const injects = history.interventions.filter((item) => item.kind !== 'choose');
  const deviations = decisions.filter((item) => item.deviation);
  const playerArm: Intervention[] = [
    ...injects,
    ...deviations.map((item): Intervention => ({ kind: 'choose', actor: item.actor, action: item.action, turn: item.turn })),
  ];
  // Both arms on the history's segments; keyed random streams make them draw
  // the same numbers, so they differ only through the choices.
  const arm = (interventions: readonly Intervention[]) => planRun(first, { ...partsOf(history), turns, interventions });
  const policyPlan = arm(injects);
  const playerPlan = arm(playerArm);
  const paired = new PairedTally(pairedLayoutOf(first, first, turns));
  const policyTally = new BatchTally(layoutOf(first, turns));
  const playerTally = new BatchTally(layoutOf(first, turns));
  for (let index = 0; index < runs; index += 1) {
    const seed = deriveSeed(history.seed, index);
    const pair = inRun(index, seed, () => runPlans(withSeed(policyPlan, seed), withSeed(playerPlan, seed), [policyTally, playerTally]));
    paired.addPair(pair);
  }
  const info = scenarioInfo(first);
  return {
    runs,
    seed: history.seed,
    deviations,
    comparison: summarizeComparison(history.seed, info, info, paired),
    player: summarizeTally(playerTally),
    policy: summarizeTally(policyTally),
  };
}
