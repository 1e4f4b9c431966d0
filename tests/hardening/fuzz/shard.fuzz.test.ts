import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandtable } from '../../helpers.js';
import { COIN } from '../../batch/helpers.js';
import { expectResultOrDocumentedError, FuzzWorker, fuzzSettings, PROPERTY_TIMEOUT_MS } from './harness.js';
import { damaged, HOSTILE_TOKENS, mutated } from './mutations.js';

// Shard files travel between machines (a cluster's nodes, a colleague's
// laptop), so `merge` reads them as files from strangers: parseShardFile and
// mergeShards either merge or throw a MergeError that says why, quickly,
// whatever counts and sizes the file claims.

const TEXT_CASES = 500;
const DATA_CASES = 500;
const STRUCTURED_CASES = 400;
const LIMIT_MS = 20_000;

type Shard = Record<string, unknown> & { shard: { index: number; count: number }; layout: Record<string, unknown> };

/** Real shard files: a batch in two shards and a sweep in two. */
function shardsOf(args: readonly string[]): Shard[] {
  return [1, 2].map((index) => {
    const result = sandtable([...args, '--shard', `${index}/2`, '--workers', '1']);
    if (result.code !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as Shard;
  });
}

let batch: Shard[] = [];
let sweep: Shard[] = [];
beforeAll(() => {
  batch = shardsOf(['batch', COIN, '--runs', '12', '--seed', '3', '--turns', '3']);
  sweep = shardsOf(['sweep', COIN, '--set', 'p=0:1:3', '--runs', '4', '--seed', '3', '--turns', '2']);
});

const huge = fc.constantFrom(1e9, 2 ** 31, 2 ** 53, 1e300, Number.MAX_SAFE_INTEGER, 100_001, 1e6);
const odd = fc.oneof(fc.integer({ min: -2, max: 12 }), huge, fc.constantFrom(0.5, -0, 1e-300));
const names = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `e${i}`, title: 'x' }));

/** Claims a stranger's shard could make: enormous counts, sweeps of billions, layouts of millions. */
const claim = fc.oneof(
  fc.record({ index: odd, count: odd }).map((shard) => (file: Shard) => ({ ...file, shard })),
  odd.map((runs) => (file: Shard) => ({ ...file, runs })),
  odd.map((turns) => (file: Shard) => ({ ...file, turns, layout: { ...file.layout, turns } })),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(2, 10, 1000, 1001)).map(([axes, steps]) => (file: Shard) => ({
    ...file,
    command: 'sweep',
    parameters: Array.from({ length: axes }, (_, i) => ({ name: `p${i}`, values: Array.from({ length: steps }, (__, k) => k) })),
  })),
  fc.constantFrom(513, 20_000).map((count) => (file: Shard) => ({ ...file, layout: { ...file.layout, events: names(count) } })),
  fc.constantFrom('9'.repeat(5000), '-1', '1e5', '').map((sum) => (file: Shard) => ({
    ...file,
    combinations: (file.combinations as { tally: Record<string, unknown> }[]).map((item) => ({
      ...item,
      tally: { ...item.tally, metricSums: (item.tally.metricSums as string[]).map(() => sum) },
    })),
  })),
  fc.constantFrom(...HOSTILE_TOKENS).map((text) => (file: Shard) => ({ ...file, scenario: { ...(file.scenario as object), title: text, id: text } })),
);

describe('merge on shard files from strangers, fuzzed', () => {
  const worker = new FuzzWorker();
  afterAll(() => worker.close());
  const check = async (texts: string[]) => {
    const outcome = await worker.run('shards', { texts }, LIMIT_MS);
    expectResultOrDocumentedError(outcome, texts);
    return outcome;
  };

  it('merges the unchanged shards, as a baseline', async () => {
    expect(await check(batch.map((file) => JSON.stringify(file)))).toEqual({ kind: 'value', summary: 'merged 1 combinations' });
    expect(await check(sweep.map((file) => JSON.stringify(file)))).toEqual({ kind: 'value', summary: 'merged 3 combinations' });
  }, PROPERTY_TIMEOUT_MS);

  it(`merges or refuses ${TEXT_CASES} shard sets with a shard damaged as text`, async () => {
    const input = fc.tuple(fc.boolean(), fc.nat(1)).chain(([isSweep, which]) => {
      const files = isSweep ? sweep : batch;
      return mutated(JSON.stringify(files[which], null, 1)).map((text) => files.map((file, i) => (i === which ? text : JSON.stringify(file))));
    });
    await fc.assert(fc.asyncProperty(input, async (texts) => {
      await check(texts);
    }), fuzzSettings(TEXT_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`merges or refuses ${DATA_CASES} shard sets with a shard damaged as data`, async () => {
    const input = fc.tuple(fc.boolean(), fc.nat(1)).chain(([isSweep, which]) => {
      const files = isSweep ? sweep : batch;
      return damaged(fc.constant(files[which])).map((data) => files.map((file, i) => JSON.stringify(i === which ? data : file)));
    });
    await fc.assert(fc.asyncProperty(input, async (texts) => {
      await check(texts);
    }), fuzzSettings(DATA_CASES));
  }, PROPERTY_TIMEOUT_MS);

  it(`refuses ${STRUCTURED_CASES} shard sets that claim enormous counts, quickly`, async () => {
    const input = fc.tuple(fc.boolean(), fc.array(claim, { minLength: 1, maxLength: 3 }), fc.boolean());
    await fc.assert(fc.asyncProperty(input, async ([isSweep, claims, both]) => {
      const files = isSweep ? sweep : batch;
      const edit = (file: Shard) => claims.reduce<Shard>((acc, change) => change(acc) as Shard, file);
      await check(files.map((file, i) => JSON.stringify(both || i === 0 ? edit(file) : file)));
    }), fuzzSettings(STRUCTURED_CASES));
  }, PROPERTY_TIMEOUT_MS);
});
