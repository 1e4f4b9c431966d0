import { FOREVER } from '../engine/interventions.js';
import type {
  ActorDef, Effect, Expr, Intervention, Rule, Scenario, Target, WorldState,
} from '../engine/types.js';
import { compileExpression, ExpressionError } from './expression.js';
import { initialState } from './initial-state.js';
import type { EffectSpec, InterventionSpec, RandomAmountSpec, ScenarioSpec, VariantSpec } from './format.js';
import { randomAmount, RandomSites } from './random-amount.js';
import { compileMetrics } from './metrics.js';
import { compileNarrative } from './narrative.js';
import { ScenarioScope, type FreeParams } from './scope.js';
import { suggest } from './suggest.js';
import { ScenarioError, type Problem } from './problem.js';
import { checkAvailability, checkExercise, checkIds } from './checks.js';
import { scenarioHash } from './scenario-hash.js';
import { checkSourceKeys, sourceText } from './sources.js';
import { compileExpectations } from './expectations.js';
import { checkParams, outOfBounds, paramRanges, paramValues } from './params.js';
import { atChanges, changedSpec } from './variant-changes.js';

/**
 * Compile validated scenario data (with one of its variants applied, or none)
 * into engine functions. Every expression is parsed once, here. Parameters in
 * `free` are read from their cells when expressions run (`compileParametric`).
 */
