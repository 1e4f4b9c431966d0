import { round } from './effects.js';
import { frameWith } from './frame-cache.js';
import type { Frame } from './frame.js';
import type { EvalContext, Scenario, WorldState } from './types.js';

/** The named metrics and the outcome class of a final state. */
export interface Outcome {
  readonly metrics: Readonly<Record<string, number>>;
  readonly class: string;
  readonly title: string;
}

/** Measure a (final) state: every metric, and the first outcome class that matches. */
export function outcomeOf(scenario: Scenario, state: WorldState): Outcome {
  const ctx: EvalContext = { choices: state.actions, turn: state.turn };
  return outcomeAt(scenario, frameWith(scenario.layout, state, ctx));
}

/** `outcomeOf` the state a frame holds (the batch path's final states). */
export function outcomeAt(scenario: Scenario, frame: Frame): Outcome {
  const metrics: Record<string, number> = {};
  for (const metric of scenario.metrics) metrics[metric.id] = round(metric.value.at(frame));
  const match = scenario.outcomes.find((item) => item.when === null || item.when.at(frame) !== 0);
  // The compiler guarantees a final catch-all class, so a match always exists.
  return { metrics, class: match!.id, title: match!.title };
}

/** An actor's posture label, derived from the state (never stored). */
export function postureOf(scenario: Scenario, actorId: string, state: WorldState): string {
  const actor = scenario.actors.find((item) => item.id === actorId);
  if (actor === undefined) return '';
  const ctx: EvalContext = { choices: state.actions, turn: state.turn };
  const match = actor.postures.find((item) => item.when === null || item.when.evaluate(state, ctx) !== 0);
  return match?.label ?? '';
}
