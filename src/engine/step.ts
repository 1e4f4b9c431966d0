import { enablePatches, produceWithPatches, type Patch } from 'immer';
import { decide } from './decide.js';
import { applyEffects, clamp, round, roundState } from './effects.js';
import type { InterventionPlan } from './interventions.js';
import type { Streams } from './random.js';
import type {
  Decision, EvalContext, Explanation, FiredEvent, MutableState, Rule, Scenario, WorldState,
} from './types.js';

enablePatches();

/** What one turn produced besides the new state. */
export interface TurnOutcome {
  readonly events: readonly FiredEvent[];
  readonly decisions: readonly Decision[];
}

export interface StepResult extends TurnOutcome {
  readonly state: WorldState;
  /** What changed this turn, as Immer patches against the previous state. */
  readonly patches: readonly Patch[];
}

/**
 * Advance the world by one turn (one month), immutably: the interactive path,
 * which keeps every state and the patches between them.
 */
export function step(
  scenario: Scenario,
  state: WorldState,
  streams: Streams,
  plan: InterventionPlan,
): StepResult {
  let outcome: TurnOutcome = { events: [], decisions: [] };
  const [next, patches] = produceWithPatches(state, (draft) => {
    outcome = advance(scenario, draft as MutableState, streams, plan, true);
  });
  return { state: next, patches, ...outcome };
}

/**
 * Advance a private, mutable working copy by one turn: the batch path. The
 * recipe is the same as `step`'s, so both paths give bit-identical states.
 */
export function stepInPlace(
  scenario: Scenario,
  working: MutableState,
  streams: Streams,
  plan: InterventionPlan,
  explain = false,
): TurnOutcome {
  return advance(scenario, working, streams, plan, explain);
}

interface Firing {
  readonly rule: Rule;
  readonly why: Explanation | null;
}

/**
 * The turn recipe: decisions, then rules, then slow dynamics, then rounding.
 * Decisions, conditions and chances all read the state as it was at the start
 * of the turn; only then do effects apply, in declared order.
 */
function advance(
  scenario: Scenario,
  draft: MutableState,
  streams: Streams,
  plan: InterventionPlan,
  explain: boolean,
): TurnOutcome {
  const turn = draft.turn + 1;
  const view = draft as WorldState;
  draft.turn = turn;

  for (const { path, value } of plan.sets) {
    const target = scenario.target(path);
    if (target === null) throw new RangeError(`cannot set unknown value "${path}"`);
    target.set(draft, clamp(value, target.min, target.max, path));
  }

  const before: EvalContext = { params: scenario.params, choices: view.actions, turn };
  const decisions = scenario.actors
    .filter((actor) => actor.actions.length > 0)
    .map((actor) => decide(actor, view, before, streams.draw(`decide:${actor.id}`, turn), plan.choices.get(actor.id)));
  const choices: Record<string, string> = {};
  for (const decision of decisions) choices[decision.actor] = decision.action;
  const ctx: EvalContext = { params: scenario.params, choices, turn };

  const due = new Map<string, string>();
  for (const entry of view.scheduled) {
    if (entry.turn <= turn && !due.has(entry.event)) due.set(entry.event, entry.by);
  }
  const firings: Firing[] = [];
  for (const rule of scenario.rules) {
    const roll = streams.draw(`rule:${rule.id}`, turn);
    const firing = evaluateRule(rule, view, ctx, roll, plan, due.get(rule.id), explain);
    if (firing !== null) firings.push(firing);
  }

  if (due.size > 0) draft.scheduled = draft.scheduled.filter((entry) => entry.turn > turn);
  draft.actions = choices;
  for (const decision of decisions) {
    const action = scenario.actors.find((actor) => actor.id === decision.actor)!.actions.find((a) => a.id === decision.action)!;
    applyEffects(draft, action.effects, ctx, `${decision.actor}: ${action.title}`);
  }
  const events: FiredEvent[] = [];
  for (const { rule, why } of firings) {
    applyEffects(draft, rule.effects, ctx, rule.title);
    const tally = draft.events[rule.id];
    draft.events[rule.id] = tally === undefined
      ? { first: turn, last: turn, count: 1 }
      : { first: tally.first, last: turn, count: tally.count + 1 };
    events.push({ id: rule.id, title: rule.title, narrative: rule.narrative, why: why ?? bareExplanation(rule) });
  }
  applyEffects(draft, scenario.dynamics, ctx, 'dynamics');
  roundState(draft);
  return { events, decisions };
}

function evaluateRule(
  rule: Rule,
  state: WorldState,
  ctx: EvalContext,
  roll: number,
  plan: InterventionPlan,
  scheduledBy: string | undefined,
  explain: boolean,
): Firing | null {
  if (plan.blocked.has(rule.id)) return null;
  const spent = rule.once && state.events[rule.id] !== undefined;
  if (spent) return null;
  if (plan.forced.has(rule.id)) {
    return { rule, why: explain ? { ...bareExplanation(rule), cause: 'forced' } : null };
  }
  if (scheduledBy !== undefined) {
    return { rule, why: explain ? { ...bareExplanation(rule), cause: 'scheduled', scheduledBy } : null };
  }
  if (rule.condition !== null && rule.condition.evaluate(state, ctx) === 0) return null;
  const chance = clamp(rule.chance.evaluate(state, ctx), 0, 1, `chance of ${rule.id}`);
  if (!(roll < chance)) return null;
  if (!explain) return { rule, why: null };
  return {
    rule,
    why: {
      cause: 'rule',
      condition: rule.condition === null
        ? null
        : { expr: rule.condition.source, value: true, inputs: rule.condition.inputs(state, ctx) },
      chance: {
        expr: rule.chance.source,
        working: rule.chance.explain(state, ctx),
        value: round(chance),
        inputs: rule.chance.inputs(state, ctx),
      },
      roll: round(roll),
      source: rule.source,
    },
  };
}

function bareExplanation(rule: Rule): Explanation {
  return { cause: 'rule', condition: null, chance: null, roll: null, source: rule.source };
}
