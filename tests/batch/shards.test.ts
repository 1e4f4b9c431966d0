import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, ok, scratch } from './cli.js';

describe('--shard and merge', () => {
  const dir = scratch('shards');
  const batch = ['batch', 'niger-2024', '--runs', '240', '--seed', '21', '--turns', '12'];
  const shardFile = (args: string[], index: number, count: number, name = `batch-${index}-of-${count}.json`) => {
    const path = join(dir, name);
    writeFileSync(path, ok([...args, '--shard', `${index}/${count}`, '--workers', '1']));
    return path;
  };

  // The unsharded batch and its three shards, shared by the tests below.
  let whole = '';
  let shards: [string, string, string] = ['', '', ''];
  beforeAll(() => {
    whole = ok([...batch, '--json']);
    shards = [shardFile(batch, 1, 3), shardFile(batch, 2, 3), shardFile(batch, 3, 3)];
  });

  it('merges batch shards, given in any order, into exactly the unsharded batch --json', () => {
    expect(ok(['merge', shards[2], shards[0], shards[1], '--json'])).toBe(whole);
    // One shard of one is the whole batch too.
    expect(ok(['merge', shardFile(batch, 1, 1), '--json'])).toBe(whole);
  });

  it('merges into the same text table as the unsharded batch', () => {
    expect(ok(['merge', ...shards])).toBe(ok(batch));
  });

  it('merges sweep shards into exactly the unsharded sweep --json, also when a shard splits a combination', () => {
    const sweep = ['sweep', 'niger-2024', '--set', 'talksChance=0:0.4:3', '--set', 'drawdownRate=0.1:0.2:2', '--runs', '50', '--seed', '4', '--turns', '8'];
    const whole = ok([...sweep, '--json']);
    // 6 combinations × 50 runs in 4 shards of 75: shard boundaries fall inside combinations.
    const files = [1, 2, 3, 4].map((index) => shardFile(sweep, index, 4, `sweep-${index}.json`));
    expect(ok(['merge', ...files, '--json'])).toBe(whole);
    const table = join(dir, 'sweep.csv');
    ok(['merge', ...files, '--csv', table]);
    const direct = join(dir, 'direct.csv');
    ok([...sweep, '--csv', direct]);
    expect(readFileSync(table, 'utf8')).toBe(readFileSync(direct, 'utf8'));
  });

  it('refuses shards of different seeds, scenarios or run counts, and missing or repeated shards', () => {
    const [first] = shards;
    const otherSeed = shardFile(['batch', 'niger-2024', '--runs', '240', '--seed', '22', '--turns', '12'], 2, 3, 'seed.json');
    const otherScenario = shardFile(['batch', 'niger-2024/us-withdrawal', '--runs', '240', '--seed', '21', '--turns', '12'], 2, 3, 'variant.json');
    const otherRuns = shardFile(['batch', 'niger-2024', '--runs', '241', '--seed', '21', '--turns', '12'], 2, 3, 'runs.json');
    expectUsageError(['merge', first, otherSeed], /cannot merge .*seed\.json with .*batch-1-of-3\.json: they are shards of different seeds \(21 and 22\)/);
    expectUsageError(['merge', first, otherScenario], /cannot merge .*variant\.json with .*: they are shards of different scenarios/);
    expectUsageError(['merge', first, otherRuns], /different run counts \(240 and 241\)/);
    expectUsageError(['merge', first], /shards 2\/3, 3\/3 are missing; merge needs all 3/);
    expectUsageError(['merge', ...shards, first], /are both shard 1\/3/);
  });

  it('refuses files that are not shards, or whose counts were edited', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, 'not json');
    expectUsageError(['merge', bad], /bad\.json is not JSON/);
    writeFileSync(bad, whole);
    expectUsageError(['merge', bad], /bad\.json is not a sandtable shard/);
    expectUsageError(['merge', join(dir, 'missing.json')], /cannot read shard file .*missing\.json: no such file/);
    const shard = JSON.parse(readFileSync(shards[0], 'utf8'));
    shard.shard = { index: 1, count: 1 };
    shard.combinations[0].tally.runs = 240;
    writeFileSync(bad, JSON.stringify(shard));
    expectUsageError(['merge', bad], /bad\.json, combination 0: firstFired of event russian-supplies adds up to 80 runs, not 240/);
    shard.combinations[0].tally.outcomes = 'many';
    writeFileSync(bad, JSON.stringify(shard));
    expectUsageError(['merge', bad], /has an invalid field combinations\.0\.tally\.outcomes/);
  });
});
