import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableActions } from '../../src/engine/decide.js';
import { hashOf } from '../../src/engine/hash.js';
import { advanceTo, branch, startHistory } from '../../src/engine/history.js';
import { MAX_SEED } from '../../src/engine/random.js';
import { parseRecord, recordOf, replay } from '../../src/engine/record.js';
import { outcomeOf } from '../../src/engine/outcome.js';
import { run, runFast } from '../../src/engine/run.js';
import type { Intervention, Scenario } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { scenarioSchema } from '../../src/scenarios/format.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { hashes, numbersOf } from '../helpers.js';
import { intervention, paramsAndEditScenario, richScenario, smallScenario } from './arbitraries.js';

// Fixed seeds and bounded case counts keep CI reproducible and within minutes.
const settings = { seed: 20240424, numRuns: 120 };
const niger = loadScenario('niger-2024');
const seed = fc.integer({ min: 0, max: MAX_SEED });
const runSpec = fc.integer({ min: 1, max: 30 }).chain((turns) =>
  fc.record({ seed, turns: fc.constant(turns), interventions: fc.array(intervention(turns), { maxLength: 6 }) }));

function expectInRange(scenario: Scenario, options: { seed: number; turns: number; interventions: readonly Intervention[] }) {
  const history = run(scenario, options);
  for (const turn of history.kept) {
    for (const { where, value, min, max } of numbersOf(turn.state)) {
      if (!(Number.isFinite(value) && value >= min && value <= max)) {
        throw new Error(`turn ${turn.turn}: ${where} = ${value}`);
      }
    }
  }
  return history;
}

describe('the engine, for any seed, horizon and interventions on niger-2024', () => {
  it('keeps every value in range and finite', () => {
    fc.assert(fc.property(runSpec, (options) => {
      expectInRange(niger, options);
    }), settings);
  });

  it('is deterministic', () => {
    fc.assert(fc.property(runSpec, (options) => {
      expect(hashes(run(niger, options))).toEqual(hashes(run(niger, options)));
    }), settings);
  });

  it('writes records that replay and verify', () => {
    fc.assert(fc.property(runSpec, (options) => {
      const record = parseRecord(JSON.stringify(recordOf(run(niger, options))));
      expect(replay(record, niger).ok).toBe(true);
    }), settings);
  });

  it('gives a branch its parent\'s states before the fork', () => {
    fc.assert(fc.property(runSpec, fc.nat(), (options, at) => {
      const parent = advanceTo(startHistory(niger, options.seed, options.turns, options.interventions));
      const fork = at % (options.turns + 1);
      const later = options.interventions
        .filter((item) => (item.kind === 'block' ? item.from : item.turn) > fork);
      const child = advanceTo(branch(parent, fork, later.map((item) => ({ ...item }))));
      expect(hashes(child).slice(0, fork + 1)).toEqual(hashes(parent).slice(0, fork + 1));
    }), settings);
  });

  it('gives the same final state on the batch path as on the interactive path', () => {
    fc.assert(fc.property(runSpec, (options) => {
      const interactive = run(niger, options);
      expect(hashOf(runFast(niger, options).state)).toBe(interactive.kept[options.turns]!.hash);
    }), settings);
  });
});

describe('the engine, on generated small scenarios', () => {
  const generated = fc.record({ input: smallScenario, seed, turns: fc.integer({ min: 1, max: 24 }) });

  it('compiles them, keeps every value in range, and runs them deterministically on both paths', () => {
    fc.assert(fc.property(generated, ({ input, seed: s, turns }) => {
      const scenario = compileScenario(scenarioSchema.parse(input));
      const history = expectInRange(scenario, { seed: s, turns, interventions: [] });
      expect(hashes(run(scenario, { seed: s, turns }))).toEqual(hashes(history));
      expect(hashOf(runFast(scenario, { seed: s, turns }).state)).toBe(history.kept[turns]!.hash);
      const record = parseRecord(JSON.stringify(recordOf(history)));
      expect(replay(record, scenario).ok).toBe(true);
    }), { ...settings, numRuns: 200 });
  });
});