export function compileScenario(
  spec: ScenarioSpec,
  variantId: string | null = null,
  overrides: Readonly<Record<string, number>> = {},
  free: FreeParams | null = null,
): Scenario {
  const problems: Problem[] = [];
  const variant = variantId === null ? null : spec.variants.find((item) => item.id === variantId);
  if (variant === undefined) {
    const known = spec.variants.map((item) => item.id);
    throw new ScenarioError([{
      path: ['variants'],
      message: `${spec.id} has no variant \`${variantId}\`${suggest(variantId ?? '', known)}` +
        (known.length > 0 ? ` (variants: ${known.join(', ')})` : ''),
    }]);
  }
  if (variant?.changes !== undefined) return compileChangedVariant(spec, variant, overrides, free);
  const params = { ...paramValues(spec.params), ...(variant?.params ?? {}), ...overrides };
  problems.push(...overrideProblems(spec, overrides));
  const scope = new ScenarioScope(spec, params, free);

  function attempt<T>(path: (string | number)[], make: () => T, atKey = false): T | null {
    try {
      return make();
    } catch (error) {
      if (error instanceof ExpressionError) {
        problems.push(expressionProblem(path, error, atKey));
        return null;
      }
      throw error;
    }
  }
  const expr = (path: (string | number)[], source: string | number | boolean): Expr =>
    attempt(path, () => compileExpression(source, scope)) ?? CONSTANT_ZERO;
  const sites = new RandomSites();
  const effects = (path: (string | number)[], list: readonly EffectSpec[], owner: string): Effect[] =>
    list.flatMap((effect, i) => compileEffect([...path, i], effect, { scope, expr, attempt, sites, owner }));

  checkIds(spec, problems);
  checkExercise(spec, scope, problems);
  checkParams(spec, problems);
  checkSourceKeys(spec, scope, problems);
  checkAvailability(spec, problems);

  const actors: ActorDef[] = spec.actors.map((actor, a) => ({
    id: actor.id,
    name: actor.name,
    description: actor.description,
    rationality: actor.rationality,
    actions: actor.actions.map((action, i) => ({
      id: action.id,
      title: action.title,
      tends: action.tends,
      utility: expr(['actors', a, 'actions', i, 'utility'], action.utility),
      effects: effects(['actors', a, 'actions', i, 'effects'], action.effects, `action:${actor.id}/${action.id}`),
      ...(action.available === undefined ? {} : { available: expr(['actors', a, 'actions', i, 'available'], action.available) }),
    })),
    ...(actor.fallback === undefined ? {} : { fallback: actor.fallback }),
    postures: actor.posture.map((posture, i) => ({
      label: posture.label,
      when: posture.when === undefined ? null : expr(['actors', a, 'posture', i, 'when'], posture.when),
    })),
  }));
  // A file of format 1 wrote its braces as text: values are filled in only from format 2 on.
  const fillsNarratives = (spec.format ?? 1) >= 2;
  const narrativeOf = (text: string, r: number) => {
    if (!fillsNarratives) return {};
    const at = attempt(['rules', r, 'narrative'], () => compileNarrative(text, scope));
    return at === null ? {} : { narrativeAt: at };
  };
  const rules: Rule[] = spec.rules.map((rule, r) => ({
    id: rule.id,
    title: rule.title,
    condition: rule.when === undefined ? null : expr(['rules', r, 'when'], rule.when),
    chance: expr(['rules', r, 'chance'], rule.chance),
    effects: effects(['rules', r, 'effects'], rule.effects, `rule:${rule.id}`),
    narrative: rule.narrative,
    ...narrativeOf(rule.narrative, r),
    source: sourceText(rule.source),
    once: rule.once,
  }));
  const lastOutcome = spec.outcomes[spec.outcomes.length - 1];
  if (lastOutcome?.when !== undefined) {
    problems.push({ path: ['outcomes', spec.outcomes.length - 1], message: 'the last outcome class must have no `when`, so every run has an outcome' });
  }
  const present = (item: Intervention | null): item is Intervention => item !== null;
  const baseInterventions = spec.interventions
    .map((item, i) => attempt(['interventions', i], () => toIntervention(item, scope)))
    .filter(present);
  const variantInterventions = variant === null ? [] : compileVariant(spec, variant, scope, problems);

  const dynamics = effects(['dynamics'], spec.dynamics, 'dynamics');
  const { metrics, tracks } = compileMetrics(spec, scope, expr, problems);
  // Outcomes may read the metrics (`metric.NAME`); nothing else may.
  scope.metrics = new Map(metrics.map((metric) => [metric.id, metric.value.at]));
  const initial = initialState(spec, problems, params);
  const scenario: Scenario = {
    id: spec.id,
    title: spec.title,
    version: spec.version,
    variant: variant?.id ?? null,
    hash: scenarioHash(spec, variant?.id ?? null, overrides),
    start: { year: Number(spec.start.slice(0, 4)), month: Number(spec.start.slice(5, 7)) },
    defaultTurns: spec.turns,
    actors,
    issues: spec.issues.map((issue) => issue.id),
    indicators: spec.indicators.map(({ id, title, description }) => ({ id, title, description })),
    params,
    paramRanges: paramRanges(spec.params, params),
    expectations: compileExpectations(spec, problems),
    initial: initial ?? ({} as WorldState),
    rules,
    dynamics,
    ...(sites.keys.length === 0 ? {} : { randomKeys: sites.keys }),
    metrics,
    ...(tracks.length === 0 ? {} : { tracks }),
    outcomes: spec.outcomes.map((item, i) => ({
      id: item.id,
      title: item.title,
      when: item.when === undefined ? null : expr(['outcomes', i, 'when'], item.when),
    })),
    baseInterventions,
    variantInterventions,
    symmetricCooperation: spec.cooperation.symmetric,
    ...(Object.keys(scope.units).length === 0 ? {} : { units: scope.units }),
    layout: scope.layout,
    target: (path: string): Target | null => {
      try {
        return scope.target(path);
      } catch {
        return null;
      }
    },
    ...(Object.keys(overrides).length === 0 ? { data: spec } : {}),
  };
  if (problems.length > 0) throw new ScenarioError(problems);
  return scenario;
}

/** The problems of parameter overrides (a sweep's `--set`, a study's point): unknown names, values outside bounds. */
export function overrideProblems(spec: ScenarioSpec, overrides: Readonly<Record<string, number>>): Problem[] {
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(spec.params, name)) {
      problems.push({ path: ['params', name], atKey: true, message: `unknown parameter \`${name}\`${suggest(name, Object.keys(spec.params))}` });
    }
    const bounds = outOfBounds(spec, name, value);
    if (bounds !== null) problems.push({ path: ['params', name], message: bounds });
  }
  return problems;
}

