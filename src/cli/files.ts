import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { inputAt, rememberInput } from '../scenarios/inputs.js';
import { decodeUtf8 } from '../scenarios/utf8.js';
import { UsageError } from './errors.js';

/**
 * Write a file atomically: to a temporary file beside it, then rename, so a
 * reader never sees half a file and a failure leaves nothing behind.
 */
export function writeFileAtomic(path: string, content: string): void {
  refuseInput(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    removeIfThere(temporary);
    throw new UsageError(`cannot write ${path}: ${describeIoError(error)}`);
  }
}

/**
 * Refuse to write `path` when it is a file this command reads (the same file
 * by any name: a link, another path, a hard link): writing would destroy the input.
 */
export function refuseInput(path: string): void {
  const input = inputAt(path);
  if (input === null) return;
  const same = input.path === path ? 'it is' : `it is the same file as ${input.path},`;
  throw new UsageError(`will not write ${path}: ${same} the ${input.what} this command reads; write to another file`);
}

/** Remove a temporary file if it exists; failing to (its directory is gone or not one) must not hide the error that matters. */
function removeIfThere(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was left there to remove.
  }
}

/** Largest file a command reads (run records, shard and inject files); real ones are far smaller. */
export const MAX_USER_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Read a UTF-8 text file the user named, with a one-line error for every way
 * it can fail. Only regular files are read: a pipe could block forever and a
 * device such as /dev/zero never ends. The file is checked once open
 * (non-blocking, so opening a pipe does not wait for a writer), so it cannot
 * be swapped for something else between the check and the read.
 */
export function readUserFile(path: string, what: string): string {
  let bytes: Buffer;
  let fd: number | null = null;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UsageError(`${what} ${path} is a directory`);
    if (!stats.isFile()) throw new UsageError(`${what} ${path} is not a regular file`);
    if (stats.size > MAX_USER_FILE_BYTES) {
      throw new UsageError(`${what} ${path} is ${stats.size} bytes; the limit is ${MAX_USER_FILE_BYTES} bytes (256 MiB)`);
    }
    rememberInput(path, what, stats);
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${what} ${path}: ${describeIoError(error)}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new UsageError(`${what} ${path} is not UTF-8 text (line ${decoded.line}, column ${decoded.column}); save it as UTF-8`);
  }
  return decoded.text;
}

/** A short reason for a file-system error. */
export function describeIoError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ENOSPC': return 'no space left on the device';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'EFBIG': return 'the file would be larger than this process may write (see ulimit -f)';
    case 'EROFS': return 'the file system is read-only';
    case 'EISDIR': return 'it is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    default: return (error as Error).message;
  }
}
