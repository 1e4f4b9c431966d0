import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { expect } from 'vitest';
import { CONTROL } from '../helpers.js';

// Fuzzing with a fixed seed and a bounded number of cases, so CI is
// reproducible and stays within minutes. Every case runs in a worker thread
// (target.worker.mjs, over the compiled code in dist/): a case that has not
// answered within its time limit is a hang, and the worker is terminated,
// which stops even a synchronous loop, instead of the test run hanging.

/** The seed of every fuzz property: change it to explore, never to make a failure go away. */
export const FUZZ_SEED = 20240424;

/** How a case ended in the worker. */
export type Outcome =
  | { readonly kind: 'value'; readonly summary: string }
  | {
      readonly kind: 'error';
      /** The error's class. */
      readonly name: string;
      /** One of the classes the code throws for bad input (ScenarioError, RecordError, ...). */
      readonly documented: boolean;
      readonly message: string;
      readonly stack?: string;
      /** For a ScenarioError, the lines the command line prints. */
      readonly lines: readonly string[];
    }
  | { readonly kind: 'exit'; readonly code: number; readonly stdout: string; readonly stderr: string };

export type Target = 'spec' | 'file' | 'expression' | 'record' | 'injects' | 'shards' | 'bounded' | 'versioned' | 'cli';

interface Pending {
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: Error) => void;
}

const WORKER_URL = new URL('./target.worker.mjs', import.meta.url);

/** A worker thread that runs fuzz cases one at a time, each within a time limit. */
export class FuzzWorker {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private next = 0;
  /** Cases run so far, for the report at the end of a property. */
  cases = 0;

  private start(): Promise<void> {
    if (this.ready !== null) return this.ready;
    const worker = new Worker(WORKER_URL);
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: { ready?: true; id?: number; outcome?: Outcome }) => {
        if (message.ready) {
          resolve();
          return;
        }
        const waiting = this.pending.get(message.id!);
        this.pending.delete(message.id!);
        waiting?.resolve(message.outcome!);
      });
      // An uncaught exception or unhandled rejection in the worker ends it: that is a crash.
      const crashed = (why: string) => {
        reject(new Error(why));
        // A worker already given up on (after a hang) no longer answers for anything.
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        for (const waiting of this.pending.values()) waiting.reject(new Error(why));
        this.pending.clear();
      };
      worker.on('error', (error) => crashed(`the code under test crashed its thread: ${error.stack ?? error.message}`));
      worker.on('exit', (code) => crashed(`the code under test ended its thread (exit code ${code})`));
    });
    return this.ready;
  }

  /** Run one case; rejects if it has not finished within `limitMs` (a hang) or crashed its thread. */
  async run(target: Target, input: unknown, limitMs: number): Promise<Outcome> {
    await this.start();
    const worker = this.worker!;
    const id = this.next;
    this.next += 1;
    this.cases += 1;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<Outcome>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new Error(`no answer within ${limitMs} ms (a hang) for ${describe(input)}`));
          // A fresh worker serves the next case; terminate() stops this one even mid-loop.
          this.worker = null;
          this.ready = null;
          void worker.terminate();
        }, limitMs);
        worker.postMessage({ id, target, input });
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stop the worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker !== null) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}

/** A short, printable description of a fuzz input for failure messages. */
export function describe(input: unknown): string {
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}

/**
 * fast-check settings of a fuzz property: fixed seed, `numRuns` cases, and
 * no shrinking (a hang would make every shrinking step wait for its time
 * limit); the failing input is in the message as generated.
 */
export function fuzzSettings<T>(numRuns: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns, endOnFailure: true };
}

/** Time allowed to a whole fuzz property: each case has its own limit, this only bounds the sum. */
export const PROPERTY_TIMEOUT_MS = 600_000;


/**
 * The outcome is a result or a documented error, never a crash. A documented
 * error carries a message; a scenario error's lines are as the command line
 * prints them: each one line, free of control sequences.
 */
export function expectResultOrDocumentedError(outcome: Outcome, input: unknown): void {
  if (outcome.kind === 'error' && !outcome.documented) {
    throw new Error(`crashed with ${outcome.name}: ${outcome.message}\ninput: ${describe(input)}\n${outcome.stack ?? ''}`);
  }
  if (outcome.kind === 'error') {
    expect(outcome.message.trim(), describe(input)).not.toBe('');
    for (const line of outcome.lines) {
      expect(line, describe(input)).not.toMatch(/\n/);
      expect(line, describe(input)).not.toMatch(CONTROL);
    }
  }
}
