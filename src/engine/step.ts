import { produce } from 'immer';
import { chosenIndex, isGated, pick, pickAvailable, probabilitiesAt } from './decide.js';
import { atTurn, SimulationError } from './errors.js';
import { applyEffects, clamp, round, write } from './effects.js';
import { loadFrame, type Frame } from './frame.js';
import { changedParts } from './frame-state.js';
import { updateTracks } from './tracks.js';
import type { InterventionPlan } from './interventions.js';
import { drawAt, shortKey, type Stream, type Streams } from './random.js';
import type { ActorDef, Decision, Explanation, FiredEvent, Rule, Scenario, TurnChanges, WorldState } from './types.js';

/** What one turn produced besides the new state. */
export interface TurnOutcome {
  readonly events: readonly FiredEvent[];
  readonly decisions: readonly Decision[];
}

export interface StepResult extends TurnOutcome {
  readonly state: WorldState;
  /** What changed this turn: every number, flag, event tally and choice, with the numbers before and after. */
  readonly changes: TurnChanges;
}

/**
 * Advance the world by one turn (one month), immutably: the interactive path,
 * which keeps every state.
 *
 * The turn is computed on a frame loaded from `state`, by the very recipe the
 * batch path runs, so both give bit-identical states by construction. The
 * comparison of the frame with `state` builds anew, frozen, only the records
 * whose numbers changed (everything else is `state`'s own), and lists what
 * changed. Immer's `produce` then makes the new root from `state` with those
 * parts in place, frozen like every state it produces.
 */
export function step(
  scenario: Scenario,
  state: WorldState,
  streams: Streams,
  plan: InterventionPlan,
): StepResult {
  const frame = loadFrame(scenario.layout, state);
  const outcome = stepFrame(scenario, frame, streams, plan, true);
  const { parts, changes } = changedParts(scenario.layout, frame, state);
  const next = produce(state, (draft) => {
    Object.assign(draft, parts);
  });
  return { state: next, changes, ...outcome };
}

const NOTHING_KEPT: TurnOutcome = Object.freeze({ events: Object.freeze([]), decisions: Object.freeze([]) });

/**
 * Advance a frame by one turn, in place: the recipe of both paths. With
 * `keep`, the turn's decisions and fired events (with why each fired) are
 * returned; without, nothing is allocated for them (the batch path).
 */
export function stepFrame(
  scenario: Scenario,
  frame: Frame,
  streams: Streams,
  plan: InterventionPlan,
  keep = false,
): TurnOutcome {
  const turn = frame.turn + 1;
  try {
    return advance(scenario, frame, streams, plan, keep);
  } catch (error) {
    throw atTurn(error, turn);
  }
}

/**
 * The turn recipe: decisions, then rules, then slow dynamics. Every write is
 * clamped and rounded where it happens (see `write`).
 * Decisions, conditions and chances all read the state as it was at the start
 * of the turn; only then do effects apply, in declared order.
 */
