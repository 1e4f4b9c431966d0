import type { History } from '../history.js';
import { loadFrame } from '../frame.js';
import { interventionsAt, scenarioAt } from '../plan.js';
import { Streams } from '../random.js';
import { stepFrame } from '../step.js';
import type { Decision, Intervention } from '../types.js';

/** A person's choice for an actor at a turn, beside what the actor's policy picked there. */
export interface PlayerDecision {
  readonly turn: number;
  readonly actor: string;
  /** The action the person chose. */
  readonly action: string;
  /** The policy's probability of that action, in the state the choice was made in. */
  readonly probability: number;
  /** The action the policy picked with the same random draw in the same state. */
  readonly policyAction: string;
  readonly policyProbability: number;
  /** The person chose something else than the policy did. */
  readonly deviation: boolean;
}

type Choice = Extract<Intervention, { kind: 'choose' }>;

/** The run's own choices up to the last kept turn, one per actor and turn (a later one replaces an earlier). */
export function choicesOf(history: History): Choice[] {
  const last = history.kept.length - 1;
  const byKey = new Map<string, Choice>();
  for (const item of history.interventions) {
    if (item.kind === 'choose' && item.turn >= 1 && item.turn <= last) byKey.set(`${item.turn}\u0000${item.actor}`, item);
  }
  return [...byKey.values()].sort((a, b) => a.turn - b.turn);
}

/**
 * What the actor's policy decides at `turn` of a history: the same turn
 * computed again from the kept state before it, with every intervention but
 * that actor's choice. The decision roll is the one the choice was made with.
 */
export function policyDecision(history: History, turn: number, actor: string): Decision {
  // The history's per-turn table of interventions is worked out once per plan
  // (a record may hold 100,000), so this turn's is looked up, not planned again.
  const planned = interventionsAt(history, turn);
  const choices = new Map(planned.choices);
  choices.delete(actor);
  const scenario = scenarioAt(history, turn);
  const frame = loadFrame(scenario.layout, history.kept[turn - 1]!.state);
  const { decisions } = stepFrame(scenario, frame, new Streams(history.seed), { ...planned, choices }, true);
  return decisionOf(decisions, actor);
}

function decisionOf(decisions: readonly Decision[], actor: string): Decision {
  const decision = decisions.find((item) => item.actor === actor);
  if (decision === undefined) throw new RangeError(`${actor} makes no decisions in this scenario`);
  return decision;
}

/** Every choice of a computed history, with the policy's pick beside it. */
export function playerDecisions(history: History): PlayerDecision[] {
  return choicesOf(history).map((choice) => {
    const taken = decisionOf(history.kept[choice.turn]!.decisions, choice.actor);
    const policy = policyDecision(history, choice.turn, choice.actor);
    return {
      turn: choice.turn,
      actor: choice.actor,
      action: choice.action,
      probability: taken.probability,
      policyAction: policy.action,
      policyProbability: policy.probability,
      deviation: policy.action !== choice.action,
    };
  });
}
