import { runPool } from './pool.js';
import { startProgress } from './progress.js';
import type { DoneMessage, Job, ResultMessage, Task } from './protocol.js';

/** How a command runs its job. */
export interface ExecuteOptions {
  readonly workers: number;
  readonly job: Job;
  readonly tasks: readonly Task[];
  /** Each finished task, in the order they finish. */
  readonly onDone?: (task: Task, message: DoneMessage) => void;
  readonly window?: number;
  /** Aborted by Ctrl+C or SIGTERM (see `interruptible`). */
  readonly signal: AbortSignal;
}

/**
 * Run a job on worker threads with a progress bar (on a terminal); aborting
 * the signal stops the workers cleanly and rejects with its reason.
 */
export function execute(options: ExecuteOptions): Promise<ResultMessage[]> {
  const total = options.tasks.reduce((sum, task) => sum + task.to - task.from, 0);
  const progress = startProgress(total);
  let done = 0;
  return runPool({
    workers: options.workers,
    job: options.job,
    tasks: options.tasks,
    window: options.window,
    signal: options.signal,
    onDone: (task, message) => {
      options.onDone?.(task, message);
      done += message.runs;
      progress.update(done);
    },
  }).finally(() => progress.stop());
}
