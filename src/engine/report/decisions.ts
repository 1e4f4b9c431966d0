import type { History } from '../history.js';
import { planAt, planInterventions, segmentInterventions, type InterventionPlan, type Segment } from '../interventions.js';
import { loadFrame } from '../frame.js';
import { Streams } from '../random.js';
import { stepFrame } from '../step.js';
import type { Decision, Intervention, Scenario } from '../types.js';

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

/** The scenario that computes `turn` of a run made of segments (the last segment that starts before it). */
export function scenarioFor(segments: readonly Segment[], turn: number): Scenario {
  let scenario = segments[0].scenario;
  for (const segment of segments) if (segment.from < turn) scenario = segment.scenario;
  return scenario;
}

/** The scenario that computed `turn` of a history. */
export function scenarioAt(history: History, turn: number): Scenario {
  return scenarioFor(history.segments, turn);
}

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
 * `plans` are the history's interventions by turn (see `historyPlans`).
 */
export function policyDecision(history: History, turn: number, actor: string, plans: readonly InterventionPlan[] = historyPlans(history)): Decision {
  const planned = planAt(plans, turn);
  const choices = new Map(planned.choices);
  choices.delete(actor);
  const scenario = scenarioAt(history, turn);
  const frame = loadFrame(scenario.layout, history.kept[turn - 1].state);
  const { decisions } = stepFrame(scenario, frame, new Streams(history.seed), { ...planned, choices }, true);
  const decision = decisions.find((item) => item.actor === actor);
  if (decision === undefined) throw new RangeError(`${actor} makes no decisions in this scenario`);
  return decision;
}

/** A history's interventions (its scenarios' and its own) by turn. */
export function historyPlans(history: History): readonly InterventionPlan[] {
  return planInterventions([...segmentInterventions(history.segments), ...history.interventions], history.kept.length - 1);
}

/** Every choice of a computed history, with the policy's pick beside it. */
export function playerDecisions(history: History): PlayerDecision[] {
  // Planned once for every choice: a record may hold 100,000 interventions.
  const plans = historyPlans(history);
  return choicesOf(history).map((choice) => {
    const taken = history.kept[choice.turn].decisions.find((item) => item.actor === choice.actor);
    const policy = policyDecision(history, choice.turn, choice.actor, plans);
    return {
      turn: choice.turn,
      actor: choice.actor,
      action: choice.action,
      probability: taken?.probability ?? 0,
      policyAction: policy.action,
      policyProbability: policy.probability,
      deviation: policy.action !== choice.action,
    };
  });
}
