import { describe, expect, it } from 'vitest';
import { paramAt } from '../../src/engine/params.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { readFileSync } from 'node:fs';
import { builtinSpecForHash } from '../../src/scenarios/builtin-versions.js';
import { builtinSpec, loadScenario, parseSpec } from '../../src/scenarios/load.js';
import { ROOT } from '../helpers.js';
import { writeTemp } from './fixtures.js';
import { applyVariant } from '../../src/scenarios/print.js';
import { ScenarioError } from '../../src/scenarios/problem.js';
import { problemsOf, TINY, tinyWith as plainTinyWith } from '../scenarios/fixtures.js';

/** TINY with a change, declaring format 2 (a parameter entry is a construct of format 2). */
const tinyWith = (find: string, replace: string): string => `format: 2\n${plainTinyWith(find, replace)}`;

/** The run hash of niger-2024 version 1 that the golden records name. */
const NIGER_V1_HASH = '6a5d9097e2caae39b455d160d1492149c8f9de0d5ffbef20922ea7fe54c4d3a1';

// Parameters with a plausible range: runs read only the value, so the hash
// and the runs of a file stay the same whether a range is declared or not.

const RANGED = tinyWith('  growth: 0.1\n', '  growth: { value: 0.1, range: [0.05, 0.3], distribution: triangular, source: "Modelling assumption: a test.", note: Slow. }\n');

