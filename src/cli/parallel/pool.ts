import { Worker } from 'node:worker_threads';
import { SimulationError } from '../../engine/errors.js';
import { workerCount } from '../batch-options.js';
import type { DoneMessage, FromWorker, Job, ResultMessage, Task } from './protocol.js';

/** How a pool is run. */
export interface PoolOptions {
  readonly workers: number;
  readonly job: Job;
  readonly tasks: readonly Task[];
  /** Called in the main thread as each task finishes (in any order). */
  readonly onDone: (task: Task, message: DoneMessage) => void;
  /**
   * Hand out no task more than this many places past the oldest unfinished
   * one, so a caller writing results in task order buffers little.
   */
  readonly window?: number;
  /** Aborting stops every worker; the pool then rejects with the signal's reason. */
  readonly signal: AbortSignal;
}

/**
 * Heap limits of a worker. V8 grows a heap lazily, and a worker that makes as
 * much short-lived garbage as a batch does would otherwise let its heap (and
 * so the process's memory) creep up with the number of runs; a cap makes it
 * collect instead. A batch needs little heap (its histograms live outside
 * it), so the cap is generous: it exists to stop creep, not to ration.
 */
function limits(job: Job): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const base = job.kind === 'tally' && job.csv ? 128 : 48;
  return { maxOldGenerationSizeMb: base + compiledRoomMb(job), maxYoungGenerationSizeMb: 8 };
}

/** Heap per byte of scenario data that its compiled form may take (expression closures cost far more than their text). */
const HEAP_PER_SCENARIO_BYTE = 256;

/**
 * Room for the job's compiled scenarios on top of the base cap: a large valid
 * scenario (half a megabyte of expressions) compiles to more than the base
 * cap, and its worker would run out of heap before its first run.
 */
function compiledRoomMb(job: Job): number {
  const specs = job.kind === 'tally' ? [job.scenario.spec] : job.kind === 'compare' ? [job.base.spec, job.variant.spec] : [job.spec];
  const bytes = specs.reduce((sum, spec) => sum + JSON.stringify(spec).length, 0);
  return Math.ceil((bytes * HEAP_PER_SCENARIO_BYTE) / 2 ** 20);
}

/** The worker threads a pool starts: the workers asked for, but never more than the cores (see `workerCount`) or the tasks. */
export function poolSize(requested: number, tasks: number, cores?: number): number {
  return Math.min(workerCount(requested, cores), tasks);
}

/** Tasks kept queued at each worker, so it never waits for its next one. */
const QUEUED = 2;
const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * Run a job's tasks on a pool of worker threads, handing tasks out as workers
 * finish them, and resolve to each worker's final result. Whatever happens
 * (an error, an abort), every worker is terminated before the promise settles.
 */
export function runPool(options: PoolOptions): Promise<ResultMessage[]> {
  const { job, tasks, onDone, signal } = options;
  const window = options.window ?? Number.POSITIVE_INFINITY;
  const count = poolSize(options.workers, tasks.length);
  if (count === 0) return Promise.resolve([]);

  return new Promise<ResultMessage[]>((resolve, reject) => {
    const workers: Worker[] = [];
    const queued = new Map<Worker, number>();
    const finishing = new Set<Worker>();
    const delivered = new Set<Worker>();
    const results: ResultMessage[] = [];
    const finished = new Array<boolean>(tasks.length).fill(false);
    let next = 0;
    let oldest = 0;
    let settled = false;

    const stopAll = () => Promise.all(workers.map((worker) => worker.terminate())).then(() => undefined);
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void stopAll().then(() => reject(error), () => reject(error));
    };
    const onAbort = () => fail(signal.reason);

    const feed = (worker: Worker) => {
      while ((queued.get(worker) ?? 0) < QUEUED && next < tasks.length && next < oldest + window) {
        worker.postMessage({ type: 'task', task: tasks[next] });
        next += 1;
        queued.set(worker, (queued.get(worker) ?? 0) + 1);
      }
      if (next === tasks.length && queued.get(worker) === 0 && !finishing.has(worker)) {
        finishing.add(worker);
        worker.postMessage({ type: 'finish' });
      }
    };

    const onMessage = (worker: Worker, message: FromWorker) => {
      if (settled) return;
      switch (message.type) {
        case 'done': {
          queued.set(worker, (queued.get(worker) ?? 1) - 1);
          finished[message.task] = true;
          while (oldest < tasks.length && finished[oldest]) oldest += 1;
          try {
            onDone(tasks[message.task]!, message);
          } catch (error) {
            fail(error);
            return;
          }
          for (const each of workers) feed(each);
          return;
        }
        case 'error':
          fail(message.simulation ? new SimulationError(message.message) : new Error(message.message));
          return;
        default:
          results.push(message);
          delivered.add(worker);
          void worker.terminate();
          if (results.length === count) {
            settled = true;
            signal.removeEventListener('abort', onAbort);
            void stopAll().then(() => resolve(results), () => resolve(results));
          }
      }
    };

    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    for (let index = 0; index < count; index += 1) {
      const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: limits(job) });
      workers.push(worker);
      queued.set(worker, 0);
      worker.on('message', (message: FromWorker) => onMessage(worker, message));
      worker.on('error', (error: NodeJS.ErrnoException) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Error(`a worker thread ran out of its ${limits(job).maxOldGenerationSizeMb} MB heap`)
        : error));
      worker.on('exit', (code) => {
        if (!settled && !delivered.has(worker)) fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
    }
    for (const worker of workers) feed(worker);
  });
}
