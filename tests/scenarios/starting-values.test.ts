import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { parseSpec } from '../../src/scenarios/load.js';
import { sandtable } from '../helpers.js';
import { problemsOf, writeFiles } from './fixtures.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scenario whose starting values come from parameters, and nothing moves them. */
export const FROM_PARAMS = `format: 2
id: from-params
title: Starting values from parameters
version: "1"
start: "2024-01"
turns: 2
issues:
  - { id: alignment, title: Alignment }
params:
  resolve: 0.4
actors:
  - id: junta
    name: Junta
    stance: { alignment: "param.resolve * 2 - 1" }
    attrs: { capability: "param.resolve" }
  - id: france
    name: France
indicators:
  - { id: insurgency, title: Insurgency, initial: "0.2 + param.resolve / 2" }
cooperation:
  initial:
    junta: { france: "1 - param.resolve" }
rules: []
metrics:
  - { id: startingInsurgency, title: Insurgency, value: ind.insurgency }
outcomes:
  - { id: high, title: High insurgency, when: ind.insurgency > 0.45 }
  - { id: low, title: Low insurgency }
variants:
  - id: resolute
    title: A resolute junta
    params: { resolve: 0.8 }
`;

describe('starting values from parameters', () => {
  it('computes turn 0 from the parameters, after the variant changes them', () => {
    const spec = parseSpec(FROM_PARAMS, 'from-params.yaml');
    const base = compileScenario(spec).initial;
    expect(base.indicators.insurgency).toBe(0.4);
    expect(base.actors.junta!.stance.alignment).toBeCloseTo(-0.2, 6);
    expect(base.actors.junta!.attrs.capability).toBe(0.4);
    expect(base.coop.junta!.france).toBe(0.6);
    expect(base.coop.france!.junta).toBe(0.6);
    const resolute = compileScenario(spec, 'resolute').initial;
    expect(resolute.indicators.insurgency).toBe(0.6);
    expect(resolute.actors.junta!.stance.alignment).toBeCloseTo(0.6, 6);
  });

  it('lets sweep vary turn 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-starting-'));
    writeFiles(dir, { 'from-params.yaml': FROM_PARAMS });
    const result = sandtable(['sweep', join(dir, 'from-params.yaml'), '--set', 'resolve=0.2:0.6:2', '--runs', '3', '--seed', '1', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const sweep = JSON.parse(result.stdout);
    const outcomes = sweep.combinations.map((item: { outcomes: Record<string, { count: number }> }) =>
      Object.fromEntries(Object.entries(item.outcomes).map(([id, value]) => [id, value.count])));
    expect(outcomes).toEqual([{ high: 0, low: 3 }, { high: 3, low: 0 }]);
  });

  it('refuses a starting value that leaves its range under a variant, and one that reads the state', () => {
    const text = FROM_PARAMS.replace('params: { resolve: 0.8 }', 'params: { resolve: 1.8 }')
      .replace('initial: "0.2 + param.resolve / 2"', 'initial: "0.2 + ind.insurgency"');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/actors\[0\]\.stance\.alignment: "param\.resolve \* 2 - 1" gives 2\.6 with these parameters; it must be from -1 to 1$/),
      expect.stringMatching(/actors\[0\]\.attrs\.capability: "param\.resolve" gives 1\.8 with these parameters; it must be from 0 to 1$/),
      expect.stringMatching(/indicators\[0\]\.initial: a starting value can read only parameters \(param\.NAME\), not `ind\.insurgency`$/),
      expect.stringMatching(/cooperation\.initial\.junta\.france: "1 - param\.resolve" gives -0\.8 with these parameters; it must be from 0 to 1$/),
    ]);
  });
});

describe('the format version', () => {
  it('asks for format: 2 when a file uses a construct of format 2 without declaring it', () => {
    expect(problemsOf(FROM_PARAMS.replace('format: 2\n', ''))).toEqual([
      'scenario.yaml:13:26: actors[0].stance.alignment: uses a starting value computed from parameters, which needs `format: 2` at the top of the file',
    ]);
  });

  it('refuses a file of a newer format in one line, whatever else it holds', () => {
    const text = FROM_PARAMS.replace('format: 2', 'format: 3\nmonths: 12');
    expect(problemsOf(text)).toEqual([
      'scenario.yaml:1:9: format: needs version 3 of the scenario format; this sandtable reads versions 1 to 2: install a newer sandtable',
    ]);
  });
});
