import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sandtable } from '../helpers.js';
import { expectUsageError, ok, scratch } from '../batch/cli.js';

// dials.yaml: the heads event, the heads metric and both outcome classes
// depend on param p alone; the dial metric on q alone; nothing on r.
const DIALS = 'tests/sensitivity/fixtures/dials.yaml';
const morris = ['sensitivity', DIALS, '--trajectories', '8', '--runs', '60', '--seed', '5'];
const sobol = ['sensitivity', DIALS, '--method', 'sobol', '--samples', '32', '--runs', '40', '--seed', '5'];

interface Index { muStar: number; muStarCi95: [number, number]; mu: number; sigma: number; S1: number; ST: number; STCi95: [number, number] }
interface Output { ranking: string[]; indices: Record<string, Index> | null }
const outputsOf = (json: string) => (JSON.parse(json) as { outputs: Record<string, Output> }).outputs;
const ON_P = ['metric.heads', 'event.heads', 'outcome.heads', 'outcome.tails'];

describe('sensitivity on a scenario whose outputs each depend on one parameter', () => {
  let morrisJson = '';
  let sobolJson = '';
  beforeAll(() => {
    morrisJson = ok([...morris, '--json', '--workers', '2']);
    sobolJson = ok([...sobol, '--json', '--workers', '2']);
  });

  it('gives Morris effects of exactly zero for the parameters an output does not depend on', () => {
    const outputs = outputsOf(morrisJson);
    for (const key of ON_P) {
      const { indices, ranking } = outputs[key]!;
      expect(ranking[0], key).toBe('p');
      expect(indices!.p!.muStarCi95[0], key).toBeGreaterThan(0.2);
      for (const other of ['q', 'r']) expect(indices![other], `${key} ${other}`).toEqual({ mu: 0, muStar: 0, sigma: 0, muStarCi95: [0, 0] });
    }
    const dial = outputs['metric.dial']!;
    expect(dial.ranking[0]).toBe('q');
    expect(dial.indices!.q!.muStar).toBeGreaterThan(0.3);
    expect(dial.indices!.p!.muStar).toBe(0);
    expect(dial.indices!.r!.muStar).toBe(0);
    // p raises the chance of heads and lowers that of tails.
    expect(outputs['outcome.heads']!.indices!.p!.mu).toBeGreaterThan(0);
    expect(outputs['outcome.tails']!.indices!.p!.mu).toBeLessThan(0);
  });

  it('gives Sobol total indices of exactly zero for the others, and nearly all the variance to the one', () => {
    const outputs = outputsOf(sobolJson);
    for (const key of [...ON_P, 'metric.dial']) {
      const { indices, ranking } = outputs[key]!;
      const driver = key === 'metric.dial' ? 'q' : 'p';
      expect(ranking[0], key).toBe(driver);
      expect(indices![driver]!.STCi95[0], key).toBeGreaterThan(0.5);
      for (const other of ['p', 'q', 'r'].filter((name) => name !== driver)) {
        expect(indices![other]!.ST, `${key} ${other}`).toBe(0);
        expect(indices![other]!.S1, `${key} ${other}`).toBe(0);
      }
    }
  });

  it('gives the same JSON, byte for byte, with 1 worker and with 2', () => {
    expect(ok([...morris, '--json', '--workers', '1'])).toBe(morrisJson);
    expect(ok([...sobol, '--json', '--workers', '1'])).toBe(sobolJson);
  });

  it('varies only the parameters named with --param', () => {
    const outputs = outputsOf(ok([...morris, '--param', 'q', '--param', 'r', '--json']));
    expect(Object.keys(outputs['metric.dial']!.indices!)).toEqual(['q', 'r']);
    expect(outputs['event.heads']!.indices!.q!.muStar).toBe(0);
  });

  it('studies a variant, its value shown beside the range the scenario declares', () => {
    const { parameters } = JSON.parse(ok([...morris, '--variant', 'loaded', '--param', 'p', '--trajectories', '2', '--json'])) as { parameters: Record<string, { value: number; centre: number; range: number[] }> };
    expect(parameters).toEqual({ p: { value: 0.5, centre: 0.3, range: [0.1, 0.6], distribution: 'uniform' } });
  });

  it('prints a tornado table per output, most influential parameter first, and the seed it picked', () => {
    const result = sandtable(['sensitivity', DIALS, '--trajectories', '4', '--runs', '20']);
    expect(result.code, result.stderr).toBe(0);
    const seed = /sandtable: seed (\d+) \(repeat this study with --seed \1\)/.exec(result.stderr);
    expect(seed, result.stderr).not.toBeNull();
    expect(result.stdout).toContain(`seed ${seed![1]}`);
    const dial = result.stdout.split('\n\n').find((block) => block.startsWith('The dial [dial]'))!;
    const rows = dial.split('\n').slice(2).map((line) => line.trim().split(/\s+/)[0]);
    expect(rows).toEqual(['q', 'p', 'r']);
    expect(dial).toContain('█');
  });

  it('writes one CSV row per output and parameter', () => {
    const file = join(scratch('sensitivity-csv'), 'study.csv');
    ok([...morris, '--csv', file]);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('output,parameter,rank,muStar,muStar.low,muStar.high,mu,sigma');
    // 2 metrics, 1 event and 2 outcome classes, 3 parameters each.
    expect(lines).toHaveLength(1 + 5 * 3);
    expect(lines).toContain('metric.dial,p,2,0,0,0,0,0');
  });
});

