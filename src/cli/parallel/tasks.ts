import type { Task } from './protocol.js';

/** The most runs in one task: small enough to balance the workers and keep CSV chunks small. */
const MAX_CHUNK = 200;

/**
 * Split flat work items [from, to) of a batch of `runs` runs per combination
 * into tasks, none crossing a combination, sized so that each worker gets
 * many (load balance) but not so many that messaging costs, and none has
 * more than `most` runs.
 */
export function planTasks(from: number, to: number, runs: number, workers: number, most = MAX_CHUNK): Task[] {
  const chunk = Math.max(1, Math.min(most, MAX_CHUNK, Math.ceil((to - from) / (workers * 16))));
  const tasks: Task[] = [];
  let at = from;
  while (at < to) {
    const combination = Math.floor(at / runs);
    const end = Math.min(to, at + chunk, (combination + 1) * runs);
    tasks.push({ id: tasks.length, combination, from: at - combination * runs, to: end - combination * runs });
    at = end;
  }
  return tasks;
}