/** The scenario data a variant with `changes` is compiled from: the changed scenario with that variant alone. */
export function changedVariantSpec(spec: ScenarioSpec, variant: VariantSpec): ScenarioSpec {
  const { changes: _changes, ...plain } = variant;
  return { ...changedSpec(spec, variant), variants: [plain] };
}

/**
 * A variant with `changes`: the scenario it makes, compiled with the variant's
 * parameters and interventions, under the identity of (scenario, variant).
 */
function compileChangedVariant(spec: ScenarioSpec, variant: VariantSpec, overrides: Readonly<Record<string, number>>, free: FreeParams | null): Scenario {
  const at = spec.variants.indexOf(variant);
  let inner: Scenario;
  try {
    inner = compileScenario(changedVariantSpec(spec, variant), variant.id, overrides, free);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    // Problems of the variant itself (its parameters, its interventions) are at its place among the variants.
    throw new ScenarioError(error.problems.flatMap((problem) => (problem.path[0] === 'variants'
      ? [{ ...problem, path: ['variants', at, ...problem.path.slice(2)] }]
      : atChanges(at, [problem]))));
  }
  const { data: _data, ...scenario } = inner;
  return {
    ...scenario,
    hash: scenarioHash(spec, variant.id, overrides),
    ...(Object.keys(overrides).length === 0 ? { data: spec } : {}),
  };
}

/**
 * What a variant adds to its scenario: its interventions, in the engine's
 * form. Its problems (parameters the scenario lacks, interventions that name
 * nothing) go to `problems`. A variant changes only parameter values and
 * interventions, and no name or expression depends on a parameter's value, so
 * these are the only problems a variant can add to the scenario's own: a check
 * of every variant compiles the scenario once and then only this for each.
 */
export function compileVariant(spec: ScenarioSpec, variant: VariantSpec, scope: ScenarioScope, problems: Problem[]): Intervention[] {
  const at = spec.variants.indexOf(variant);
  for (const name of Object.keys(variant.params)) {
    if (!Object.hasOwn(spec.params, name)) {
      problems.push({ path: ['variants', at, 'params', name], atKey: true, message: `unknown parameter \`${name}\`${suggest(name, Object.keys(spec.params))}` });
    }
  }
  return variant.interventions.flatMap((item, i) => {
    try {
      return [toIntervention(item, scope)];
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push(expressionProblem(['variants', at, 'interventions', i], error));
      return [];
    }
  });
}

/** A problem from an expression error, pointing at the name it is about. */
function expressionProblem(path: (string | number)[], error: ExpressionError, atKey = false): Problem {
  return {
    path,
    message: error.message,
    ...(atKey ? { atKey } : {}),
    ...(error.focus === undefined ? {} : { focus: error.focus }),
  };
}

const CONSTANT_ZERO: Expr = {
  source: '0', evaluate: () => 0, explain: () => '0', inputs: () => ({}), at: () => 0, explainAt: () => '0', inputsAt: () => ({}),
};

type Attempt = <T>(path: (string | number)[], make: () => T, atKey?: boolean) => T | null;

/** What compiling an effect needs: the names, how to compile and report, and where random quantities go. */
interface EffectContext {
  readonly scope: ScenarioScope;
  readonly expr: (path: (string | number)[], source: string | number | boolean) => Expr;
  readonly attempt: Attempt;
  readonly sites: RandomSites;
  /** The stream owner of the effect's random quantities: `rule:<id>`, `action:<actor>/<action>` or `dynamics`. */
  readonly owner: string;
}

/** An effect's size: an expression, or a random quantity drawn from the owner's stream. */
function amountOf(path: (string | number)[], value: string | number | boolean | RandomAmountSpec, context: EffectContext, whole = false): Expr {
  if (typeof value !== 'object') return context.expr(path, value);
  const kind = Object.keys(value)[0]!;
  const index = context.sites.add(context.owner);
  return randomAmount(value, index, whole, (key, source) => context.expr([...path, kind, ...(key === kind ? [] : [key])], source));
}