describe('sensitivity --shard and merge', () => {
  const dir = scratch('sensitivity-shards');
  const shards = (args: string[], count: number, name: string) => Array.from({ length: count }, (_, i) => {
    const path = join(dir, `${name}-${i + 1}.json`);
    writeFileSync(path, ok([...args, '--shard', `${i + 1}/${count}`, '--workers', '1']));
    return path;
  });
  // 8 trajectories of 4 points × 60 runs in 5 shards: boundaries fall inside points.
  let morrisShards: string[] = [];
  beforeAll(() => {
    morrisShards = shards(morris, 5, 'morris');
  });

  it('merges Morris and Sobol shards, in any order, into exactly the unsharded --json, also when a shard splits a point', () => {
    expect(ok(['merge', ...[...morrisShards].reverse(), '--json'])).toBe(ok([...morris, '--json']));
    const sobolShards = shards(sobol, 2, 'sobol');
    expect(ok(['merge', ...sobolShards, '--json'])).toBe(ok([...sobol, '--json']));
    // The CSV and the text too.
    const [merged, whole] = [join(dir, 'merged.csv'), join(dir, 'whole.csv')];
    const text = ok(['merge', ...sobolShards, '--csv', merged]);
    expect(text).toBe(ok([...sobol, '--csv', whole]));
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(whole, 'utf8'));
  });

  it('refuses a missing shard, shards of different studies, an edited count and a batch shard among them', () => {
    const [first, second, third, fourth, fifth] = morrisShards as [string, string, string, string, string];
    expectUsageError(['merge', first, third, fourth, fifth], /shard 2\/5 is missing/);
    const otherSeed = join(dir, 'seed-6.json');
    writeFileSync(otherSeed, ok([...morris.slice(0, -1), '6', '--shard', '2/5']));
    expectUsageError(['merge', first, otherSeed, third, fourth, fifth], /different seeds/);
    const edited = join(dir, 'edited.json');
    const file = JSON.parse(readFileSync(second, 'utf8')) as { points: { outcomes: number[] }[] };
    file.points[0]!.outcomes[0]! += 1;
    writeFileSync(edited, JSON.stringify(file));
    expectUsageError(['merge', first, edited, third, fourth, fifth], /edited\.json, point \d+: outcomes add up to/);
    const batch = join(dir, 'batch.json');
    writeFileSync(batch, ok(['batch', DIALS, '--runs', '10', '--seed', '1', '--shard', '1/1']));
    expectUsageError(['merge', first, batch], /batch\.json .*not a shard of a sensitivity study/);
  });
});

describe('sensitivity refuses bad input with one line naming it', () => {
  it('a parameter with no range', () => {
    expectUsageError(['sensitivity', DIALS, '--param', 'spare', '--runs', '5'], /--param: parameter `spare` has no range; declare it as spare: \{ value: 1, range: \[low, high\] \}/);
  });

  it('an unknown parameter, with a suggestion', () => {
    expectUsageError(['sensitivity', DIALS, '--param', 'spar', '--runs', '5'], /no parameter `spar`; did you mean `spare`\?/);
  });

  it('an unknown method', () => {
    expectUsageError(['sensitivity', DIALS, '--method', 'fast'], /--method.*morris .*or sobol .*not "fast"/);
  });

  it('a scenario with no ranges, and sizes that belong to the other method', () => {
    expectUsageError(['sensitivity', 'tests/batch/fixtures/coin.yaml', '--runs', '5'], /coin declares no parameter with a range/);
    expectUsageError(['sensitivity', DIALS, '--samples', '16'], /--samples sizes a Sobol study/);
    expectUsageError(['sensitivity', DIALS, '--method', 'sobol', '--trajectories', '4'], /--trajectories sizes a Morris study/);
    expectUsageError(['sensitivity', DIALS, '--levels', '3'], /levels .* even number/);
    expectUsageError(['sensitivity', DIALS, '--param', 'p', '--param', 'p'], /--param p is given twice/);
    expectUsageError(['sensitivity', DIALS, '--trajectories', '10000', '--runs', '10000'], /40000 points × 10000 runs .* at most 100000000/);
  });
});
