import fc from 'fast-check';
import type { Intervention } from '../../src/engine/types.js';
import type { ScenarioInput } from '../../src/scenarios/format.js';

const RULES = [
  'russian-supplies', 'us-flights-declared-illegal', 'us-troops-ordered-out', 'us-reassessment-talks',
  'us-withdrawal-announced', 'us-drawdown', 'us-withdrawal-complete', 'russian-expansion',
  'iran-ties', 'insurgent-escalation', 'us-russia-cooperation',
];
const PATHS = ['ind.insurgency', 'ind.usPresence', 'ind.russianPresence', 'coop.niger.usa', 'stance.niger.alignment', 'attr.niger.capability'];
const CHOICES: [string, string[]][] = [
  ['niger', ['deepen-russia-ties', 'negotiate-with-us', 'order-us-out', 'diversify-partners', 'focus-counterinsurgency']],
  ['usa', ['negotiate', 'pressure', 'withdraw', 'hold']],
  ['russia', ['expand-presence', 'supply-air-defence', 'information-campaign', 'consolidate']],
];

/** Any intervention on niger-2024 at a turn from 1 to `turns`. */
export function intervention(turns: number): fc.Arbitrary<Intervention> {
  const turn = fc.integer({ min: 1, max: turns });
  return fc.oneof(
    fc.record({ kind: fc.constant('force' as const), event: fc.constantFrom(...RULES), turn }),
    fc.tuple(fc.constantFrom(...RULES), turn, turn).map(([event, a, b]): Intervention =>
      ({ kind: 'block', event, from: Math.min(a, b), to: Math.max(a, b) })),
    fc.record({
      kind: fc.constant('set' as const),
      path: fc.constantFrom(...PATHS),
      value: fc.double({ min: -3, max: 3, noNaN: true }),
      turn,
    }),
    fc.tuple(fc.constantFrom(...CHOICES), fc.nat(), turn).map(([[actor, actions], pick, t]): Intervention =>
      ({ kind: 'choose', actor, action: actions[pick % actions.length]!, turn: t })),
  );
}

const ACTORS = ['alpha', 'beta', 'gamma', 'delta'];
const INDICATORS = ['x', 'y', 'z'];

/** An expression over a small scenario's names, in the scenario expression language. */
function expression(actors: string[], indicators: string[]): fc.Arbitrary<string> {
  const names = [
    ...indicators.map((id) => `ind.${id}`),
    ...actors.flatMap((a) => actors.filter((b) => b !== a).map((b) => `coop.${a}.${b}`)),
    ...actors.map((a) => `stance.${a}.topic`),
    'turn / 40',
  ];
  const { tree } = fc.letrec<{ tree: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(
      fc.integer({ min: -200, max: 200 }).map((n) => String(n / 100)),
      fc.constantFrom(...names),
    ),
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*', '<', '>=', 'and', 'or'), tie('tree')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(fc.constantFrom('min', 'max'), tie('tree'), tie('tree')).map(([f, a, b]) => `${f}(${a}, ${b})`),
      fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    ),
  }));
  return tree;
}

/** A small, valid scenario: 2-4 actors, 1-3 indicators, up to 6 rules, random expressions. */
export const smallScenario: fc.Arbitrary<ScenarioInput> = fc
  .record({ actorCount: fc.integer({ min: 2, max: 4 }), indicatorCount: fc.integer({ min: 1, max: 3 }) })
  .chain(({ actorCount, indicatorCount }) => {
    const actors = ACTORS.slice(0, actorCount);
    const indicators = INDICATORS.slice(0, indicatorCount);
    const expr = expression(actors, indicators);
    const target = fc.constantFrom(
      ...indicators.map((id) => `ind.${id}`),
      ...actors.map((a) => `stance.${a}.topic`),
      `coop.${actors[0]}.${actors[1]}`,
    );
    const effect = fc.oneof(
      fc.tuple(target, expr).map(([t, v]) => ({ add: { [t]: v } })),
      fc.tuple(target, expr).map(([t, v]) => ({ set: { [t]: v } })),
      fc.tuple(target, expr, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, goal, rate]) => ({ toward: { target: t, goal, rate } })),
    );
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    return fc.record({
      actors: fc.tuple(...actors.map((id) => fc.record({
        id: fc.constant(id),
        name: fc.constant(id),
        rationality: fc.double({ min: 0, max: 20, noNaN: true }),
        stance: fc.record({ topic: fc.double({ min: -1, max: 1, noNaN: true }) }),
        actions: fc.array(fc.record({ utility: expr, effects: fc.array(effect, { maxLength: 2 }) }), { minLength: 1, maxLength: 3 })
          .map((list) => list.map((action, i) => ({ id: `act-${i}`, title: `Action ${i}`, tends: '', ...action }))),
      }))),
      indicators: fc.tuple(...indicators.map((id) => unit.map((initial) => ({ id, title: id, initial })))),
      rules: fc.array(
        fc.record({ when: fc.option(expr, { nil: undefined }), chance: expr, once: fc.boolean(), effects: fc.array(effect, { minLength: 1, maxLength: 3 }) }),
        { maxLength: 6 },
      ).map((list) => list.map((rule, i) => ({ id: `rule-${i}`, title: `Rule ${i}`, narrative: 'n', source: 'Modelling assumption: generated', ...rule }))),
    }).map(({ actors: actorList, indicators: indicatorList, rules }): ScenarioInput => ({
      id: 'generated',
      title: 'Generated',
      version: '1',
      start: '2024-01',
      issues: [{ id: 'topic', title: 'Topic' }],
      actors: actorList,
      indicators: indicatorList,
      cooperation: { symmetric: true, default: 0.5 },
      rules,
      dynamics: [],
      outcomes: [{ id: 'any', title: 'Any' }],
    }));
  });

