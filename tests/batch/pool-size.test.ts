import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/batch-options.js';
import { poolSize } from '../../src/cli/parallel/pool.js';
import { planTasks } from '../../src/cli/parallel/tasks.js';
import { resolveSpec } from '../../src/scenarios/load.js';
import { ROOT } from '../helpers.js';
import { COIN } from './helpers.js';

// `--workers` asked for 256 threads and got them, for 300 runs on two cores:
// 11 s and 1.7 GB instead of 0.7 s and 120 MB. A pool starts at most one
// thread per core, and never more than it has tasks.

describe('the worker pool', () => {
  it('starts no more workers than asked for, than there are cores, or than there are tasks', () => {
    expect(poolSize(256, 300, 2)).toBe(2);
    expect(poolSize(3, 300, 8)).toBe(3);
    expect(poolSize(8, 5, 16)).toBe(5);
    expect(poolSize(8, 0, 16)).toBe(0);
    expect(workerCount(undefined, 6)).toBe(6);
    expect(workerCount(256, 4)).toBe(4);
    expect(workerCount(2, 0)).toBe(1);
  });

  it('starts one worker per core when 64 are asked for 40 tasks, and each runs its share', async () => {
    // The built pool, so that its worker threads load the built worker.
    const { runPool } = await import(`${ROOT}dist/cli/parallel/pool.js`) as typeof import('../../src/cli/parallel/pool.js');
    const tasks = planTasks(0, 40, 40, 64, 1);
    expect(tasks).toHaveLength(40);
    let runs = 0;
    const results = await runPool({
      workers: 64,
      job: { kind: 'tally', scenario: { spec: resolveSpec(COIN), variant: null }, combinations: [{}], seed: 1, turns: 2, quantiles: false, csv: false },
      tasks,
      onDone: (_, message) => { runs += message.runs; },
      signal: new AbortController().signal,
    });
    // Every worker started sends exactly one final result.
    expect(results).toHaveLength(Math.min(40, availableParallelism()));
    expect(runs).toBe(40);
  });
});
