import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/engine/hash.js';
import { run, runFast } from '../../src/engine/run.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { scenarioSchema } from '../../src/scenarios/format.js';
import { readScenarioFile } from '../../src/scenarios/load.js';
import { hashes } from '../helpers.js';
import {
  asEditMap, baseAndChanges, changesOf, type Changes, type Data, ID_LISTS, overlayBase, overlayData,
} from './overlay-arbitraries.js';
import { anySeed as seed, everyVariant, overlayFiles, renamedHash, SETTINGS as settings, someTurns as turns } from './overlay-files.js';

// The laws of overlays and of variants with `changes:`: what changes nothing
// leaves the scenario hash, what is added and then removed gives it back, a
// variant's changes run as the same changes in an extending file, and what is
// removed is never seen in a run.

const { write, merged } = overlayFiles();

describe('overlays that change nothing', () => {
  /** Every list edited with nothing to do, in each way that can be written, and nested edits the same. */
  const EMPTY_EDITS: Data[] = [
    {},
    { rules: { add: [] }, dynamics: { remove: [] }, actors: { change: {} } },
    { issues: [], indicators: [], rules: [], metrics: [], outcomes: [], variants: [], actors: [] },
    { rules: { change: {} }, metrics: { add: [], remove: [] }, outcomes: { change: {} }, variants: { add: [] }, issues: { remove: [] } },
    { actors: { change: { alpha: { actions: { remove: [] } } } }, rules: { change: {} } },
    // The empty edit map, at the top and nested. (Inside a variant's `changes:`, which is data of the variant,
    // only keys it already has: a new key, even `{}`, is new data of the variant and so part of its hash.)
    { issues: {}, actors: {}, indicators: {}, rules: {}, metrics: {}, outcomes: {}, variants: {}, dynamics: {} },
    { actors: { change: { alpha: { actions: {} } } }, variants: { change: { edited: { changes: { rules: {}, indicators: {} } } } } },
  ];

  it('leave the scenario hash of the base (under the overlay\'s id), with every variant, whatever empty edit they write', () => {
    fc.assert(fc.property(overlayBase, fc.constantFrom(...EMPTY_EDITS), (base, overlay) => {
      const { spec } = merged(base, overlay);
      for (const scenario of everyVariant(spec)) expect(scenario.hash).toBe(renamedHash(base, 'child-0', scenario.variant));
    }), { ...settings, numRuns: 30 });
  });

  it('leave the hash unchanged when they change entries to the values they have', () => {
    const sameValues = overlayBase.chain((base) => fc.record(Object.fromEntries([...ID_LISTS, 'dynamics'].map((key) => {
      const items = base[key] as Data[];
      // Each chosen entry changed in some of its own fields, to their own values.
      const change = fc.subarray(items).chain((chosen) => fc.tuple(...chosen.map((item) => fc.subarray(Object.keys(item).filter((field) => field !== 'id'))))
        .map((fields) => Object.fromEntries(chosen.map((item, i) => [item.id as string, Object.fromEntries(fields[i]!.map((field) => [field, item[field]]))]))));
      return [key, change.map((entries) => asEditMap({ add: [], change: entries, remove: [] }))];
    }))).map((overlay) => ({ base, overlay })));
    fc.assert(fc.property(sameValues, ({ base, overlay }) => {
      const { spec, baseSpec } = merged(base, overlay);
      expect({ ...spec, id: baseSpec.id }).toEqual(baseSpec);
      for (const scenario of everyVariant(spec)) expect(scenario.hash).toBe(renamedHash(base, 'child-0', scenario.variant));
    }), { ...settings, numRuns: 30 });
  });

  it('give back the base\'s hash when a second overlay removes what a first one added', () => {
    fc.assert(fc.property(baseAndChanges, ({ base, changes }) => {
      // Nested lists too: an action of the first actor, and an effect of the first rule when there is one.
      const firstRule = (base.rules as Data[])[0]?.id as string | undefined;
      const nested = (edit: (id: string, add: Data) => Data): Partial<Record<string, Data>> => ({
        actors: { alpha: { actions: edit('act-new', { id: 'act-new', title: 'New', tends: '', utility: 0.1, available: 'ind.x > 0.5' }) } },
        ...(firstRule === undefined ? {} : { rules: { [firstRule]: { effects: edit('nested-e', { id: 'nested-e', add: { 'ind.x': 0.01 } }) } } }),
      });
      const added = nested((_, add) => ({ add: [add] }));
      const taken = nested((id) => ({ remove: [id] }));
      const keys = [...new Set([...Object.keys(changes.lists), ...Object.keys(added)])] as (keyof Changes['lists'])[];
      const additions: Changes = {
        lists: Object.fromEntries(keys.map((key) => [key, { add: changes.lists[key]?.add ?? [], change: (added[key] ?? {}) as Record<string, Data>, remove: [] }])),
      };
      const removals: Changes = {
        lists: Object.fromEntries(keys.map((key) => [key, {
          add: [], change: (taken[key] ?? {}) as Record<string, Data>, remove: (changes.lists[key]?.add ?? []).map((item) => item.id as string),
        }])),
      };
      const paths = write(base, overlayData(additions), overlayData(removals));
      const spec = readScenarioFile(paths[2]!);
      const once = readScenarioFile(write(base, {})[1]!);
      expect({ ...spec, id: once.id }).toEqual(once);
      for (const scenario of everyVariant(spec)) {
        expect(scenario.hash).toBe(renamedHash(base, 'child-1', scenario.variant));
      }
    }), { ...settings, numRuns: 30 });
  });
});

