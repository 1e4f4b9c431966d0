
// The data the engine works on. Types are the documentation of the model:
// every number in a WorldState has a fixed range and is rounded each turn.

/** An actor's state: positions on named issues, their salience, and attributes. */
export interface ActorState {
  /** Position on each issue, in [-1, 1]. */
  readonly stance: Readonly<Record<string, number>>;
  /** How much each issue matters to the actor, in [0, 1]. */
  readonly salience: Readonly<Record<string, number>>;
  /** Attributes such as capability or resolve, in [0, 1]. */
  readonly attrs: Readonly<Record<string, number>>;
}

/** When and how often a rule's event has fired. */
export interface EventTally {
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

/** An event put on the calendar by an effect (or an intervention). */
export interface ScheduledEvent {
  readonly turn: number;
  readonly event: string;
  readonly by: string;
}

/** The whole world at the end of a turn. Immutable: steps produce new states. */
export interface WorldState {
  readonly turn: number;
  readonly actors: Readonly<Record<string, ActorState>>;
  /** Cooperation between actors, coop[a][b] in [0, 1]. */
  readonly coop: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** World quantities, each in [0, 1]. */
  readonly indicators: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  /** Events that have fired so far, by rule id. */
  readonly events: Readonly<Record<string, EventTally>>;
  /** Events due on a later turn, ordered by turn then insertion. */
  readonly scheduled: readonly ScheduledEvent[];
  /** The action each actor chose on this turn (empty at turn 0). */
  readonly actions: Readonly<Record<string, string>>;
}

/** A number of the state that a turn changed, named as the frame's slots are. */
export interface ValueChange {
  readonly kind: 'indicators' | 'coop' | 'stance' | 'salience' | 'attrs';
  /** The actor (for cooperation rows and an actor's records), else ''. */
  readonly actor: string;
  /** The indicator, the other actor of a cooperation row, the issue or the attribute. */
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/**
 * What a turn changed, found by the step when it compares the new frame with
 * the previous state (the comparison that decides which records to build anew).
 */
export interface TurnChanges {
  /** Every number that changed, in slot order: indicators, cooperation rows, then each actor's. */
  readonly values: readonly ValueChange[];
  /** Flags switched on or off. */
  readonly flags: readonly string[];
  /** Events whose tallies changed (they fired). */
  readonly events: readonly string[];
  /** Whether the calendar of scheduled events changed. */
  readonly scheduled: boolean;
  /** Actors whose last chosen action differs from the previous state's. */
  readonly actions: readonly string[];
}

/** A writable view of WorldState, for building an initial state before it is frozen. */
export type Draft<T> = T extends ReadonlyArray<infer U>
  ? Draft<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Draft<T[K]> }
    : T;
export type MutableState = Draft<WorldState>;

/** What an expression sees besides the state. */
export interface EvalContext {
  /** Actions chosen on the turn being computed (the previous turn's while deciding). */
  readonly choices: Readonly<Record<string, string>>;
  /** The turn being computed. */
  readonly turn: number;
}

/**
 * A compiled expression: evaluates fast, and can show its working. The engine
 * evaluates it on a frame (`at`, with the frame's turn and choices); the
 * other forms read a state, with the turn and choices of `ctx`.
 */
export interface Expr {
  readonly source: string;
  evaluate(state: WorldState, ctx: EvalContext): number;
  /** The expression with every input replaced by its value, e.g. `0.1 + 0.6 × (1 − 0.25)`. */
  explain(state: WorldState, ctx: EvalContext): string;
  /** Every input the expression reads, with its value. */
  inputs(state: WorldState, ctx: EvalContext): Record<string, number>;
  /** The value on a frame. */
  at(frame: Frame): number;
  /** `explain` on a frame. */
  explainAt(frame: Frame): string;
  /** `inputs` on a frame. */
  inputsAt(frame: Frame): Record<string, number>;
}

/** A place in the state that effects write to, resolved once at compile time to a frame slot. */
export interface Target {
  readonly path: string;
  readonly min: number;
  readonly max: number;
  readonly slot: number;
  /** The slot written with it (the other half of a symmetric cooperation pair), or -1. */
  readonly mirror: number;
}

/** The declarative effect vocabulary, compiled. */
export type Effect =
  | { readonly kind: 'add'; readonly target: Target; readonly value: Expr }
  | { readonly kind: 'set'; readonly target: Target; readonly value: Expr }
  | { readonly kind: 'toward'; readonly target: Target; readonly goal: Expr; readonly rate: Expr }
  | { readonly kind: 'flag'; readonly flag: string; readonly value: boolean; /** The flag's index in a frame. */ readonly index: number }
  | { readonly kind: 'schedule'; readonly event: string; readonly delay: number }
  | { readonly kind: 'cancel'; readonly event: string };

/** A rule: an event of the scenario, with the article sentence it rests on. */
export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly condition: Expr | null;
  readonly chance: Expr;
  readonly effects: readonly Effect[];
  readonly narrative: string;
  readonly source: string;
  /** Fires at most once in a run. */
  readonly once: boolean;
}

