import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions } from '../../src/engine/decide.js';
import { hashOf } from '../../src/engine/hash.js';
import { parseRecord, recordOf, replay } from '../../src/engine/record.js';
import { run, runFast } from '../../src/engine/run.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, readScenarioFile } from '../../src/scenarios/load.js';
import { hashes, numbersOf } from '../helpers.js';
import { baseAndChanges, type Changes, type Data, FROM_PARAMS, ID_LISTS, overlayData } from './overlay-arbitraries.js';
import { anySeed as seed, byId, everyVariant, overlayFiles, SETTINGS as settings, someTurns as turns } from './overlay-files.js';

// Properties of `extends:` overlays on generated scenarios: every list edited
// by id in both of its forms, effects by id, parameters, starting values from
// parameters, available actions, cooperation, interventions and variants.

const { write, merged } = overlayFiles();

describe('overlays on generated scenarios, editing every list by id', () => {
  const generated = fc.record({ input: baseAndChanges, seed, turns });

  it('merge deterministically into a scenario that validates, compiles under every variant and runs the same on both paths', () => {
    fc.assert(fc.property(generated, ({ input: { base, changes }, seed: s, turns: t }) => {
      const overlay = overlayData(changes);
      const { spec } = merged(base, overlay);
      expect(merged(base, overlay).spec).toEqual(spec);
      for (const scenario of everyVariant(spec)) {
        expect(compileScenario(spec, scenario.variant).hash).toBe(scenario.hash);
        const history = run(scenario, { seed: s, turns: t });
        for (let turn = 1; turn <= t; turn += 1) {
          const { state, decisions } = history.kept[turn]!;
          const outside = numbersOf(state).filter(({ where, value }) => {
            const target = scenario.target(where)!;
            return !(Number.isFinite(value) && value >= target.min && value <= target.max);
          });
          expect(outside).toEqual([]);
          // Available actions an overlay adds or changes are respected like the base's.
          const before = history.kept[turn - 1]!.state;
          const unavailable = decisions.filter((decision) => {
            const actor = scenario.actors.find((item) => item.id === decision.actor)!;
            return !availableActions(actor, before, { choices: before.actions, turn })[actor.actions.findIndex((action) => action.id === decision.action)];
          });
          expect(unavailable).toEqual([]);
        }
        expect(hashes(run(scenario, { seed: s, turns: t }))).toEqual(hashes(history));
        expect(hashOf(runFast(scenario, { seed: s, turns: t }).state)).toBe(history.kept[t]!.hash);
        expect(replay(parseRecord(JSON.stringify(recordOf(history))), scenario).ok).toBe(true);
      }
    }), { ...settings, numRuns: 30 });
  });

  it('remove, change and add exactly the entries named, and keep every other entry as the base has it', () => {
    fc.assert(fc.property(baseAndChanges, ({ base, changes }) => {
      const { spec, baseSpec } = merged(base, overlayData(changes));
      for (const key of [...ID_LISTS, 'dynamics'] as const) {
        const edit = changes.lists[key];
        const before = baseSpec[key] as readonly Data[];
        const after = spec[key] as readonly Data[];
        if (edit === undefined) {
          expect(after, key).toEqual(before);
          continue;
        }
        const kept = before.map((item) => item.id as string).filter((id) => !edit.remove.includes(id));
        const added = edit.add.map((item) => item.id as string);
        // A new outcome goes before the catch-all, which stays last.
        const order = key === 'outcomes' ? [...kept.slice(0, -1), ...added, ...kept.slice(-1)] : [...kept, ...added];
        expect(after.map((item) => item.id), key).toEqual(order);
        for (const id of kept) {
          const fields = edit.change[id];
          if (fields === undefined) {
            expect(byId(after, id), `${key} ${id}`).toEqual(byId(before, id));
            continue;
          }
          for (const [field, value] of Object.entries(fields)) {
            // Plain values replace the base's, null removes the field; maps and edits merge (checked below for starting values).
            if (value === null) expect(byId(after, id)![field], `${key} ${id}.${field}`).toBeUndefined();
            else if (typeof value !== 'object') expect(byId(after, id)![field], `${key} ${id}.${field}`).toBe(value);
          }
        }
      }
      for (const [name, value] of Object.entries({ ...(base.params as Data), ...changes.params })) expect(spec.params[name]).toBe(value);
    }), { ...settings, numRuns: 40 });
  });

  it('mean the same written as `{ add, change, remove }` or as a list of changes by id', () => {
    fc.assert(fc.property(baseAndChanges, ({ base, changes }) => {
      const asMap = merged(base, overlayData(changes, 'map')).spec;
      const asList = merged(base, overlayData(changes, 'list')).spec;
      expect(asList).toEqual(asMap);
      expect(compileScenario(asList).hash).toBe(compileScenario(asMap).hash);
    }), { ...settings, numRuns: 30 });
  });

  it('start runs from the starting values the overlay writes, read with the parameters of the overlay, the variant and a sweep', () => {
    fc.assert(fc.property(baseAndChanges, fc.double({ min: 0, max: 1, noNaN: true }), ({ base, changes }, swept) => {
      const { spec } = merged(base, overlayData(changes));
      const params = { ...(base.params as Record<string, number>), ...changes.params };
      const fast = byId(spec.variants, 'fast');
      const x = (base.indicators as Data[])[0]!.initial;
      const cases: { variant: string | null; p: Record<string, number>; overrides?: Record<string, number>; x?: string }[] = [
        { variant: null, p: params },
        { variant: null, p: { ...params, q: swept }, overrides: { q: swept } },
        ...(fast === undefined ? [] : [{ variant: 'fast', p: { ...params, ...fast.params } }]),
        // The variant's changes apply after the overlay's.
        ...(byId(spec.variants, 'edited') === undefined ? [] : [{ variant: 'edited', p: params, x: '1 - param.p' }]),
      ];
      const alpha = changes.lists.actors?.change.alpha ?? {};
      const written = (source: unknown, p: Record<string, number>) => (typeof source === 'number' ? source : FROM_PARAMS[source as string]!(p));
      for (const { variant, p, overrides, x: variantX } of cases) {
        const initial = compileScenario(spec, variant, overrides).initial;
        const indicators = {
          x, spare: 'param.q',
          ...Object.fromEntries(Object.entries(changes.lists.indicators?.change ?? {}).map(([id, fields]) => [id, fields.initial])),
          ...(variantX === undefined ? {} : { x: variantX }),
        };
        for (const [id, source] of Object.entries(indicators)) expect(initial.indicators[id], id).toBeCloseTo(written(source, p), 6);
        expect(initial.actors.alpha!.stance.topic).toBeCloseTo(written((alpha.stance as Data | undefined)?.topic ?? 'param.p * 2 - 1', p), 6);
        expect(initial.actors.alpha!.salience.topic).toBeCloseTo(written((alpha.salience as Data | undefined)?.topic ?? 'param.q', p), 6);
        expect(initial.actors.alpha!.attrs.capability).toBeCloseTo(written((alpha.attrs as Data | undefined)?.capability ?? 'param.p', p), 6);
        expect(initial.coop.alpha!.beta).toBeCloseTo(written(changes.cooperation?.initial === undefined ? 'param.p' : 'param.q', p), 6);
      }
    }), { ...settings, numRuns: 40 });
  });

  it('mean the same in a chain of two files as in one file with both files\' changes, when they edit different lists', () => {
    fc.assert(fc.property(baseAndChanges, fc.nat(), ({ base, changes }, cut) => {
      const keys = Object.keys(changes.lists) as (keyof Changes['lists'])[];
      const split = cut % (keys.length + 1);
      const pick = (chosen: readonly string[]): Changes['lists'] => Object.fromEntries(Object.entries(changes.lists).filter(([key]) => chosen.includes(key)));
      const first: Changes = { ...changes, lists: pick(keys.slice(0, split)) };
      const second: Changes = { lists: pick(keys.slice(split)) };
      const chained = readScenarioFile(write(base, overlayData(first), overlayData(second))[2]!);
      const once = readScenarioFile(write(base, {}, overlayData(changes))[2]!);
      expect(chained).toEqual(once);
    }), { ...settings, numRuns: 30 });
  });
});