/** An expression over the names every small scenario has (and `flag.f`, which the scenarios that use it declare). */
export const commonExpression: fc.Arbitrary<string> = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -200, max: 200 }).map((n) => String(n / 100)),
    fc.constantFrom('ind.x', 'coop.alpha.beta', 'stance.alpha.topic', 'turn / 40', 'month / 12', 'flag.f', 'year - 2024'),
    fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*', '<', '>=', 'and', 'or'), tie('tree')).map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
})).tree;

const randomQuantity = fc.oneof(
  fc.tuple(commonExpression, commonExpression).map(([lo, hi]) => ({ uniform: [lo, hi] as [string, string] })),
  fc.array(commonExpression, { minLength: 1, maxLength: 3 }).map((choice) => ({ choice })),
  fc.integer({ min: 0, max: 8 }).map((mean) => ({ poisson: mean })),
);

/**
 * A small scenario that also uses the constructs of section 7 of
 * docs/writing-scenarios.md: available actions with a fallback, random sizes
 * and delays, `if:` on effects, a flag from an expression, a quantity on its own
 * scale, metrics over the run read by an outcome, and a month for a turn.
 */
export const richScenario: fc.Arbitrary<ScenarioInput> = fc.record({
  base: smallScenario,
  available: commonExpression,
  size: randomQuantity,
  delay: fc.oneof(randomQuantity, commonExpression, fc.integer({ min: 1, max: 6 })),
  guard: commonExpression,
  flag: commonExpression,
  tracked: commonExpression,
  low: fc.integer({ min: -5, max: 0 }),
  high: fc.integer({ min: 1, max: 40 }),
}).map(({ base, available, size, delay, guard, flag, tracked, low, high }): ScenarioInput => {
  const actors = base.actors.map((actor) => ({
    ...actor,
    fallback: 'act-0',
    actions: (actor.actions ?? []).map((action, i) => (i === 0 ? { ...action, available } : action)),
  }));
  const indicators = base.indicators.map((indicator, i) => (i === 0 ? { ...indicator, range: [low, high] as [number, number], unit: 'u' } : indicator));
  const rules = [
    ...base.rules,
    {
      id: 'random-rule',
      title: 'Random rule',
      chance: 0.5,
      effects: [
        { add: { 'ind.x': size }, if: guard },
        { schedule: { event: 'scheduled-rule', in: typeof delay === 'object' ? delay : typeof delay === 'number' ? delay : `(${delay}) * 5` } },
      ],
      narrative: 'x is {ind.x} in month {month}',
      source: 'Modelling assumption: generated',
    },
    { id: 'scheduled-rule', title: 'Scheduled', chance: 0, narrative: 'n', source: 'Modelling assumption: generated' },
  ];
  return {
    ...base,
    format: 2,
    actors,
    indicators,
    flags: { f: false },
    rules,
    dynamics: [{ flag: { f: flag } }],
    metrics: [
      { id: 'top', title: 'Top', max: tracked },
      { id: 'bottom', title: 'Bottom', min: tracked },
      { id: 'average', title: 'Average', mean: tracked },
      { id: 'held', title: 'Held', months: tracked },
      { id: 'firstRandom', title: 'First', first: 'random-rule' },
      { id: 'randoms', title: 'Count', count: 'random-rule' },
    ],
    outcomes: [{ id: 'high', title: 'High', when: 'metric.top > 0.5' }, { id: 'any', title: 'Any' }],
    interventions: [{ force: 'random-rule', turn: '2024-02' }],
  };
});

/**
 * A small scenario of format 2 whose first indicator starts at a value
 * computed from a parameter, with a variant that edits its lists with
 * `{ add, change, remove }`: it adds a rule, changes the first action of the
 * first actor and sets that indicator's start from the parameter the other way round.
 */
export const paramsAndEditScenario = fc.record({
  base: smallScenario,
  start: fc.double({ min: 0, max: 1, noNaN: true }),
  utility: commonExpression,
}).map(({ base, start, utility }) => {
  const first = base.indicators[0]!;
  const actor = base.actors[0]!;
  const input: ScenarioInput = {
    ...base,
    format: 2,
    params: { start: { value: start, range: [0, 1] } },
    flags: { f: false },
    indicators: base.indicators.map((indicator, i) => (i === 0 ? { ...indicator, initial: 'param.start' } : indicator)),
    variants: [{
      id: 'edited',
      title: 'Edited',
      changes: {
        indicators: { change: { [first.id]: { initial: '1 - param.start' } } },
        rules: { add: [{ id: 'added', title: 'Added', chance: 0.5, effects: [{ add: { [`ind.${first.id}`]: 0.01 } }], narrative: 'n', source: 'Modelling assumption: generated' }] },
        actors: { change: { [actor.id]: { actions: { change: { 'act-0': { utility: `min(1, ${utility})` } } } } } },
      },
    }],
  };
  return { input, indicator: first.id, actor: actor.id, start, utility };
});
