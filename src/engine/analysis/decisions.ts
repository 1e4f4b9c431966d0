import type { History } from '../history.js';
import { firstScenario, partsOf, planRun, stepper } from '../plan.js';
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
  const interventions = history.interventions.filter((item) => !(item.kind === 'choose' && item.turn === turn && item.actor === actor));
  const plan = planRun(firstScenario(history), { ...partsOf(history), interventions });
  const { decisions } = stepper(plan, history.kept[turn - 1].state).step(true);
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
    const taken = decisionOf(history.kept[choice.turn].decisions, choice.actor);
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
