import { enablePatches, produceWithPatches, type Patch } from 'immer';
import { decide } from './decide.js';
import { atTurn, SimulationError } from './errors.js';
import { applyEffects, clamp, round, write } from './effects.js';
import type { InterventionPlan } from './interventions.js';
import { drawAt, shortKey, type Streams } from './random.js';
import { cloneState, syncState } from './state.js';
import type {
  Action, ActorDef, Decision, EvalContext, Explanation, FiredEvent, MutableState, Rule, Scenario, WorldState,
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
 *
 * The turn is computed on a private working copy by the very recipe the batch
 * path runs (so both give bit-identical states by construction, and the
 * recipe reads plain objects instead of Immer proxies); the result is then
 * written into an Immer draft value by value, which gives the new immutable
 * state with structural sharing and one patch per changed value.
 */
export function step(
  scenario: Scenario,
  state: WorldState,
  streams: Streams,
  plan: InterventionPlan,
): StepResult {
  const working = cloneState(state);
  const outcome = stepInPlace(scenario, working, streams, plan, true);
  const [next, patches] = produceWithPatches(state, (draft) => {
    syncState(draft as MutableState, state, working);
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
  const turn = working.turn + 1;
  try {
    return advance(scenario, working, streams, plan, explain);
  } catch (error) {
    throw atTurn(error, turn);
  }
}

interface Firing {
  readonly rule: Rule;
  readonly why: Explanation | null;
}

/**
 * The turn recipe: decisions, then rules, then slow dynamics. Every write is
 * clamped and rounded where it happens (see `write`).
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
  const { deciders, rules, keys } = prepare(scenario);
  // One stream per decider, then one per rule, in the prepared order.
  const slots = streams.streamsOf(keys);
  const turn = draft.turn + 1;
  const view = draft as WorldState;
  draft.turn = turn;

  for (const { path, value } of plan.sets) {
    const target = scenario.target(path);
    if (target === null) throw new SimulationError(`cannot set unknown value "${path}"`);
    write(draft, target, value);
  }

  const before: EvalContext = { params: scenario.params, choices: view.actions, turn };
  const decisions: Decision[] = [];
  const chosen: PreparedAction[] = [];
  const choices: Record<string, string> = {};
  for (let i = 0; i < deciders.length; i += 1) {
    const { actor, actions } = deciders[i];
    const decision = decide(actor, view, before, drawAt(slots[i], turn), plan.choices.get(actor.id));
    decisions.push(decision);
    chosen.push(actions.get(decision.action)!);
    choices[actor.id] = decision.action;
  }
  const ctx: EvalContext = { params: scenario.params, choices, turn };

  let due: Map<string, string> | null = null;
  if (view.scheduled.length > 0) {
    due = new Map();
    for (const entry of view.scheduled) {
      if (entry.turn <= turn && !due.has(entry.event)) due.set(entry.event, entry.by);
    }
  }
  const firings: Firing[] = [];
  for (let i = 0; i < rules.length; i += 1) {
    const rule = rules[i];
    const roll = drawAt(slots[deciders.length + i], turn);
    const firing = evaluateRule(rule, view, ctx, roll, plan, due?.get(rule.id), explain);
    if (firing !== null) firings.push(firing);
  }

  if (due !== null && due.size > 0) draft.scheduled = draft.scheduled.filter((entry) => entry.turn > turn);
  draft.actions = choices;
  for (const { action, by } of chosen) {
    if (action.effects.length > 0) applyEffects(draft, action.effects, ctx, by);
  }
  const events: FiredEvent[] = [];
  for (const { rule, why } of firings) {
    applyEffects(draft, rule.effects, ctx, rule.title);
    const tally = draft.events[rule.id];
    if (tally === undefined) {
      draft.events[rule.id] = { first: turn, last: turn, count: 1 };
    } else {
      tally.last = turn;
      tally.count += 1;
    }
    events.push({ id: rule.id, title: rule.title, narrative: rule.narrative, why: why ?? bareExplanation(rule) });
  }
  applyEffects(draft, scenario.dynamics, ctx, 'dynamics');
  return { events, decisions };
}

/** An action with the label that names it as the cause of what it schedules. */
interface PreparedAction {
  readonly action: Action;
  readonly by: string;
}

/** What a scenario's turns need besides the scenario, worked out once per scenario. */
interface Prepared {
  readonly deciders: readonly { readonly actor: ActorDef; readonly actions: ReadonlyMap<string, PreparedAction> }[];
  readonly rules: readonly Rule[];
  /** Stream keys: the deciders' (`decide:<actor>`), then the rules' (`rule:<id>`). */
  readonly keys: readonly string[];
}

const preparedScenarios = new WeakMap<Scenario, Prepared>();

function prepare(scenario: Scenario): Prepared {
  let prepared = preparedScenarios.get(scenario);
  if (prepared === undefined) {
    checkStreamKeys(scenario);
    const deciders = scenario.actors
      .filter((actor) => actor.actions.length > 0)
      .map((actor) => ({
        actor,
        actions: new Map(actor.actions.map((action) => [action.id, { action, by: `${actor.id}: ${action.title}` }])),
      }));
    prepared = {
      deciders,
      rules: scenario.rules,
      keys: [...deciders.map(({ actor }) => `decide:${actor.id}`), ...scenario.rules.map((rule) => `rule:${rule.id}`)],
    };
    preparedScenarios.set(scenario, prepared);
  }
  return prepared;
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
  const chance = clamp(rule.chance.evaluate(state, ctx), 0, 1, () => `chance of ${rule.id}`);
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

/** Two ids whose stream keys shorten to the same string would share random numbers; refuse them. */
function checkStreamKeys(scenario: Scenario): void {
  const seen = new Map<string, string>();
  const keys = [...scenario.actors.map((actor) => `decide:${actor.id}`), ...scenario.rules.map((rule) => `rule:${rule.id}`)];
  for (const key of keys) {
    const other = seen.get(shortKey(key));
    if (other !== undefined && other !== key) {
      throw new SimulationError(`${key} and ${other} would share a random stream; rename one of them`);
    }
    seen.set(shortKey(key), key);
  }
}

const bareExplanations = new WeakMap<Rule, Explanation>();

/** The explanation of an event fired without one being asked for (batch runs): shared, read-only. */
function bareExplanation(rule: Rule): Explanation {
  let bare = bareExplanations.get(rule);
  if (bare === undefined) {
    bare = Object.freeze({ cause: 'rule', condition: null, chance: null, roll: null, source: rule.source });
    bareExplanations.set(rule, bare);
  }
  return bare;
}
