import { isoMonth, turnOfMonth } from '../engine/calendar.js';
import { slotLayout, type SlotLayout } from '../engine/slot-layout.js';
import type { Target } from '../engine/types.js';
import { formatNumber } from '../engine/format.js';
import { suggest } from './suggest.js';
import { ExpressionError, MATH_FUNCTIONS, type Compiled, type Input, type Scope } from './expression.js';
import type { ScenarioSpec } from './format.js';

/** The metric kinds that keep a running value over the run. */
const TRACKED = ['max', 'min', 'mean', 'months'] as const;

/** The ranges and units quantities declare, by path. */
function scalesOf(spec: ScenarioSpec): { ranges: Map<string, readonly [number, number]>; units: Record<string, string> } {
  const ranges = new Map<string, readonly [number, number]>();
  const units: Record<string, string> = {};
  const add = (path: string, scale: { range?: [number, number] | undefined; unit?: string | undefined }) => {
    if (scale.range !== undefined) ranges.set(path, scale.range);
    if (scale.unit !== undefined) units[path] = scale.unit;
  };
  for (const indicator of spec.indicators) add(`ind.${indicator.id}`, indicator);
  for (const actor of spec.actors) {
    for (const [key, value] of Object.entries(actor.attrs)) if (typeof value === 'object') add(`attr.${actor.id}.${key}`, value);
  }
  return { ranges, units };
}

/** The forms of name an expression may read, as the error for an unknown one lists them. */
const NAME_FORMS = 'turn, month, year, param.NAME, flag.NAME, ind.NAME, coop.ACTOR.ACTOR, stance.ACTOR.ISSUE, salience.ACTOR.ISSUE, attr.ACTOR.NAME, metric.NAME (in outcomes)';
const FUNCTIONS: readonly string[] = ['fired', 'count', 'since', 'chose', ...MATH_FUNCTIONS];

/**
 * Parameters left free in a compiled scenario: expressions read each from
 * its cell when they run, instead of having its value folded in, so one
 * compiled scenario serves every point of a study (see `compileParametric`).
 */
export interface FreeParams {
  /** The cell of each free parameter, by name. */
  readonly index: ReadonlyMap<string, number>;
  readonly cells: Float64Array;
}