function advance(scenario: Scenario, frame: Frame, streams: Streams, plan: InterventionPlan, keep: boolean): TurnOutcome {
  const prepared = prepare(scenario);
  const { deciders, rules, picks, fired } = prepared;
  // One stream per decider, then one per rule, in the prepared order.
  const slots = streams.streamsOf(prepared.keys);
  const turn = frame.turn + 1;
  frame.turn = turn;
  if (prepared.randomKeys.length > 0) frame.random = streams.streamsFor(prepared.randomKeys);

  for (const { path, value } of plan.sets) {
    const target = scenario.target(path);
    if (target === null) throw new SimulationError(`cannot set unknown value "${path}"`);
    write(frame, target, value);
  }

  // Decisions see the previous turn's choices; everything after sees this turn's.
  const decisions: Decision[] | null = keep ? [] : null;
  for (let i = 0; i < deciders.length; i += 1) {
    const { actor, scratch, open } = deciders[i]!;
    const roll = drawAt(slots[i]!, turn);
    const probabilities = probabilitiesAt(actor, frame, scratch, open);
    const chosen = plan.choices.size === 0 ? undefined : plan.choices.get(actor.id);
    // A `choose` intervention (a person's choice) is taken as given, as `force` is for a rule.
    const index = chosen !== undefined ? chosenIndex(actor, chosen) : open === null ? pick(probabilities, roll) : pickAvailable(probabilities, roll);
    picks[i] = index;
    decisions?.push({
      actor: actor.id,
      action: actor.actions[index]!.id,
      by: chosen === undefined ? 'policy' : 'chosen',
      probability: round(probabilities[index]!),
      roll,
    });
  }
  for (let i = 0; i < deciders.length; i += 1) frame.chosen[deciders[i]!.index] = picks[i]!;

  let due: Map<string, string> | null = null;
  if (frame.scheduled.length > 0) {
    due = new Map();
    for (const entry of frame.scheduled) {
      if (entry.turn <= turn && !due.has(entry.event)) due.set(entry.event, entry.by);
    }
  }
  const whys: Explanation[] | null = keep ? [] : null;
  let firings = 0;
  for (let i = 0; i < rules.length; i += 1) {
    const why = evaluateRule(rules[i]!, i, frame, slots[deciders.length + i]!, plan, due?.get(rules[i]!.id), keep);
    if (why === null) continue;
    fired[firings] = i;
    firings += 1;
    whys?.push(why);
  }

  if (due !== null && due.size > 0) frame.scheduled = frame.scheduled.filter((entry) => entry.turn > turn);
  for (let i = 0; i < deciders.length; i += 1) {
    const { actor, labels } = deciders[i]!;
    const action = actor.actions[picks[i]!]!;
    if (action.effects.length > 0) applyEffects(frame, action.effects, labels[picks[i]!]!);
  }
  const events: FiredEvent[] | null = keep ? [] : null;
  for (let f = 0; f < firings; f += 1) {
    const index = fired[f]!;
    const rule = rules[index]!;
    applyEffects(frame, rule.effects, rule.title);
    if (frame.count[index] === 0) frame.first[index] = turn;
    frame.last[index] = turn;
    frame.count[index]! += 1;
    // A narrative's values are those its event led to: read after its own effects.
    events?.push({ id: rule.id, title: rule.title, narrative: rule.narrativeAt?.(frame) ?? rule.narrative, why: whys![f]! });
  }
  applyEffects(frame, scenario.dynamics, 'dynamics');
  if (scenario.tracks !== undefined) updateTracks(scenario.tracks, frame);
  return keep ? { events: events!, decisions: decisions! } : NOTHING_KEPT;
}

/**
 * What a scenario's turns need besides the scenario, worked out once per
 * scenario and shared by every run of it. The buffers (`scratch`, `picks`,
 * `fired`) are working room of one turn: `advance` fills and reads them
 * synchronously and nothing in them outlives the turn, so any number of runs
 * may step the same scenario interleaved turn by turn (worker threads each
 * have their own). They are not safe for a turn that awaits or re-enters
 * `advance` part way through: keep the turn synchronous.
 */
interface Prepared {
  readonly deciders: readonly {
    readonly actor: ActorDef;
    /** The actor's index in the frame's choices. */
    readonly index: number;
    /** Room for the actor's action probabilities. */
    readonly scratch: Float64Array;
    /** Room to mark its available actions, when any action has a condition; else null. */
    readonly open: Uint8Array | null;
    /** Each action's label as the cause of what it schedules. */
    readonly labels: readonly string[];
  }[];
  readonly rules: readonly Rule[];
  /** Stream keys: the deciders' (`decide:<actor>`), then the rules' (`rule:<id>`). */
  readonly keys: readonly string[];
  /** The stream keys of the random quantities of effects (`Scenario.randomKeys`). */
  readonly randomKeys: readonly string[];
  /** Room for a turn's picks (by decider) and fired rules (by index). */
  readonly picks: Int32Array;
  readonly fired: Int32Array;
}