describe('the engine, on generated scenarios that use available actions, random quantities, run metrics, dates and scales', () => {
  const generated = fc.record({ input: richScenario, seed, turns: fc.integer({ min: 1, max: 24 }) });

  it('keeps values within their declared ranges, never chooses an unavailable action, and runs deterministically on both paths', () => {
    fc.assert(fc.property(generated, ({ input, seed: s, turns }) => {
      const scenario = compileScenario(scenarioSchema.parse(input));
      const history = run(scenario, { seed: s, turns });
      for (let t = 1; t <= turns; t += 1) {
        const { state, decisions } = history.kept[t]!;
        for (const { where, value } of numbersOf(state)) {
          const target = scenario.target(where)!;
          expect(value >= target.min && value <= target.max && Number.isFinite(value), `${where} = ${value}`).toBe(true);
        }
        for (const decision of decisions) {
          const actor = scenario.actors.find((item) => item.id === decision.actor)!;
          const open = availableActions(actor, history.kept[t - 1]!.state, { choices: history.kept[t - 1]!.state.actions, turn: t });
          expect(open[actor.actions.findIndex((action) => action.id === decision.action)]).toBe(true);
        }
      }
      expect(hashes(run(scenario, { seed: s, turns }))).toEqual(hashes(history));
      const fast = runFast(scenario, { seed: s, turns }).state;
      expect(hashOf(fast)).toBe(history.kept[turns]!.hash);
      const { metrics } = outcomeOf(scenario, fast);
      expect(metrics.top! >= metrics.bottom!).toBe(true);
      expect(metrics.held! >= 0 && metrics.held! <= turns).toBe(true);
      expect(metrics.randoms!).toBe(history.kept[turns]!.state.events['random-rule']?.count ?? 0);
      const record = parseRecord(JSON.stringify(recordOf(history)));
      expect(replay(record, scenario).ok).toBe(true);
    }), { ...settings, numRuns: 100 });
  });
});

describe('the engine, on generated scenarios with starting values from parameters and a variant that edits lists', () => {
  const generated = fc.record({ case: paramsAndEditScenario, seed, turns: fc.integer({ min: 1, max: 12 }), other: fc.double({ min: 0, max: 1, noNaN: true }) });

  it('starts from the parameter (also when set), applies the edit only to the variant, and runs deterministically', () => {
    fc.assert(fc.property(generated, ({ case: { input, indicator, actor, start }, seed: s, turns, other }) => {
      const spec = scenarioSchema.parse(input);
      const base = compileScenario(spec);
      const set = compileScenario(spec, null, { start: other });
      const edited = compileScenario(spec, 'edited');
      expect(base.initial.indicators[indicator]).toBeCloseTo(start, 6);
      expect(set.initial.indicators[indicator]).toBeCloseTo(other, 6);
      expect(edited.initial.indicators[indicator]).toBeCloseTo(1 - start, 6);
      expect(base.rules.map((rule) => rule.id)).not.toContain('added');
      expect(edited.rules.map((rule) => rule.id)).toEqual([...base.rules.map((rule) => rule.id), 'added']);
      const actions = (scenario: Scenario) => scenario.actors.find((item) => item.id === actor)!.actions.map((action) => action.id);
      expect(actions(edited)).toEqual(actions(base));
      expect(edited.hash).not.toBe(base.hash);
      for (const scenario of [base, set, edited]) {
        const history = expectInRange(scenario, { seed: s, turns, interventions: [] });
        expect(hashes(run(scenario, { seed: s, turns }))).toEqual(hashes(history));
        expect(hashOf(runFast(scenario, { seed: s, turns }).state)).toBe(history.kept[turns]!.hash);
        // A run with parameters set on the command line keeps no record of its own data.
        if (scenario !== set) expect(replay(parseRecord(JSON.stringify(recordOf(history))), scenario).ok).toBe(true);
      }
    }), { ...settings, numRuns: 60 });
  });
});
