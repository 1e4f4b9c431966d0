import { withUnit } from '../engine/format.js';
import { stripControl } from '../engine/text.js';
import type { Intervention, Scenario, WorldState } from '../engine/types.js';

/** The sections of the what-if menu that set a value or choose an action for the coming month. */
export type ValueSection =
  | 'Set an indicator next month'
  | 'Set an attribute next month'
  | 'Set cooperation next month'
  | 'Set a stance next month'
  | 'Set a salience next month'
  | 'Choose an actor\'s action next month';

/** How far a what-if moves a value, down or up from where it stands, as a share of its range. */
export const NUDGE = 0.2;

/** A what-if that forks with one intervention. */
export interface InterventionWhatIf {
  readonly section: ValueSection;
  readonly label: string;
  readonly intervention: Intervention;
}

/** A value a `set` intervention can write, as the menu offers it. */
interface Settable {
  readonly section: ValueSection;
  /** What the value is, such as `Insurgency` or `Niger on alignment`. */
  readonly name: string;
  readonly path: string;
  readonly now: number;
}

/** A value on its range's grid of hundredths (0.01 on [0, 1], 50 on [0, 5000]). */
function onGrid(value: number, low: number, high: number): number {
  const span = high - low;
  const steps = Math.round(((value - low) / span) * 100);
  return Number((low + (steps * span) / 100).toPrecision(12));
}

/**
 * The values a what-if sets a quantity to at the next turn: lower and higher
 * by NUDGE of its range (on the quantity's own scale), kept within the range,
 * leaving out what it already is.
 */
export function nudged(now: number, low: number, high: number): number[] {
  const step = NUDGE * (high - low);
  const current = onGrid(now, low, high);
  const values = [Math.max(low, now - step), Math.min(high, now + step)].map((value) => onGrid(value, low, high));
  return [...new Set(values)].filter((value) => value !== current && value >= low && value <= high);
}

/** Every value of the scenario a `set` intervention can write: indicators, attributes, cooperation, stances and saliences. */
function settables(scenario: Scenario, state: WorldState): Settable[] {
  const list: Settable[] = scenario.indicators.map((indicator) => ({
    section: 'Set an indicator next month',
    name: indicator.title,
    path: `ind.${indicator.id}`,
    now: state.indicators[indicator.id] ?? 0,
  }));
  for (const actor of scenario.actors) {
    for (const [name, now] of Object.entries(state.actors[actor.id]?.attrs ?? {})) {
      list.push({ section: 'Set an attribute next month', name: `${actor.name}, ${name}`, path: `attr.${actor.id}.${name}`, now });
    }
  }
  const actors = scenario.actors;
  actors.forEach((a, i) => actors.forEach((b, j) => {
    // A symmetric pair is one value: offer it once.
    if (i === j || (scenario.symmetricCooperation && j < i)) return;
    list.push({
      section: 'Set cooperation next month',
      // An arrow, not a word: actors' own names may hold "and" ("Mali and Burkina Faso").
      name: `${a.name} ${scenario.symmetricCooperation ? '↔' : '→'} ${b.name}`,
      path: `coop.${a.id}.${b.id}`,
      now: state.coop[a.id]?.[b.id] ?? 0,
    });
  }));
  for (const kind of ['stance', 'salience'] as const) {
    for (const actor of actors) {
      for (const issue of scenario.issues) {
        list.push({
          section: kind === 'stance' ? 'Set a stance next month' : 'Set a salience next month',
          name: `${actor.name} on ${issue}`,
          path: `${kind}.${actor.id}.${issue}`,
          now: state.actors[actor.id]?.[kind][issue] ?? 0,
        });
      }
    }
  }
  return list;
}

/**
 * Set each value a scenario file's `set` intervention can write (indicators,
 * attributes, cooperation, stances, saliences) lower or higher at the next
 * turn, by NUDGE of its range and within it, shown with its unit; and make
 * each actor take each of its actions at the next turn (`choose`). Flags and
 * parameters are not offered: no intervention of the format sets them.
 */
export function valueWhatIfs(scenario: Scenario, state: WorldState, next: number): InterventionWhatIf[] {
  const sets = settables(scenario, state).flatMap((item) => {
    const target = scenario.target(item.path);
    if (target === null) return [];
    const unit = scenario.units?.[item.path];
    const now = withUnit(onGrid(item.now, target.min, target.max), unit);
    return nudged(item.now, target.min, target.max).map((value): InterventionWhatIf => ({
      section: item.section,
      label: stripControl(`${item.name}: ${withUnit(value, unit)} (now ${now})`),
      intervention: { kind: 'set', path: item.path, value, turn: next },
    }));
  });
  const chooses = scenario.actors.flatMap((actor) => actor.actions.map((action): InterventionWhatIf => ({
    section: 'Choose an actor\'s action next month',
    label: stripControl(`${actor.name}: ${action.title}`),
    intervention: { kind: 'choose', actor: actor.id, action: action.id, turn: next },
  })));
  return [...sets, ...chooses];
}