const preparedScenarios = new WeakMap<Scenario, Prepared>();

function prepare(scenario: Scenario): Prepared {
  let prepared = preparedScenarios.get(scenario);
  if (prepared === undefined) {
    checkStreamKeys(scenario);
    const deciders = scenario.actors
      .map((actor, index) => ({
        actor,
        index,
        scratch: new Float64Array(actor.actions.length),
        open: isGated(actor) ? new Uint8Array(actor.actions.length) : null,
        labels: actor.actions.map((action) => `${actor.id}: ${action.title}`),
      }))
      .filter(({ actor }) => actor.actions.length > 0);
    prepared = {
      deciders,
      rules: scenario.rules,
      keys: [...deciders.map(({ actor }) => `decide:${actor.id}`), ...scenario.rules.map((rule) => `rule:${rule.id}`)],
      randomKeys: scenario.randomKeys ?? [],
      picks: new Int32Array(deciders.length),
      fired: new Int32Array(scenario.rules.length),
    };
    preparedScenarios.set(scenario, prepared);
  }
  return prepared;
}

/** A rule fired with no explanation asked for. */
const FIRED: Explanation = Object.freeze({ cause: 'rule', condition: null, chance: null, roll: null, source: '' });

/**
 * Whether a rule fires this turn: null if not, else why (FIRED when no
 * explanation is kept). The rule's number for the turn is drawn only when the
 * chance has to be compared with it: it is the same number whenever it is
 * drawn, so skipping the draw changes nothing else.
 */
function evaluateRule(
  rule: Rule,
  index: number,
  frame: Frame,
  stream: Stream,
  plan: InterventionPlan,
  scheduledBy: string | undefined,
  explain: boolean,
): Explanation | null {
  if (plan.blocked.size > 0 && plan.blocked.has(rule.id)) return null;
  if (rule.once && frame.count[index]! > 0) return null;
  if (plan.forced.size > 0 && plan.forced.has(rule.id)) {
    return explain ? interventionWhy(rule, 'forced') : FIRED;
  }
  if (scheduledBy !== undefined) {
    return explain ? { ...interventionWhy(rule, 'scheduled'), scheduledBy } : FIRED;
  }
  if (rule.condition !== null && rule.condition.at(frame) === 0) return null;
  const chance = clamp(rule.chance.at(frame), 0, 1, () => `chance of ${rule.id}`);
  // Every draw is in [0, 1): no chance (or certainty) needs one unless it is shown.
  if (!explain && (chance <= 0 || chance >= 1)) return chance >= 1 ? FIRED : null;
  const roll = drawAt(stream, frame.turn);
  if (!(roll < chance)) return null;
  if (!explain) return FIRED;
  return {
    cause: 'rule',
    condition: rule.condition === null
      ? null
      : { expr: rule.condition.source, value: true, inputs: rule.condition.inputsAt(frame) },
    chance: {
      expr: rule.chance.source,
      working: rule.chance.explainAt(frame),
      value: round(chance),
      inputs: rule.chance.inputsAt(frame),
    },
    roll: round(roll),
    source: rule.source,
  };
}

/** Two ids whose stream keys shorten to the same string would share random numbers; refuse them. */
function checkStreamKeys(scenario: Scenario): void {
  const seen = new Map<string, string>();
  const keys = [
    ...scenario.actors.map((actor) => `decide:${actor.id}`),
    ...scenario.rules.map((rule) => `rule:${rule.id}`),
    ...(scenario.randomKeys ?? []),
  ];
  for (const key of keys) {
    const other = seen.get(shortKey(key));
    if (other !== undefined && other !== key) {
      throw new SimulationError(`${key} and ${other} would share a random stream; rename one of them`);
    }
    seen.set(shortKey(key), key);
  }
}

/** Why a rule fired that was forced or scheduled: no condition, chance or roll was looked at. */
function interventionWhy(rule: Rule, cause: 'forced' | 'scheduled'): Explanation {
  return { cause, condition: null, chance: null, roll: null, source: rule.source };
}
