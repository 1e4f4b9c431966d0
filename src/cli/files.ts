import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeIoError, FileRefused, readBoundedText, type FileKind } from '../scenarios/bounded-read.js';
import { inputAt } from '../scenarios/inputs.js';
import { UsageError } from './errors.js';

/**
 * Write a file atomically: to a temporary file beside it, then rename, so a
 * reader never sees half a file and a failure leaves nothing behind.
 */
export function writeFileAtomic(path: string, content: string, mode?: number): void {
  refuseInput(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, mode === undefined ? { flag: 'wx' } : { flag: 'wx', mode });
    renameSync(temporary, path);
  } catch (error) {
    removeIfThere(temporary);
    throw new UsageError(`cannot write ${path}: ${describeIoError(error)}`);
  }
}

/**
 * Refuse to write `path` when it is a file this command reads (the same file
 * by any name: a link, another path, a hard link): writing would destroy the input.
 * `what` names the input when it is more than what its reader called it.
 */
export function refuseInput(path: string, what?: string): void {
  const input = inputAt(path);
  if (input === null) return;
  const same = input.path === path ? 'it is' : `it is the same file as ${input.path},`;
  throw new UsageError(`will not write ${path}: ${same} the ${what ?? input.what} this command reads; write to another file`);
}

/** Remove a temporary file if it exists; failing to (its directory is gone or not one) must not hide the error that matters. */
function removeIfThere(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was left there to remove.
  }
}

/** The files a command reads besides scenario files, with the most bytes each may have (docs/decisions.md says why). */
export const USER_FILES = {
  /** The largest record the format allows (600 turns, 100,000 interventions, ids of 64 characters) is about 19 MB. */
  'run record': { what: 'run record', limit: 32 * 1024 * 1024 },
  'shard file': { what: 'shard file', limit: 64 * 1024 * 1024, advice: 'split the batch into more shards (--shard I/N with a larger N)' },
  /** As large as a scenario file, which can carry the same injects. */
  'inject file': { what: 'inject file', limit: 4 * 1024 * 1024 },
  /** The text a scenario's quotations are checked against; as large as a scenario file. */
  article: { what: 'article', limit: 4 * 1024 * 1024 },
} as const satisfies Record<string, FileKind>;

/**
 * Read a UTF-8 text file the user named, with a one-line error for every way
 * it can fail: only regular files that are not made up by the system (/proc,
 * /sys, /dev), read up to the kind's limit whatever their size claims.
 */
export function readUserFile(path: string, what: keyof typeof USER_FILES): string {
  try {
    return readBoundedText(path, USER_FILES[what]);
  } catch (error) {
    if (error instanceof FileRefused) throw new UsageError(error.message);
    throw error;
  }
}

export { describeIoError };
