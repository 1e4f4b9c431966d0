import { formatNumber } from '../engine/format.js';
import { stripControl } from '../engine/text.js';
import type { Intervention, Scenario, WorldState } from '../engine/types.js';

/** The sections of the what-if menu that set a value or choose an action for the coming month. */
export type ValueSection = 'Set an indicator next month' | 'Choose an actor\'s action next month';

/** How far a what-if moves an indicator, down or up from where it stands. */
export const NUDGE = 0.2;

/** A what-if that forks with one intervention. */
export interface InterventionWhatIf {
  readonly section: ValueSection;
  readonly label: string;
  readonly intervention: Intervention;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Set each indicator lower or higher (by NUDGE, within [0, 1]) at the next
 * turn, and make each actor take each of its actions at the next turn: the
 * `set` and `choose` interventions a scenario file can write.
 */
export function valueWhatIfs(scenario: Scenario, state: WorldState, next: number): InterventionWhatIf[] {
  const sets = scenario.indicators.flatMap((indicator) => {
    const now = state.indicators[indicator.id] ?? 0;
    const values = [...new Set([round(Math.max(0, now - NUDGE)), round(Math.min(1, now + NUDGE))])].filter((value) => value !== round(now));
    return values.map((value): InterventionWhatIf => ({
      section: 'Set an indicator next month',
      label: stripControl(`${indicator.title}: ${formatNumber(value)} (now ${formatNumber(round(now))})`),
      intervention: { kind: 'set', path: `ind.${indicator.id}`, value, turn: next },
    }));
  });
  const chooses = scenario.actors.flatMap((actor) => actor.actions.map((action): InterventionWhatIf => ({
    section: 'Choose an actor\'s action next month',
    label: stripControl(`${actor.name}: ${action.title}`),
    intervention: { kind: 'choose', actor: actor.id, action: action.id, turn: next },
  })));
  return [...sets, ...chooses];
}
