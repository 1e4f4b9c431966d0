import type { Intervention, Scenario } from '../engine/types.js';

/**
 * A variant as it acts when a branch switches to it after `atTurn`.
 *
 * A variant's own steps are written for a run that starts with it ("force the
 * withdrawal announcement at turn 1"). A branch that switches to the variant in
 * month N would otherwise find those steps already in its past and get nothing
 * but the variant's parameters, so they move with the switch: turn 1 becomes
 * turn N + 1. The base scenario's interventions (the first `baseCount`) keep
 * their turns. At `atTurn` 0 the variant is returned unchanged.
 */
export function switchedVariant(variant: Scenario, baseCount: number, atTurn: number): Scenario {
  if (atTurn === 0) return variant;
  const base = variant.interventions.slice(0, baseCount);
  const own = variant.interventions.slice(baseCount).map((item) => shift(item, atTurn));
  return { ...variant, interventions: [...base, ...own] };
}

// Open-ended blocks stay open-ended: their end is past any horizon already.
function shift(item: Intervention, by: number): Intervention {
  if (item.kind === 'block') return { ...item, from: item.from + by, to: item.to >= 1e6 ? item.to : item.to + by };
  return { ...item, turn: item.turn + by };
}
