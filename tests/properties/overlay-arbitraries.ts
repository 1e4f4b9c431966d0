import fc from 'fast-check';
import { commonExpression, smallScenario } from './arbitraries.js';

// Generated overlays of format 2: a base scenario whose every list has entries
// an overlay can add, change or remove by id (and effects with ids), starting
// values from parameters, and variants of each kind; and the changes an
// `extends:` file (or a variant's `changes:`) makes to it, in every form of
// section 3 of docs/writing-scenarios.md.

export type Data = Record<string, unknown>;

/** One edit of a list by id, before it is written in either form. */
export interface Edit {
  readonly add: readonly Data[];
  readonly change: Readonly<Record<string, Data>>;
  readonly remove: readonly string[];
}

/** The lists of things with ids, which a plain list of changes also edits by id. */
export const ID_LISTS = ['issues', 'actors', 'indicators', 'rules', 'metrics', 'outcomes', 'variants'] as const;
export type IdList = (typeof ID_LISTS)[number];

/** What an overlay changes: an edit of each list, and the maps and lists it merges or replaces. */
export interface Changes {
  readonly lists: Readonly<Partial<Record<IdList | 'dynamics', Edit>>>;
  readonly params?: Readonly<Record<string, number>>;
  readonly cooperation?: Data;
  readonly interventions?: readonly Data[];
}

/** An edit written as `{ add, change, remove }`, with only the parts it uses (`{ change: {} }` when none). */
export function asEditMap(edit: Edit): Data {
  const map: Data = {
    ...(edit.add.length > 0 ? { add: edit.add } : {}),
    ...(Object.keys(edit.change).length > 0 ? { change: edit.change } : {}),
    ...(edit.remove.length > 0 ? { remove: edit.remove } : {}),
  };
  return Object.keys(map).length > 0 ? map : { change: {} };
}

/** The same edit as a plain list of changes by id (format 1's form), in the order the edit map is read. */
export function asChangeList(edit: Edit): Data[] {
  return [
    ...edit.add,
    ...Object.entries(edit.change).map(([id, fields]) => ({ id, ...fields })),
    ...edit.remove.map((id) => ({ id, remove: true })),
  ];
}

