import type { Intervention } from './types.js';

/** The end of a block that has none: past any horizon. */
export const FOREVER = 1_000_000;

/** Interventions grouped for the turn they act on; built once per run plan. */
export interface InterventionPlan {
  readonly forced: ReadonlySet<string>;
  readonly blocked: ReadonlySet<string>;
  readonly sets: readonly { readonly path: string; readonly value: number }[];
  readonly choices: ReadonlyMap<string, string>;
}

const EMPTY: InterventionPlan = { forced: new Set(), blocked: new Set(), sets: [], choices: new Map() };

/** Index interventions by turn, for turns 0..turns. */
export function planInterventions(list: readonly Intervention[], turns: number): readonly InterventionPlan[] {
  const plans: InterventionPlan[] = [];
  for (let turn = 0; turn <= turns; turn += 1) {
    const here = list.filter((item) => appliesAt(item, turn));
    if (here.length === 0) {
      plans.push(EMPTY);
      continue;
    }
    plans.push({
      forced: new Set(here.flatMap((item) => (item.kind === 'force' ? [item.event] : []))),
      blocked: new Set(here.flatMap((item) => (item.kind === 'block' ? [item.event] : []))),
      sets: here.flatMap((item) => (item.kind === 'set' ? [{ path: item.path, value: item.value }] : [])),
      // A later choice for the same actor and turn replaces an earlier one.
      choices: new Map(here.flatMap((item) => (item.kind === 'choose' ? [[item.actor, item.action] as const] : []))),
    });
  }
  return plans;
}

function appliesAt(item: Intervention, turn: number): boolean {
  return item.kind === 'block' ? item.from <= turn && turn <= item.to : item.turn === turn;
}

/** A short human description, for timelines and branch lists. */
export function describeIntervention(item: Intervention): string {
  switch (item.kind) {
    case 'force':
      return `force ${item.event} at turn ${item.turn}`;
    case 'block':
      return item.from === item.to
        ? `block ${item.event} at turn ${item.from}`
        : `block ${item.event} from turn ${item.from}${item.to < FOREVER ? ` to ${item.to}` : ' on'}`;
    case 'set':
      return `set ${item.path} = ${item.value} at turn ${item.turn}`;
    case 'choose':
      return `${item.actor} chooses ${item.action} at turn ${item.turn}`;
  }
}