describe('overlays of the built-in niger-2024', () => {
  const niger = builtinSpec('niger-2024');
  const ranged = Object.entries(niger.params).flatMap(([name, param]) =>
    (typeof param === 'object' && param.range !== undefined ? [[name, param.range] as const] : []));
  const edit = fc.record({
    chances: fc.subarray(niger.rules.map((rule) => rule.id)).chain((ids) => fc.tuple(...ids.map(() => fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom('0.5 * ind.insurgency', 'min(1, 2 * ind.russianPresence)'),
    ))).map((chances) => Object.fromEntries(ids.map((id, i) => [id, { chance: chances[i] }])))),
    // `{ value }` keeps the declared range; a plain number would replace the whole declaration.
    params: fc.subarray(ranged).chain((chosen) => fc.tuple(...chosen.map(([, [lo, hi]]) => fc.double({ min: lo, max: hi, noNaN: true })))
      .map((values) => Object.fromEntries(chosen.map(([name], i) => [name, { value: values[i] }])))),
    drift: fc.double({ min: -0.02, max: 0.02, noNaN: true }),
  });

  it('run deterministically and the same on both paths, and one that changes nothing has niger-2024\'s hash under its own id', () => {
    fc.assert(fc.property(edit, seed, fc.integer({ min: 1, max: 24 }), ({ chances, params, drift }, s, t) => {
      const spec = readScenarioFile(write('niger-2024', {
        params,
        rules: { change: chances, add: [{ id: 'extra-rule', title: 'Extra', chance: 0.05, effects: [{ id: 'extra-e', add: { 'ind.insurgency': 0.02 } }], narrative: 'n', source: 'Modelling assumption: generated' }] },
        dynamics: { add: [{ id: 'extra-drift', add: { 'ind.insurgency': drift } }] },
      })[1]!);
      for (const [name, { value }] of Object.entries(params)) expect(spec.params[name]).toMatchObject({ value, range: (niger.params[name] as { range: unknown }).range });
      expect(spec.dynamics).toHaveLength(niger.dynamics.length + 1);
      const scenario = compileScenario(spec);
      const history = run(scenario, { seed: s, turns: t });
      expect(hashes(run(scenario, { seed: s, turns: t }))).toEqual(hashes(history));
      expect(hashOf(runFast(scenario, { seed: s, turns: t }).state)).toBe(history.kept[t]!.hash);
      expect(replay(parseRecord(JSON.stringify(recordOf(history))), scenario).ok).toBe(true);
      const unchanged = readScenarioFile(write('niger-2024', { rules: {}, dynamics: { add: [] }, params: {} })[1]!);
      expect(compileScenario(unchanged).hash).toBe(compileScenario({ ...niger, id: 'child-0' }).hash);
    }), { ...settings, numRuns: 20 });
  });
});
