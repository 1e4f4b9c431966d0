import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/engine/batch/batch-layout.js';
import { tallyRuns } from '../../src/engine/batch/runs.js';
import { BatchTally } from '../../src/engine/batch/tally.js';
import type { Scenario } from '../../src/engine/types.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { builtinSpec, parseSpec } from '../../src/scenarios/load.js';
import { compileParametric } from '../../src/scenarios/parametric.js';
import { ScenarioError } from '../../src/scenarios/problem.js';

// A scenario compiled once with parameters left free must be, at every
// binding, the scenario compiled with those values: the same runs to the
// bit, the same identity, the same starting state and the same errors.

const RUNS = 40;

/** Everything the runs of a scenario count, as plain arrays. */
function tallyOf(scenario: Scenario, seed = 7): unknown {
  const tally = new BatchTally(layoutOf(scenario, scenario.defaultTurns, true));
  tallyRuns(scenario, { seed, turns: scenario.defaultTurns, from: 0, to: RUNS }, tally);
  const data = tally.data();
  return { ...data, firstFired: [...data.firstFired], indicatorSums: [...data.indicatorSums], outcomes: [...data.outcomes], indicatorBins: [...(data.indicatorBins ?? [])] };
}

function identity(scenario: Scenario) {
  return { hash: scenario.hash, params: scenario.params, paramRanges: scenario.paramRanges, initial: scenario.initial, data: 'data' in scenario };
}

describe('a scenario compiled with free parameters', () => {
  it('runs, at each point it is bound to, exactly as the scenario compiled at that point (niger-2024)', () => {
    const spec = builtinSpec('niger-2024');
    const parametric = compileParametric(spec, null, ['drawdownRate', 'announceBase', 'talksChance']);
    const points: Record<string, number>[] = [
      { drawdownRate: 0.05, announceBase: 0.25, talksChance: 0.4 },
      { drawdownRate: 0.3, announceBase: 0.03, talksChance: 0.05 },
      { drawdownRate: 0.05, announceBase: 0.25, talksChance: 0.4 },
      { announceBase: 0.12 },
    ];
    const tallies = points.map((values) => {
      const bound = parametric.bind(values);
      const compiled = compileScenario(spec, null, values);
      expect(identity(bound)).toEqual(identity(compiled));
      const counted = tallyOf(bound);
      expect(counted).toEqual(tallyOf(compiled));
      return counted;
    });
    // The points differ, so the test would see a binding that did not take.
    expect(tallies[0]).not.toEqual(tallies[1]);
    expect(tallies[2]).toEqual(tallies[0]);
  });

  it('binds no values to the scenario as written, data and hash included', () => {
    const spec = builtinSpec('niger-2024');
    const bound = compileParametric(spec, null, ['drawdownRate']).bind({});
    const compiled = compileScenario(spec);
    expect(identity(bound)).toEqual(identity(compiled));
    expect(tallyOf(bound)).toEqual(tallyOf(compiled));
  });

  it('keeps the parameters a variant sets and it does not bind', () => {
    const spec = parseSpec(readFileSync(new URL('./fixtures/dials.yaml', import.meta.url), 'utf8'), 'dials.yaml');
    const parametric = compileParametric(spec, 'loaded', ['q', 'r']);
    for (const values of [{ q: 0.2 }, { q: 0.8, r: 3 }] as Record<string, number>[]) {
      const bound = parametric.bind(values);
      const compiled = compileScenario(spec, 'loaded', values);
      expect(identity(bound)).toEqual(identity(compiled));
      expect(bound.params.p).toBe(0.5);
      expect(tallyOf(bound)).toEqual(tallyOf(compiled));
    }
  });

  it('starts from the bound values, and refuses one outside a parameter\'s bounds with the error compiling it gives', () => {
    const text = `format: 2
id: bounded
title: A bounded parameter in a starting value
version: "1"
start: "2024-01"
turns: 2
issues: [{ id: topic, title: Topic }]
params:
  level: { value: 0.4, bounds: [0, 1], range: [0.1, 0.9] }
actors: [{ id: a, name: A }]
indicators: [{ id: x, title: X, initial: "param.level", range: [0, 1] }]
cooperation: { symmetric: true, default: 0.5 }
rules: []
metrics: [{ id: x, title: X, value: ind.x }]
outcomes: [{ id: any, title: Any }]
`;
    const spec = parseSpec(text, 'bounded.yaml');
    const parametric = compileParametric(spec, null, ['level']);
    expect(parametric.bind({ level: 0.7 }).initial.indicators.x).toBe(0.7);
    const messageOf = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        if (error instanceof ScenarioError) return error.problems.map((problem) => problem.message);
        throw error;
      }
      return null;
    };
    const refused = messageOf(() => parametric.bind({ level: 1.5 }));
    expect(refused).not.toBeNull();
    expect(refused).toEqual(messageOf(() => compileScenario(spec, null, { level: 1.5 })));
    expect(messageOf(() => parametric.bind({ other: 1 }))).not.toBeNull();
  });
});