describe('variants with `changes:`', () => {
  const generated = overlayBase.chain((base) => fc.record({
    base: fc.constant(base),
    changes: changesOf(base, false),
    form: fc.constantFrom('map' as const, 'list' as const),
    params: fc.option(fc.record({ p: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined }),
    at: fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 4 })), { nil: undefined }),
    seed,
    turns,
  }));

  it('run exactly as the base extended by a file with the same changes, with the variant\'s parameters and interventions', () => {
    fc.assert(fc.property(generated, ({ base, changes, form, params, at, seed: s, turns: t }) => {
      const plain = {
        title: 'As a variant',
        ...(params === undefined ? {} : { params }),
        ...(at === undefined ? {} : { interventions: [{ set: 'ind.x', value: at[0], turn: at[1] }] }),
      };
      const withVariant = { ...base, variants: [...(base.variants as Data[]), { id: 'as-variant', ...plain, changes: overlayData(changes, form) }] };
      const [basePath] = write(withVariant);
      const variant = compileScenario(readScenarioFile(basePath!), 'as-variant');
      const overlay = { ...overlayData(changes), variants: { add: [{ id: 'as-variant', ...plain }] } };
      const extended = compileScenario(merged(base, overlay).spec, 'as-variant');
      const history = run(variant, { seed: s, turns: t });
      expect(hashes(history)).toEqual(hashes(run(extended, { seed: s, turns: t })));
      expect(history.kept.map((turn) => turn.events.map((event) => event.id)))
        .toEqual(run(extended, { seed: s, turns: t }).kept.map((turn) => turn.events.map((event) => event.id)));
      expect(hashOf(runFast(variant, { seed: s, turns: t }).state)).toBe(history.kept[t]!.hash);
      // The variant is no part of the base's identity: its changes do not reach the base.
      expect(compileScenario(readScenarioFile(basePath!)).hash).toBe(compileScenario(scenarioSchema.parse(base)).hash);
    }), { ...settings, numRuns: 30 });
  });
});

describe('what an overlay removes', () => {
  const generated = fc.record({ input: baseAndChanges, seeds: fc.array(seed, { minLength: 3, maxLength: 3 }), turns });

  it('never fires, is never chosen, never moves a value and is never an outcome, over seeds', () => {
    fc.assert(fc.property(generated, ({ input: { base, changes }, seeds, turns: t }) => {
      const { spec } = merged(base, overlayData(changes));
      const removed = (key: keyof Changes['lists']) => changes.lists[key]?.remove ?? [];
      const actions = Object.fromEntries(Object.entries(changes.lists.actors?.change ?? {})
        .map(([actor, fields]) => [actor, ((fields.actions as Data | undefined)?.remove as string[] | undefined) ?? []]));
      const spareStays = removed('dynamics').includes('d-spare');
      for (const scenario of everyVariant(spec)) {
        for (const s of seeds) {
          const history = run(scenario, { seed: s, turns: t });
          for (const turn of history.kept) {
            for (const event of turn.events) expect(removed('rules')).not.toContain(event.id);
            for (const decision of turn.decisions) {
              expect(removed('actors')).not.toContain(decision.actor);
              expect(actions[decision.actor] ?? []).not.toContain(decision.action);
            }
            for (const id of removed('rules')) expect(turn.state.events[id]).toBeUndefined();
            for (const id of removed('actors')) expect(turn.state.actors[id]).toBeUndefined();
            for (const id of removed('indicators')) expect(turn.state.indicators[id]).toBeUndefined();
            // Only the line `d-spare` moves `ind.spare`; without it the value stays where it started.
            if (spareStays) expect(turn.state.indicators.spare).toBe(history.kept[0]!.state.indicators.spare);
          }
          expect(hashOf(runFast(scenario, { seed: s, turns: t }).state)).toBe(history.kept[t]!.hash);
        }
        for (const id of removed('metrics')) expect(scenario.metrics.map((metric) => metric.id)).not.toContain(id);
        for (const id of removed('outcomes')) expect(scenario.outcomes.map((item) => item.id)).not.toContain(id);
        for (const id of removed('rules')) expect(scenario.rules.map((item) => item.id)).not.toContain(id);
      }
    }), { ...settings, numRuns: 25 });
  });
});
