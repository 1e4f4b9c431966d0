import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARD_FILE_LIMITS } from '../../../src/engine/batch/shard-file.js';
import { MAX_COMBINATIONS } from '../../../src/engine/batch/sweep.js';
import { COIN } from '../../batch/helpers.js';
import { expectUsageError, ok, scratch } from '../../batch/cli.js';

// Shard files come from other machines. A shard that claims what no real
// batch can (a billion shards, a sweep of a billion combinations, a layout of
// a million events) is refused in one line before anything is allocated for
// it; before these limits, merge ran out of memory or never finished.

describe('merge, given a shard that claims the impossible', () => {
  const dir = scratch('hostile-shards');
  let shard: Record<string, unknown> = {};
  beforeAll(() => {
    shard = JSON.parse(ok(['batch', COIN, '--runs', '4', '--seed', '1', '--turns', '2', '--shard', '1/1', '--workers', '1']));
  });
  const mergeOf = (name: string, data: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(data));
    return ['merge', path];
  };

  it('refuses a billion shards', () => {
    expectUsageError(mergeOf('billion.json', { ...shard, shard: { index: 1, count: 1e9 } }),
      new RegExp(`billion\\.json has an invalid field shard\\.count: .*${SHARD_FILE_LIMITS.shards}`));
  });

  it('refuses a sweep of more combinations than a sweep may have', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const parameters = ['a', 'b', 'c'].map((name) => ({ name, values }));
    expectUsageError(mergeOf('sweep.json', { ...shard, command: 'sweep', parameters }),
      new RegExp(`sweep\\.json is a sweep of 1000000000 combinations; a sweep has at most ${MAX_COMBINATIONS}`));
  });

  it('refuses a layout with more events than a scenario may have, and more runs than a batch may have', () => {
    const layout = shard.layout as Record<string, unknown>;
    const events = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `e${i}`, title: 'e' }));
    expectUsageError(mergeOf('events.json', { ...shard, layout: { ...layout, events } }), /events\.json has an invalid field layout\.events: /);
    expectUsageError(mergeOf('runs.json', { ...shard, runs: 1e15 }), /runs\.json has an invalid field runs: /);
  });

  it('still merges the shard as it was written', () => {
    const merged = JSON.parse(ok([...mergeOf('good.json', shard), '--json']));
    expect(merged.runs).toBe(4);
    expect(readFileSync(join(dir, 'good.json'), 'utf8')).toBe(JSON.stringify(shard));
  });
});