/** One action in an actor's repertoire. */
export interface Action {
  readonly id: string;
  readonly title: string;
  /** What the action tends to do, in words, for players and readers. */
  readonly tends: string;
  readonly utility: Expr;
  readonly effects: readonly Effect[];
}

export interface ActorDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Rationality of the logit choice: higher picks the best action more surely. */
  readonly rationality: number;
  readonly actions: readonly Action[];
  /** Posture labels, first match wins; derived from the state, never stored. */
  readonly postures: readonly { readonly label: string; readonly when: Expr | null }[];
}

export interface IndicatorDef {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface Metric {
  readonly id: string;
  readonly title: string;
  readonly value: Expr;
}

export interface OutcomeClass {
  readonly id: string;
  readonly title: string;
  readonly when: Expr | null;
}

/** A change to a run at a turn: the what-ifs of variants, branches and instructors. */
export type Intervention =
  | { readonly kind: 'force'; readonly event: string; readonly turn: number }
  | { readonly kind: 'block'; readonly event: string; readonly from: number; readonly to: number }
  | { readonly kind: 'set'; readonly path: string; readonly value: number; readonly turn: number }
  | { readonly kind: 'choose'; readonly actor: string; readonly action: string; readonly turn: number };

/**
 * A parameter's plausible range, as the scenario declares it: what
 * sensitivity analysis samples and calibration searches. `value` is the
 * value this compiled scenario runs with.
 */
export interface ParamRange {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** uniform over [low, high]; triangular with its peak at the scenario's value; normal (mean the value, sd) cut to the range. */
  readonly distribution: 'uniform' | 'triangular' | 'normal';
  /** The mode (triangular) or mean (normal): the value as written in the scenario, before variants or overrides. */
  readonly centre: number;
  /** The standard deviation of a normal distribution; absent for the others. */
  readonly sd?: number;
}

/** The quantity an expectation is about, as a batch estimates it. */
export type ExpectedQuantity =
  | { readonly kind: 'event'; readonly event: string; readonly by: number }
  | { readonly kind: 'indicator'; readonly indicator: string; readonly at: number; readonly stat: 'mean' | 'median' }
  | { readonly kind: 'outcome'; readonly outcome: string }
  | { readonly kind: 'metric'; readonly metric: string };

/** What runs of a scenario should reproduce: a quantity, the range it should fall in, and what says so. */
export interface Expectation {
  readonly id: string;
  readonly title: string;
  readonly quantity: ExpectedQuantity;
  readonly range: readonly [number, number];
  /** How much it counts in calibration (1 by default). */
  readonly weight: number;
  /** What it rests on, as one line of text. */
  readonly source: string;
}

/** A scenario compiled into engine functions. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly variant: string | null;
  /** sha256 of the canonical form of the scenario data this was compiled from. */
  readonly hash: string;
  readonly start: { readonly year: number; readonly month: number };
  readonly defaultTurns: number;
  readonly actors: readonly ActorDef[];
  readonly issues: readonly string[];
  readonly indicators: readonly IndicatorDef[];
  readonly params: Readonly<Record<string, number>>;
  /** The parameters declared with a range (`{ value, range }`), by name, in the scenario's order. */
  readonly paramRanges: Readonly<Record<string, ParamRange>>;
  /** What runs should reproduce (`sandtable check`), in the file's order. */
  readonly expectations: readonly Expectation[];
  readonly initial: WorldState;
  readonly rules: readonly Rule[];
  readonly dynamics: readonly Effect[];
  readonly metrics: readonly Metric[];
  readonly outcomes: readonly OutcomeClass[];
  /** The scenario's own interventions, at their turns whichever variant runs. */
  readonly baseInterventions: readonly Intervention[];
  /** The variant's own interventions, counted from the turn the variant starts (0 unless switched to later). */
  readonly variantInterventions: readonly Intervention[];
  readonly symmetricCooperation: boolean;
  /** Where each value of the state lies in a frame. */
  readonly layout: SlotLayout;
  /** Resolve a state path such as `ind.insurgency` for `set` interventions. */
  target(path: string): Target | null;
  /**
   * The validated scenario data this was compiled from (`extends:` resolved,
   * every variant, roles and injects), which run records embed; absent when
   * the scenario was compiled with parameter overrides (a sweep's).
   */
  readonly data?: ScenarioData;
}