function own<T>(record: Readonly<Record<string, T>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** The names a scenario declares, for resolving expressions and effect targets. */
export class ScenarioScope implements Scope {
  private readonly actors: Set<string>;
  private readonly issues: Set<string>;
  private readonly indicators: Set<string>;
  private readonly flags: Set<string>;
  private readonly rules: Set<string>;
  private readonly attrs: Map<string, Set<string>>;
  private readonly actions: Map<string, Set<string>>;
  private readonly params: Readonly<Record<string, number>>;
  private readonly free: FreeParams | null;
  private readonly symmetric: boolean;
  private readonly start: { readonly year: number; readonly month: number };
  private readonly horizon: number;
  readonly layout: SlotLayout;

  constructor(spec: ScenarioSpec, params: Readonly<Record<string, number>>, free: FreeParams | null = null) {
    this.actors = new Set(spec.actors.map((actor) => actor.id));
    this.issues = new Set(spec.issues.map((issue) => issue.id));
    this.indicators = new Set(spec.indicators.map((indicator) => indicator.id));
    this.flags = new Set(Object.keys(spec.flags));
    this.rules = new Set(spec.rules.map((rule) => rule.id));
    this.attrs = new Map(spec.actors.map((actor) => [actor.id, new Set(Object.keys(actor.attrs))]));
    this.actions = new Map(spec.actors.map((actor) => [actor.id, new Set(actor.actions.map((action) => action.id))]));
    this.params = params;
    this.free = free;
    this.symmetric = spec.cooperation.symmetric;
    this.start = { year: Number(spec.start.slice(0, 4)), month: Number(spec.start.slice(5, 7)) };
    this.horizon = spec.turns;
    const scaled = scalesOf(spec);
    this.units = scaled.units;
    this.layout = slotLayout({
      indicators: spec.indicators.map((indicator) => indicator.id),
      issues: spec.issues.map((issue) => issue.id),
      actors: spec.actors.map((actor) => ({
        id: actor.id,
        attrs: Object.keys(actor.attrs),
        actions: actor.actions.map((action) => action.id),
      })),
      flags: Object.keys(spec.flags),
      events: spec.rules.map((rule) => rule.id),
      ranges: scaled.ranges,
      tracks: spec.metrics.filter((metric) => TRACKED.some((kind) => metric[kind] !== undefined)).map((metric) => metric.id),
    });
  }

  /** The unit of each quantity that declares one, by path (`ind.troops` → `troops`). */
  readonly units: Readonly<Record<string, string>>;

  /** The metrics `metric.NAME` reads, once they are compiled (for outcomes); null before. */
  metrics: ReadonlyMap<string, Input['read']> | null = null;

  /** A target for a slot (and its mirror), once the path is known to be valid. */
  private slot(path: string, min: number, mirror = ''): Target {
    const slot = this.layout.slotIndex.get(path);
    // Ids used twice (reported elsewhere) can leave a valid-looking path without a slot of its own.
    if (slot === undefined) throw new ExpressionError(`\`${path}\` is not a value that can change`);
    const low = this.layout.min[slot] ?? min;
    return { path, min: low, max: this.layout.max[slot] ?? 1, slot, mirror: mirror === '' ? -1 : this.layout.slotIndex.get(mirror) ?? -1 };
  }

  /** Check that a rule id exists (for schedule, cancel and interventions). */
  rule(id: string): string {
    if (!this.rules.has(id)) throw new ExpressionError(`unknown event \`${id}\`${suggest(id, this.rules)}`, id);
    return id;
  }

  /**
   * The turn of a turn as written: a number is kept as it is; a month
   * (`2024-06`) must come after the start and within the scenario's turns.
   */
  turnAt(value: number | string): number {
    if (typeof value === 'number') return value;
    const turn = turnOfMonth(this.start, value);
    if (turn < 1 || turn > this.horizon) {
      throw new ExpressionError(
        `${value} is not within the scenario's months: from ${isoMonth(this.start, 1)} (turn 1) to ${isoMonth(this.start, this.horizon)} (turn ${this.horizon})`,
      );
    }
    return turn;
  }

  /** Check that a flag is declared in the scenario's `flags`. */
  flag(name: string): string {
    if (!this.flags.has(name)) {
      throw new ExpressionError(`unknown flag \`${name}\`${suggest(name, this.flags)} (declare it under flags:)`, name);
    }
    return name;
  }

  private actor(id: string): string {
    if (!this.actors.has(id)) throw new ExpressionError(`unknown actor \`${id}\`${suggest(id, this.actors)}`, id);
    return id;
  }

  private issue(id: string): string {
    if (!this.issues.has(id)) throw new ExpressionError(`unknown issue \`${id}\`${suggest(id, this.issues)}`, id);
    return id;
  }

  private action(actor: string, id: string): string {
    const known = this.actions.get(actor)!;
    if (!known.has(id)) throw new ExpressionError(`${actor} has no action \`${id}\`${suggest(id, known)}`, id);
    return id;
  }

  /** A writable place in the state, with its range. */
  target(path: string): Target {
    const segments = path.split('.');
    // Missing segments read as '' and the arity check below rejects them.
    const [head = '', a = '', b = ''] = segments;
    const arity = (n: number, shape: string) => {
      if (segments.length !== n) throw new ExpressionError(`\`${path}\` is not a value that can change; write ${shape}`, segments[segments.length - 1]);
    };
    switch (head) {
      case 'ind': {
        arity(2, 'ind.NAME');
        if (!this.indicators.has(a)) throw new ExpressionError(`unknown indicator \`${a}\`${suggest(a, this.indicators)}`, a);
        return this.slot(path, 0);
      }
      case 'coop': {
        arity(3, 'coop.ACTOR.ACTOR');
        this.actor(a);
        this.actor(b);
        if (a === b) throw new ExpressionError(`\`${path}\`: an actor has no cooperation level with itself`);
        return this.slot(`coop.${a}.${b}`, 0, this.symmetric ? `coop.${b}.${a}` : '');
      }
      case 'stance':
      case 'salience': {
        arity(3, `${head}.ACTOR.ISSUE`);
        this.actor(a);
        this.issue(b);
        return this.slot(path, head === 'stance' ? -1 : 0);
      }
      case 'attr': {
        arity(3, 'attr.ACTOR.NAME');
        this.actor(a);
        const known = this.attrs.get(a)!;
        if (!known.has(b)) throw new ExpressionError(`${a} has no attribute \`${b}\`${suggest(b, known)}`, b);
        return this.slot(path, 0);
      }
      default:
        throw new ExpressionError(
          `\`${path}\` is not a value that can change${suggest(head, ['ind', 'coop', 'stance', 'salience', 'attr'])}; ` +
            'targets start with ind., coop., stance., salience. or attr.',
        );
    }
  }

  resolve(segments: readonly string[]): Input {
    const path = segments.join('.');
    const [head = '', a = ''] = segments;
    if (head === 'turn' && segments.length === 1) return { path, read: (f) => f.turn };
    if ((head === 'month' || head === 'year') && segments.length === 1) {
      // The calendar month (1 to 12) and year of the turn: turn 0 is the start month.
      const base = this.start.year * 12 + this.start.month - 1;
      return head === 'month'
        ? { path, read: (f) => ((base + f.turn) % 12) + 1 }
        : { path, read: (f) => Math.floor((base + f.turn) / 12) };
    }
    if (head === 'param') {
      if (segments.length !== 2 || !own(this.params, a)) {
        throw new ExpressionError(`unknown parameter \`${path}\`${suggest(a, Object.keys(this.params))}`, a || head);
      }
      const cell = this.free?.index.get(a);
      if (cell !== undefined) {
        const cells = this.free!.cells;
        return { path, read: () => cells[cell]! };
      }
      const value = this.params[a]!;
      return { path, read: () => value, constant: value };
    }
    if (head === 'flag') {
      if (segments.length !== 2) throw new ExpressionError(`\`${path}\`: write flag.NAME`);
      const index = this.layout.flagIndex.get(this.flag(a))!;
      return { path, read: (f) => f.flags[index]! };
    }
    if (['ind', 'coop', 'stance', 'salience', 'attr'].includes(head)) {
      const { slot } = this.target(path);
      return { path, read: (f) => f.values[slot]!, slot };
    }
    if (head === 'metric') {
      if (this.metrics === null) throw new ExpressionError(`\`${path}\`: a metric can be read only in an outcome's \`when\``);
      const read = segments.length === 2 ? this.metrics.get(a) : undefined;
      if (read === undefined) throw new ExpressionError(`unknown metric \`${path}\`${suggest(a, [...this.metrics.keys()])}`);
      return { path, read };
    }
    const names = ['turn', 'month', 'year', 'param', 'flag', 'ind', 'coop', 'stance', 'salience', 'attr', 'metric'];
    throw new ExpressionError(`unknown name \`${path}\`${suggest(head, names)} (the names are ${NAME_FORMS})`, head);
  }

  call(name: string, args: readonly Compiled[]): Compiled | null {
    const strings = (count: number): string[] => {
      if (args.length !== count || args.some((arg) => arg.text === undefined)) {
        throw new ExpressionError(`${name}() takes ${count} quoted name${count > 1 ? 's' : ''}, as in ${name}(${count > 1 ? '"usa", "negotiate"' : '"us-withdrawal-announced"'})`);
      }
      return args.map((arg) => arg.text!);
    };
    const atom = (read: Input['read'], shown: string): Compiled => ({
      evaluate: read,
      print: (f) => formatNumber(read(f)),
      precedence: 100,
      inputs: [{ path: shown, read }],
    });
    switch (name) {
      case 'fired': {
        const id = this.rule(strings(1)[0]!);
        const i = this.layout.eventIndex.get(id)!;
        return atom((f) => (f.count[i] === 0 ? 0 : 1), `fired("${id}")`);
      }
      case 'count': {
        const id = this.rule(strings(1)[0]!);
        const i = this.layout.eventIndex.get(id)!;
        return atom((f) => f.count[i]!, `count("${id}")`);
      }
      case 'since': {
        const id = this.rule(strings(1)[0]!);
        const i = this.layout.eventIndex.get(id)!;
        // "Never" reads as a long time ago, so `since(x) > 3` holds before x ever fires.
        return atom((f) => (f.count[i] === 0 ? 9999 : f.turn - f.last[i]!), `since("${id}")`);
      }
      case 'chose': {
        const [actor, action] = strings(2) as [string, string];
        this.actor(actor);
        this.action(actor, action);
        const a = this.layout.actorIndex.get(actor)!;
        const k = this.layout.actions[a]!.indexOf(action);
        return atom((f) => (f.chosen[a] === k ? 1 : 0), `chose("${actor}", "${action}")`);
      }
      default:
        if (MATH_FUNCTIONS.includes(name)) return null;
        throw new ExpressionError(`unknown function ${name}()${suggest(name, FUNCTIONS)} (the functions are ${FUNCTIONS.join(', ')})`, name);
    }
  }
}