describe('parameters with ranges', () => {
  it('hash and run like the plain number', () => {
    const plain = compileScenario(parseSpec(TINY, 'tiny.yaml'));
    const ranged = compileScenario(parseSpec(RANGED, 'tiny.yaml'));
    expect(ranged.hash).toBe(plain.hash);
    expect(ranged.params).toEqual({ growth: 0.1 });
    expect(compileScenario(parseSpec(RANGED, 'tiny.yaml'), 'fast').hash).toBe(compileScenario(parseSpec(TINY, 'tiny.yaml'), 'fast').hash);
  });

  it('keep the hash of niger-2024 as it was', () => {
    // Version 1 of the built-in scenario has plain numbers only; its records name
    // this hash, and find the kept version 1 by it.
    const v1 = builtinSpecForHash('niger-2024', null, NIGER_V1_HASH);
    expect(v1.version).toBe('1');
    expect(Object.values(v1.params).every((value) => typeof value === 'number')).toBe(true);
    expect(compileScenario(v1).paramRanges).toEqual({});
    expect(compileScenario(v1).hash).toBe(NIGER_V1_HASH);
    // Version 2 declares ranges on the three parameters calibrated to its reference classes.
    const spec = builtinSpec('niger-2024');
    expect(spec.version).toBe('2');
    expect(Object.keys(compileScenario(spec).paramRanges)).toEqual(['drawdownRate', 'announceBase', 'usRussiaCooperationChance']);
  });

  it('are exposed on the compiled scenario with the values it runs with', () => {
    const spec = parseSpec(RANGED, 'tiny.yaml');
    expect(compileScenario(spec).paramRanges).toEqual({
      growth: { value: 0.1, low: 0.05, high: 0.3, distribution: 'triangular', centre: 0.1 },
    });
    const at = compileScenario(spec, null, { growth: 0.25 });
    expect(at.params.growth).toBe(0.25);
    expect(at.paramRanges.growth?.value).toBe(0.25);
    expect(at.paramRanges.growth?.centre).toBe(0.1);
    expect(at.hash).not.toBe(compileScenario(spec).hash);
    expect(compileScenario(spec, 'fast').paramRanges.growth?.value).toBe(0.3);
  });

  it('keep their range when a variant is written out as a scenario', () => {
    const spec = applyVariant(parseSpec(RANGED, 'tiny.yaml'), 'fast');
    expect(spec.params.growth).toMatchObject({ value: 0.3, range: [0.05, 0.3] });
  });

  it('take a normal distribution with an sd', () => {
    const text = tinyWith('  growth: 0.1\n', '  growth: { value: 0.1, range: [0, 0.3], distribution: normal, sd: 0.05, bounds: [0, 1] }\n');
    expect(compileScenario(parseSpec(text, 'tiny.yaml')).paramRanges.growth).toEqual({
      value: 0.1, low: 0, high: 0.3, distribution: 'normal', centre: 0.1, sd: 0.05,
    });
  });

  it.each([
    ['{ value: 0.1, range: [0.2, 0.3] }', 'params.growth.range: the range [0.2, 0.3] must contain the value 0.1'],
    ['{ value: 0.1, range: [0.3, 0.05] }', "params.growth.range: the range's low end must be below its high end, not [0.3, 0.05]"],
    ['{ value: 0.1, range: [-0.5, 0.3], bounds: [0, 1] }', 'params.growth.range: the range [-0.5, 0.3] must lie within the bounds [0, 1]'],
    ['{ value: 0.1, range: [0, 0.3], distribution: normal }', 'params.growth.sd: a normal distribution needs `sd`, its standard deviation'],
    ['{ value: 0.1, range: [0, 0.3], sd: 0.1 }', 'params.growth.sd: `sd` applies only to `distribution: normal`, not uniform'],
  ])('refuse %s with one line naming the field', (entry, message) => {
    const problems = problemsOf(tinyWith('  growth: 0.1\n', `  growth: ${entry}\n`), 'tiny.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('refuse a range with no value and an unknown distribution', () => {
    expect(problemsOf(tinyWith('  growth: 0.1\n', '  growth: { range: [0, 0.3] }\n'), 'tiny.yaml').join('\n')).toMatch(/params\.growth/);
    expect(problemsOf(tinyWith('  growth: 0.1\n', '  growth: { value: 0.1, range: [0, 0.3], distribution: beta }\n'), 'tiny.yaml').join('\n'))
      .toMatch(/params\.growth\.distribution/);
  });

  it('keep variants and overrides within declared bounds', () => {
    const text = tinyWith('  growth: 0.1\n', '  growth: { value: 0.1, range: [0, 0.2], bounds: [0, 0.25] }\n');
    expect(problemsOf(text, 'tiny.yaml')).toEqual([expect.stringContaining('variants[0].params.growth: growth takes values from 0 to 0.25, not 0.3')]);
    const spec = parseSpec(text.replace('params: { growth: 0.3 }', 'params: { growth: 0.2 }'), 'tiny.yaml');
    expect(() => compileScenario(spec, null, { growth: 0.5 })).toThrow(ScenarioError);
    expect(() => compileScenario(spec, null, { growth: 0.5 })).toThrow(/params\.growth: growth takes values from 0 to 0.25, not 0.5/);
  });
});

describe('paramAt', () => {
  const base = { value: 0.2, low: 0, high: 1, centre: 0.2 } as const;
  it('maps quantiles to values of each distribution', () => {
    expect(paramAt({ ...base, distribution: 'uniform' }, 0.25)).toBeCloseTo(0.25, 12);
    // Triangular with its peak at 0.2: the share below the peak is 0.2.
    expect(paramAt({ ...base, distribution: 'triangular' }, 0.2)).toBeCloseTo(0.2, 12);
    expect(paramAt({ ...base, distribution: 'triangular' }, 0)).toBe(0);
    expect(paramAt({ ...base, distribution: 'triangular' }, 1)).toBe(1);
    // A normal around 0.5 cut symmetrically: its median is the mean.
    expect(paramAt({ ...base, centre: 0.5, distribution: 'normal', sd: 0.1 }, 0.5)).toBeCloseTo(0.5, 9);
    const cut = paramAt({ ...base, distribution: 'normal', sd: 0.5 }, 0.001);
    expect(cut).toBeGreaterThanOrEqual(0);
    expect(cut).toBeLessThan(0.01);
  });
});

describe('a ranged parameter in an extends: file', () => {
  it('changes its value with { value } and keeps its range', () => {
    const files = writeTemp({
      'coin.yaml': readFileSync(`${ROOT}docs/examples/coin.yaml`, 'utf8'),
      'fitted.yaml': 'format: 2\nextends: coin.yaml\nid: coin-fitted\nparams:\n  headsChance: { value: 0.35 }\n',
    });
    const scenario = loadScenario(files['fitted.yaml']!);
    expect(scenario.params.headsChance).toBe(0.35);
    expect(scenario.paramRanges.headsChance).toEqual({ value: 0.35, low: 0.2, high: 0.4, distribution: 'triangular', centre: 0.35 });
  });
});
