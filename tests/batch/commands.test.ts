import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';
import { expectUsageError, ok, scratch } from './cli.js';
import { COIN } from './helpers.js';

describe('sandtable compare', () => {
  it('reports zero difference and no diverged run for a scenario against itself', () => {
    const comparison = JSON.parse(ok(['compare', 'niger-2024', 'niger-2024', '--runs', '80', '--seed', '3', '--json']));
    expect(comparison.runs).toBe(80);
    expect(comparison.diverged).toBe(0);
    expect(comparison.firstDivergence.min).toBeNull();
    for (const metric of Object.values(comparison.metrics as Record<string, { difference: number; ci95: number[] }>)) {
      expect(metric.difference).toBe(0);
      expect(metric.ci95).toEqual([0, 0]);
    }
    for (const event of Object.values(comparison.events as Record<string, { difference: number }>)) expect(event.difference).toBe(0);
  });

  it('shows niger-2024/us-withdrawal diverging from the baseline at turn 1, with paired differences and intervals', () => {
    const comparison = JSON.parse(ok(['compare', 'niger-2024', 'niger-2024/us-withdrawal', '--runs', '80', '--seed', '3', '--json']));
    expect(comparison.diverged).toBe(80);
    expect(comparison.firstDivergence).toMatchObject({ min: 1, median: 1 });
    expect(comparison.firstDivergence.byTurn).toHaveLength(25);
    expect(comparison.variant).toMatchObject({ id: 'niger-2024', variant: 'us-withdrawal' });
    const event = comparison.events['us-troops-ordered-out'];
    expect(event.difference).toBeCloseTo(event.variant - event.base, 6);
    expect(event.ci95[0]).toBeLessThanOrEqual(event.difference);
    expect(event.difference).toBeLessThanOrEqual(event.ci95[1]);
    expect(comparison.metrics.insurgency).toHaveProperty('ci95');
  });

  it('gives the same comparison whatever the worker count, and accepts a bare variant name', () => {
    const args = ['compare', 'niger-2024', 'us-withdrawal', '--runs', '60', '--seed', '8', '--json'];
    const one = ok([...args, '--workers', '1']);
    expect(ok([...args, '--workers', '2'])).toBe(one);
    expect(JSON.parse(one).variant.variant).toBe('us-withdrawal');
  });

  it('prints a readable table', () => {
    const text = ok(['compare', 'niger-2024', 'niger-2024/us-withdrawal', '--runs', '30', '--seed', '2']);
    expect(text).toMatch(/^niger-2024\/us-withdrawal against niger-2024: 30 paired runs on the same seeds/);
    expect(text).toMatch(/30 of 30 paired runs diverged \(100\.0%\); first divergence at turn 1/);
  });
});

describe('sandtable sweep', () => {
  it('runs every combination on the same seeds as a plain batch', () => {
    const sweep = JSON.parse(ok(['sweep', COIN, '--set', 'p=0.3:0.5:2', '--runs', '200', '--seed', '6', '--json']));
    expect(sweep.parameters).toEqual({ p: [0.3, 0.5] });
    expect(sweep.combinations.map((item: { params: unknown }) => item.params)).toEqual([{ p: 0.3 }, { p: 0.5 }]);
    const plain = JSON.parse(ok(['batch', COIN, '--runs', '200', '--seed', '6', '--json']));
    const biased = JSON.parse(ok(['batch', `${COIN}`, '--variant', 'biased', '--runs', '200', '--seed', '6', '--json']));
    expect(sweep.combinations[0].outcomes).toEqual(plain.outcomes);
    expect(sweep.combinations[1].outcomes).toEqual(biased.outcomes);
    expect(sweep.combinations[1].events.heads.p).toBeGreaterThan(sweep.combinations[0].events.heads.p);
  });

  it('makes a full factorial, the first parameter varying slowest', () => {
    const sweep = JSON.parse(ok(['sweep', '--set', 'talksChance=0:0.2:3', '--set', 'drawdownRate=0.1', '--set', 'announceBase=0.05:0.1:2', '--runs', '5', '--seed', '1', '--turns', '3', '--json']));
    expect(sweep.combinations.map((item: { params: Record<string, number> }) => [item.params.talksChance, item.params.drawdownRate, item.params.announceBase])).toEqual([
      [0, 0.1, 0.05], [0, 0.1, 0.1], [0.1, 0.1, 0.05], [0.1, 0.1, 0.1], [0.2, 0.1, 0.05], [0.2, 0.1, 0.1],
    ]);
    expect(new Set(sweep.combinations.map((item: { hash: string }) => item.hash)).size).toBe(6);
  });

  it('prints outcome and metric tables, one row per combination', () => {
    const text = ok(['sweep', '--set', 'talksChance=0:0.4:3', '--runs', '20', '--seed', '2', '--turns', '6']);
    expect(text).toMatch(/sweep of talksChance: 3 combinations × 20 runs on the same seeds/);
    expect(text).toMatch(/Outcome frequencies at turn 6\n\s+talksChance\s+security-deterioration/);
    expect(text).toMatch(/\n\s+0\.4\s+\d+\.\d%/);
  });
});