/** Scenario data as a run record embeds it: plain JSON, in the scenario file format. */
export type ScenarioData = Readonly<Record<string, unknown>>;

/** Why a fired event fired. */
export interface Explanation {
  readonly cause: 'rule' | 'forced' | 'scheduled';
  readonly condition: { readonly expr: string; readonly value: boolean; readonly inputs: Record<string, number> } | null;
  readonly chance: { readonly expr: string; readonly working: string; readonly value: number; readonly inputs: Record<string, number> } | null;
  readonly roll: number | null;
  readonly source: string;
  /** For scheduled events: what put it on the calendar. */
  readonly scheduledBy?: string;
}

export interface FiredEvent {
  readonly id: string;
  readonly title: string;
  readonly narrative: string;
  readonly why: Explanation;
}

export interface Decision {
  readonly actor: string;
  readonly action: string;
  /** 'policy' when the logit choice picked it, 'chosen' when a person or intervention did. */
  readonly by: 'policy' | 'chosen';
  readonly probability: number;
  readonly roll: number;
}

/** Where a record of numbers lies in the values: `keys[k]` is slot `start + k`. */
export interface SlotGroup {
  readonly kind: 'indicators' | 'coop' | 'stance' | 'salience' | 'attrs';
  /** The actor (for cooperation rows and an actor's records), else ''. */
  readonly actor: string;
  readonly keys: readonly string[];
  readonly start: number;
}

/** What a scenario's state holds, in slot order; built once per compiled scenario. */
export interface SlotLayout {
  /** Number of numeric slots. */
  readonly size: number;
  /** The path of each slot (`ind.insurgency`, `coop.niger.usa`, `stance.usa.security`, `attr.niger.resolve`). */
  readonly paths: readonly string[];
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Indicators come first: indicator i is slot i. */
  readonly indicators: readonly string[];
  readonly groups: readonly SlotGroup[];
  readonly actors: readonly string[];
  /** Each actor's action ids; an actor's choice is the index into its list. */
  readonly actions: readonly (readonly string[])[];
  readonly flags: readonly string[];
  /** Rule ids: the index of an event's tally. */
  readonly events: readonly string[];
  readonly slotIndex: ReadonlyMap<string, number>;
  readonly flagIndex: ReadonlyMap<string, number>;
  readonly eventIndex: ReadonlyMap<string, number>;
  readonly actorIndex: ReadonlyMap<string, number>;
}

/** A mutable working state. */
export interface Frame {
  /** The turn of the state, or the turn being computed while a step runs. */
  turn: number;
  readonly values: Float64Array;
  /** 1 where a flag is on. */
  readonly flags: Uint8Array;
  /** Per event: how often, first and last turn it fired (count 0: never). */
  readonly count: Int32Array;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Per actor: the index of the action it chose last, or -1. */
  readonly chosen: Int32Array;
  /** Events due later, ordered by turn then insertion. Entries are never changed in place. */
  scheduled: ScheduledEvent[];
}
