import type { Intervention, Scenario } from './types.js';

/** The end of a block that has none: past any horizon. */
export const FOREVER = 1_000_000;

/** A stretch of a run computed with one scenario, from the turn after `from`. */
export interface Segment {
  readonly from: number;
  readonly scenario: Scenario;
}

/**
 * The scenarios' own interventions over a run made of segments. A segment
 * applies its scenario's base interventions at their turns and its variant's
 * own interventions counted from the segment's start, each only within the
 * turns the segment covers.
 */
export function segmentInterventions(segments: readonly Segment[]): Intervention[] {
  return segments.flatMap(({ from, scenario }, i) => {
    const end = i + 1 < segments.length ? segments[i + 1].from : FOREVER;
    const own = scenario.variantInterventions.length;
    const base = scenario.interventions.slice(0, scenario.interventions.length - own);
    return [
      ...base.flatMap((item) => within(item, 0, from, end)),
      ...scenario.variantInterventions.flatMap((item) => within(item, from, from, end)),
    ];
  });
}

/** An intervention moved `by` turns and kept to the turns after `from` up to `end`. */
function within(item: Intervention, by: number, from: number, end: number): Intervention[] {
  if (item.kind === 'block') {
    const start = Math.max(item.from + by, from + 1);
    const stop = Math.min(item.to >= FOREVER ? FOREVER : item.to + by, end);
    return start <= stop ? [{ ...item, from: start, to: stop }] : [];
  }
  const turn = item.turn + by;
  return turn > from && turn <= end ? [{ ...item, turn }] : [];
}

/** Interventions grouped for the turn they act on; built once per run. */
export interface InterventionPlan {
  readonly forced: ReadonlySet<string>;
  readonly blocked: ReadonlySet<string>;
  readonly sets: readonly { readonly path: string; readonly value: number }[];
  readonly choices: ReadonlyMap<string, string>;
}

const EMPTY: InterventionPlan = { forced: new Set(), blocked: new Set(), sets: [], choices: new Map() };

/** Index interventions by turn, for turns 1..turns. */
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

/** The plan for a turn past the end of a precomputed list (branches that run longer). */
export function planAt(plans: readonly InterventionPlan[], turn: number): InterventionPlan {
  return plans[turn] ?? EMPTY;
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