function compileEffect(path: (string | number)[], effect: EffectSpec, context: EffectContext): Effect[] {
  const compiled = compileEffectKind(path, effect, context);
  if (effect.if === undefined) return compiled;
  return [{ kind: 'if', condition: context.expr([...path, 'if'], effect.if), effects: compiled }];
}

function compileEffectKind(path: (string | number)[], effect: EffectSpec, context: EffectContext): Effect[] {
  const { scope, expr, attempt } = context;
  if ('add' in effect || 'set' in effect) {
    const kind = 'add' in effect ? 'add' : 'set';
    const entries = Object.entries('add' in effect ? effect.add : effect.set);
    return entries.flatMap(([where, value]) => {
      const target = attempt([...path, kind, where], () => scope.target(where), true);
      if (target === null) return [];
      return [{ kind, target, value: amountOf([...path, kind, where], value, context) }];
    });
  }
  if ('toward' in effect) {
    const target = attempt([...path, 'toward', 'target'], () => scope.target(effect.toward.target));
    if (target === null) return [];
    return [{
      kind: 'toward',
      target,
      goal: expr([...path, 'toward', 'goal'], effect.toward.goal),
      rate: expr([...path, 'toward', 'rate'], effect.toward.rate),
    }];
  }
  if ('flag' in effect) {
    return Object.entries(effect.flag).flatMap(([flag, value]): Effect[] => {
      if (attempt([...path, 'flag', flag], () => scope.flag(flag), true) === null) return [];
      const index = scope.layout.flagIndex.get(flag)!;
      if (typeof value === 'boolean') return [{ kind: 'flag', flag, value, index }];
      return [{ kind: 'flag', flag, value: false, index, expr: expr([...path, 'flag', flag], value) }];
    });
  }
  if ('schedule' in effect) {
    const event = attempt([...path, 'schedule', 'event'], () => scope.rule(effect.schedule.event));
    if (event === null) return [];
    const { at: month, in: delay } = effect.schedule;
    if (month !== undefined) {
      const at = attempt([...path, 'schedule', 'at'], () => scope.turnAt(month));
      return at === null ? [] : [{ kind: 'schedule', event, delay: 1, at }];
    }
    if (delay === undefined) return [];
    if (typeof delay === 'number') return [{ kind: 'schedule', event, delay }];
    return [{ kind: 'schedule', event, delay: 1, delayExpr: amountOf([...path, 'schedule', 'in'], delay, context, true) }];
  }
  const event = attempt([...path, 'cancel'], () => scope.rule(effect.cancel));
  return event === null ? [] : [{ kind: 'cancel', event }];
}

/** Turn an intervention as written in a file into the engine's form. */
export function toIntervention(item: InterventionSpec, scope: ScenarioScope): Intervention {
  const at = (value: number | string) => scope.turnAt(value);
  if ('force' in item) return { kind: 'force', event: scope.rule(item.force), turn: at(item.turn) };
  if ('block' in item) {
    const from = at(item.turn ?? item.from ?? 1);
    const to = at(item.turn ?? item.to ?? FOREVER);
    return { kind: 'block', event: scope.rule(item.block), from, to };
  }
  if ('set' in item) {
    const target = scope.target(item.set);
    if (item.value < target.min || item.value > target.max) {
      throw new ExpressionError(`${item.set} takes values from ${target.min} to ${target.max}, not ${item.value}`);
    }
    return { kind: 'set', path: item.set, value: item.value, turn: at(item.turn) };
  }
  // The same check as an expression naming the choice; ids are plain words, so quoting is safe.
  compileExpression(`chose(${JSON.stringify(item.choose)}, ${JSON.stringify(item.action)})`, scope);
  return { kind: 'choose', actor: item.choose, action: item.action, turn: at(item.turn) };
}