describe('bad input to batch, compare, sweep and merge', () => {
  it('refuses run and worker counts that are not positive whole numbers', () => {
    expectUsageError(['batch', '--runs', '0'], /the number of runs must be a whole number from 1 to 100000000, not "0"/);
    expectUsageError(['batch', '--runs', '-5'], /runs/);
    expectUsageError(['batch', '--runs', 'many'], /the number of runs must be a whole number/);
    expectUsageError(['batch', '--runs', '2.5'], /the number of runs must be a whole number/);
    expectUsageError(['batch', '--runs', '10', '--workers', '0'], /the number of workers must be a whole number from 1 to 256/);
    expectUsageError(['compare', 'niger-2024', 'niger-2024', '--runs', '0'], /the number of runs/);
    expectUsageError(['batch'], /required option '--runs <N>' not specified/);
  });

  it('refuses shards that are not I/N with 1 ≤ I ≤ N', () => {
    expectUsageError(['batch', '--runs', '10', '--shard', '3/2'], /the shard number I in I\/N must be from 1 to N \(2\), not 3/);
    expectUsageError(['batch', '--runs', '10', '--shard', '0/2'], /the shard number I in I\/N must be from 1 to N/);
    expectUsageError(['batch', '--runs', '10', '--shard', '1/0'], /the shard count N in I\/N must be from 1/);
    expectUsageError(['sweep', '--set', 'talksChance=0:1:2', '--runs', '10', '--shard', 'half'], /a shard is written I\/N/);
  });

  it('refuses a --set that is malformed or names an unknown parameter', () => {
    expectUsageError(['sweep', '--runs', '10', '--set', 'talksChanse=0:1:3'], /--set: unknown parameter `talksChanse`; did you mean `talksChance`\?/);
    expectUsageError(['sweep', '--runs', '10', '--set', 'talksChance'], /names no parameter; write --set NAME=FROM:TO:STEPS/);
    expectUsageError(['sweep', '--runs', '10', '--set', 'talksChance=0:1'], /is not a range/);
    expectUsageError(['sweep', '--runs', '10', '--set', 'talksChance=0:1:0'], /the number of steps .* must be a whole number from 1/);
    expectUsageError(['sweep', '--runs', '10', '--set', 'talksChance=0:1:1'], /give at least 2 steps, or one value/);
    expectUsageError(['sweep', '--runs', '10', '--set', 'talksChance=0', '--set', 'talksChance=1'], /parameter talksChance is set twice/);
    expectUsageError(['sweep', '--runs', '10'], /a sweep needs at least one --set/);
  });

  it('names an unknown scenario on either side of a comparison', () => {
    expectUsageError(['compare', 'niger-2042', 'niger-2024', '--runs', '5'], /unknown scenario `niger-2042`/);
    expectUsageError(['compare', 'niger-2024', 'us-withdrawl', '--runs', '5'], /unknown scenario `us-withdrawl`/);
    // The shorthand's variant is named too, with the one that was probably meant.
    expectUsageError(['compare', 'niger-2024', 'us-withdrawl', '--runs', '5'], /no variant `us-withdrawl`.*did you mean `us-withdrawal`/);
    expectUsageError(['batch', 'niger-2024/nope', '--runs', '5'], /no variant `nope`/);
  });

  it('names the run and seed at which a scenario cannot be run, so it can be replayed alone', () => {
    const broken = join(scratch('broken'), 'broken.yaml');
    writeFileSync(broken, readFileSync(COIN, 'utf8').replace('chance: param.p', 'chance: "param.p / ind.heads"'));
    expectUsageError(['batch', broken, '--runs', '5', '--seed', '1'], /the scenario cannot be run: run \d+ \(seed \d+\), turn 1: chance of heads would become Infinity/);
    expectUsageError(['compare', broken, broken, '--runs', '5', '--seed', '1'], /run \d+ \(seed \d+\), turn 1/);
  });

  it('refuses to write a CSV where it cannot, before running anything', () => {
    const { code, stderr } = sandtable(['batch', '--runs', '5', '--seed', '1', '--csv', '/no/such/dir/runs.csv']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sandtable: error: cannot write \/no\/such\/dir\/runs\.csv: no such file or directory\n$/);
  });
});