/** The data an extending file (or a variant's `changes:`) holds for these changes. */
export function overlayData(changes: Changes, form: 'map' | 'list' = 'map'): Data {
  const lists = Object.entries(changes.lists).map(([key, edit]) =>
    [key, form === 'list' && key !== 'dynamics' ? asChangeList(edit) : asEditMap(edit)] as const);
  return {
    ...Object.fromEntries(lists),
    ...(changes.params === undefined ? {} : { params: changes.params }),
    ...(changes.cooperation === undefined ? {} : { cooperation: changes.cooperation }),
    ...(changes.interventions === undefined ? {} : { interventions: changes.interventions }),
  };
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const SOURCE = 'Modelling assumption: generated';

function rule(id: string, effects: readonly Data[]): Data {
  return { id, title: id, chance: 0.5, effects, narrative: 'n', source: SOURCE };
}

/**
 * A base scenario of format 2: a generated small scenario whose effects all
 * have ids, with two parameters that starting values read (an indicator, a
 * stance, a salience, an attribute, a cooperation level), an unused issue, actor and indicator that an
 * overlay may remove, two lines of dynamics (one alone moves `ind.spare`), two
 * metrics, an outcome before the catch-all, and three variants: one with
 * parameters, one with an intervention, one with `changes:`.
 */
export const overlayBase: fc.Arbitrary<Data> = fc.record({ small: smallScenario, p: unit, q: unit, fast: unit, set: unit })
  .map(({ small, p, q, fast, set }): Data => {
    const withIds = (owner: string, effects: readonly unknown[] = []) => effects.map((effect, i) => ({ id: `${owner}-e${i}`, ...(effect as Data) }));
    const actors = small.actors.map((actor, a) => ({
      ...actor,
      fallback: 'act-0',
      ...(a === 0 ? { stance: { topic: 'param.p * 2 - 1' }, salience: { topic: 'param.q' }, attrs: { capability: 'param.p' } } : {}),
      actions: (actor.actions ?? []).map((action) => ({ ...action, effects: withIds(`${actor.id}-${action.id}`, action.effects) })),
    }));
    return {
      ...small,
      format: 2,
      params: { p, q },
      issues: [...small.issues, { id: 'spareIssue', title: 'Spare' }],
      actors: [...actors, { id: 'omega', name: 'Omega', fallback: 'act-0', actions: [{ id: 'act-0', title: 'Wait', tends: '', utility: 0 }] }],
      indicators: [...small.indicators, { id: 'spare', title: 'Spare', initial: 'param.q' }, { id: 'unused', title: 'Unused', initial: 0.3 }],
      cooperation: { symmetric: true, default: 0.5, initial: { alpha: { beta: 'param.p' } } },
      flags: { f: false },
      rules: small.rules.map((item) => ({ ...item, effects: withIds(item.id, item.effects) })),
      dynamics: [{ id: 'd-spare', add: { 'ind.spare': 0.01 } }, { id: 'd-x', toward: { target: 'ind.x', goal: 0.5, rate: 0.05 } }],
      metrics: [{ id: 'mX', title: 'X', value: 'ind.x' }, { id: 'mTop', title: 'Top', max: 'ind.x' }],
      outcomes: [{ id: 'high', title: 'High', when: 'ind.x > 0.5' }, { id: 'any', title: 'Any' }],
      variants: [
        { id: 'fast', title: 'Fast', params: { p: fast } },
        { id: 'forced', title: 'Forced', interventions: [{ set: 'ind.x', value: set, turn: 1 }] },
        {
          id: 'edited',
          title: 'Edited',
          changes: {
            rules: { add: [rule('v-added', [{ id: 'v-e0', add: { 'ind.x': 0.01 } }])] },
            indicators: { change: { x: { initial: '1 - param.p' } } },
          },
        },
      ],
    };
  });

const ids = (list: unknown): string[] => ((list ?? []) as Data[]).map((item) => item.id as string);

/** An edit: some removable ids removed, some of the other ids changed, and some items added. */
function editOf(removable: readonly string[], all: readonly string[], fields: (id: string) => fc.Arbitrary<Data>, added: fc.Arbitrary<Data[]>): fc.Arbitrary<Edit> {
  return fc.subarray([...removable]).chain((remove) => {
    const kept = all.filter((id) => !remove.includes(id));
    return fc.record({
      change: fc.subarray(kept).chain((chosen) => fc.tuple(...chosen.map(fields)).map((each) => Object.fromEntries(chosen.map((id, i) => [id, each[i]!])))),
      add: added,
    }).map(({ change, add }): Edit => ({ add, change, remove }));
  });
}

/** Some of the given fields, at least one. */
function someOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Data> {
  return fc.record(fields, { requiredKeys: [] }).filter((value) => Object.keys(value).length > 0);
}

/** An edit of an effect list: each change keeps the effect's kind (add, set, toward, flag, schedule). */
function effectEdit(effects: readonly Data[], owner: string): fc.Arbitrary<Data> {
  const change = (id: string): fc.Arbitrary<Data> => {
    const effect = effects.find((item) => item.id === id)!;
    if ('toward' in effect) return unit.map((rate) => ({ toward: { rate } }));
    const kind = 'add' in effect ? 'add' : 'set';
    const [target] = Object.keys(effect[kind] as Data);
    return someOf({ [kind]: commonExpression.map((value) => ({ [target!]: value })), if: fc.option(commonExpression, { nil: null }) });
  };
  const added = fc.array(fc.tuple(commonExpression, fc.option(commonExpression, { nil: undefined })), { maxLength: 1 })
    .map((list) => list.map(([value, guard]) => ({ id: `extra-${owner}`, add: { 'ind.x': value }, ...(guard === undefined ? {} : { if: guard }) })));
  return editOf(ids(effects), ids(effects), change, added).map(asEditMap);
}

/** An action an overlay adds, available only sometimes. */
const newAction = fc.tuple(commonExpression, commonExpression).map(([utility, available]): Data =>
  ({ id: 'act-new', title: 'New', tends: '', utility, available, effects: [{ id: 'act-new-e0', add: { 'ind.x': 0.02 } }] }));

function actorChange(actor: Data): fc.Arbitrary<Data> {
  const actions = actor.actions as Data[];
  const action = (id: string) => someOf({
    utility: commonExpression,
    available: fc.option(commonExpression, { nil: null }),
    title: fc.constant(`Changed ${id}`),
    effects: effectEdit((actions.find((item) => item.id === id)!.effects ?? []) as Data[], `${actor.id}-${id}`),
  });
  return someOf({
    rationality: fc.double({ min: 0, max: 10, noNaN: true }),
    stance: fc.constantFrom('param.q * 2 - 1', '-param.p', 0.25).map((topic) => ({ topic })),
    salience: fc.constantFrom('min(param.p, param.q)', 0.7).map((topic) => ({ topic })),
    attrs: fc.constantFrom('1 - param.p', 0.4).map((capability) => ({ capability })),
    // act-0 is the fallback, so it stays.
    actions: editOf(ids(actions).filter((id) => id !== 'act-0'), ids(actions), action, fc.array(newAction, { maxLength: 1 })).map(asEditMap),
  });
}

function ruleChange(item: Data): fc.Arbitrary<Data> {
  return someOf({
    chance: commonExpression,
    when: fc.option(commonExpression, { nil: null }),
    once: fc.boolean(),
    title: fc.constant(`Changed ${String(item.id)}`),
    effects: effectEdit(item.effects as Data[], String(item.id)),
  });
}

/** The starting values from parameters that generated scenarios write, and what each is for parameters `p`. */
export const FROM_PARAMS: Readonly<Record<string, (p: Readonly<Record<string, number>>) => number>> = {
  'param.p': (p) => p.p!,
  'param.q': (p) => p.q!,
  '1 - param.p': (p) => 1 - p.p!,
  '1 - param.q': (p) => 1 - p.q!,
  'min(param.p, param.q)': (p) => Math.min(p.p!, p.q!),
  'param.p * 2 - 1': (p) => p.p! * 2 - 1,
  'param.q * 2 - 1': (p) => p.q! * 2 - 1,
  '-param.p': (p) => -p.p!,
};

const startingValue = fc.oneof(unit, fc.constantFrom('param.p', '1 - param.q', 'min(param.p, param.q)'));

/** Every kind of change an extending file can make to a base from `overlayBase`, including `variants` when `withVariants`. */
export function changesOf(base: Data, withVariants = true): fc.Arbitrary<Changes> {
  const actors = base.actors as Data[];
  const rules = base.rules as Data[];
  const list = (key: string) => ids(base[key]);
  const lists = {
    issues: editOf(['spareIssue'], list('issues'), (id) => fc.constant({ title: `Changed ${id}` }), fc.array(fc.constant({ id: 'newIssue', title: 'New' }), { maxLength: 1 })),
    actors: editOf(['omega'], list('actors'), (id) => actorChange(actors.find((item) => item.id === id)!),
      fc.array(fc.constant({ id: 'epsilon', name: 'Epsilon', fallback: 'act-0', actions: [{ id: 'act-0', title: 'Wait', tends: '', utility: 0 }] }), { maxLength: 1 })),
    indicators: editOf(['unused'], list('indicators'), () => fc.record({ initial: startingValue }), fc.array(unit.map((initial) => ({ id: 'w', title: 'W', initial })), { maxLength: 1 })),
    rules: editOf(list('rules'), list('rules'), (id) => ruleChange(rules.find((item) => item.id === id)!),
      fc.array(commonExpression.map((chance) => ({ ...rule('new-rule', [{ id: 'new-rule-e0', add: { 'ind.x': 0.03 } }, { id: 'new-rule-e1', flag: { f: true } }]), chance })), { maxLength: 1 })),
    metrics: editOf(['mX'], list('metrics'), (id) => fc.constant(id === 'mX' ? { value: 'ind.spare' } : { max: 'ind.spare' }),
      fc.array(fc.constant({ id: 'mNew', title: 'New', min: 'ind.x' }), { maxLength: 1 })),
    outcomes: editOf(['high'], list('outcomes'), (id) => (id === 'high' ? commonExpression.map((when) => ({ when })) : fc.constant({ title: 'Changed' })),
      fc.array(fc.constant({ id: 'low', title: 'Low', when: 'ind.x < 0.2' }), { maxLength: 1 })),
    dynamics: editOf(['d-spare', 'd-x'], ['d-spare', 'd-x'], (id) => (id === 'd-spare'
      ? fc.double({ min: -0.05, max: 0.05, noNaN: true }).map((value) => ({ add: { 'ind.spare': value } }))
      : unit.map((rate) => ({ toward: { rate } }))), fc.array(fc.constant({ id: 'd-new', add: { 'ind.x': -0.01 } }), { maxLength: 1 })),
    ...(withVariants ? {
      variants: editOf(['fast', 'forced', 'edited'], list('variants'), (id) => (id === 'fast'
        ? unit.map((p) => ({ params: { p } }))
        : id === 'forced' ? unit.map((value) => ({ interventions: [{ set: 'ind.x', value, turn: 2 }] }))
          // What a base's variant changes is data of the variant: it merges key by key like any map (a key it lacks here).
          : fc.constantFrom({ title: 'Changed' }, { changes: { dynamics: { add: [{ id: 'v-more', add: { 'ind.x': 0.01 } }] } } })),
      fc.array(unit.map((p) => ({ id: 'new-variant', title: 'New', params: { q: p }, changes: { dynamics: { add: [{ id: 'v-line', add: { 'ind.x': 0.02 } }] } } })), { maxLength: 1 })),
    } : {}),
  };
  return fc.record({
    lists: fc.record(lists, { requiredKeys: [] }),
    params: fc.option(fc.record({ p: unit, q: unit, r: unit }, { requiredKeys: [] }), { nil: undefined }),
    cooperation: fc.option(fc.oneof(fc.constant({ initial: { alpha: { beta: 'param.q' } } }), unit.map((value) => ({ default: value }))), { nil: undefined }),
    interventions: fc.option(fc.tuple(unit, fc.integer({ min: 1, max: 3 })).map(([value, turn]) => [{ set: 'ind.x', value, turn }]), { nil: undefined }),
  }, { requiredKeys: ['lists'] });
}

/** A base and changes to it. */
export const baseAndChanges = overlayBase.chain((base) => changesOf(base).map((changes) => ({ base, changes })));
