import { layoutOf } from '../batch/layout.js';
import { BatchTally } from '../batch/tally.js';
import { PairedTally, pairedLayoutOf } from '../batch/paired.js';
import { summarizeComparison, type Comparison } from '../batch/comparison.js';
import { scenarioInfo, summarizeTally, type TallySummary } from '../batch/summary.js';
import type { PairedRun, PairSide } from '../batch/pair.js';
import { inRun } from '../batch/runs.js';
import { sameFrame, stateOf, type Frame } from '../frame.js';
import type { History } from '../history.js';
import { planAt, planInterventions, segmentInterventions, type Segment } from '../interventions.js';
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

/** The counterfactual of a computed history, over `runs` paired runs. */
export function counterfactual(history: History, decisions: readonly PlayerDecision[], runs: number): Counterfactual {
  const turns = history.kept.length - 1;
  const { segments } = history;
  const first = segments[0].scenario;
  const injects = history.interventions.filter((item) => item.kind !== 'choose');
  const deviations = decisions.filter((item) => item.deviation);
  const playerArm: Intervention[] = [
    ...injects,
    ...deviations.map((item): Intervention => ({ kind: 'choose', actor: item.actor, action: item.action, turn: item.turn })),
  ];
  const paired = new PairedTally(pairedLayoutOf(first, first, turns));
  const policyTally = new BatchTally(layoutOf(first, turns));
  const playerTally = new BatchTally(layoutOf(first, turns));
  for (let index = 0; index < runs; index += 1) {
    const seed = deriveSeed(history.seed, index);
    const pair = inRun(index, seed, () => runArms(segments, { interventions: injects, tally: policyTally }, { interventions: playerArm, tally: playerTally }, seed, turns));
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

interface Arm {
  readonly interventions: readonly Intervention[];
  readonly tally: BatchTally;
}

/**
 * Both arms on one seed, turn by turn on the batch path, with the first turn
 * at which their states differ. Keyed random streams make the arms draw the
 * same numbers, so they differ only through the choices.
 */
function runArms(segments: readonly Segment[], base: Arm, variant: Arm, seed: number, turns: number): PairedRun {
  const plans = (arm: Arm) => planInterventions([...segmentInterventions(segments), ...arm.interventions], turns);
  const left = initialFrame(segments[0].scenario);
  const right = initialFrame(segments[0].scenario);
  const leftPlans = plans(base);
  const rightPlans = plans(variant);
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
