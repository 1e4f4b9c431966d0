import { rememberInput } from './inputs.js';
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { decodeUtf8 } from './utf8.js';

// The one way sandtable reads a file a stranger may have sent (scenario files
// and every file they extend, run records, shard files, inject files). `stat`
// is not trusted: a file under /proc can say it has 0 bytes and never end, so
// the bytes are counted as they are read and reading stops at the limit.

/** A kind of file read from outside, with the most bytes one may have. */
export interface FileKind {
  /** As in messages: "scenario file", "run record", ... */
  readonly what: string;
  readonly limit: number;
  /** What to do when a file is too large, after "... are limited to N bytes". */
  readonly advice?: string;
  /** False for a file read only to compare it, not as an input (writers may replace it). */
  readonly input?: boolean;
}

/** A file that was not read, with a sentence (starting with the file) saying why. */
export class FileRefused extends Error {}

/** Where the system makes up files as they are read: never read as a stranger's file, whatever they stat as. */
export const PSEUDO_ROOTS: readonly string[] = ['/proc', '/sys', '/dev'];

const CHUNK = 64 * 1024;

/** `4 MiB` for 4 * 1024 * 1024 (`100 kB` for limits that are not whole MiB). */
function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${Math.ceil(bytes / 1000)} kB`;
}

/**
 * Read at most `kind.limit` bytes of a regular file that is not under /proc,
 * /sys or /dev (by its real path, after every symbolic link).
 * The file is opened once, non-blocking (so a pipe does not wait for a
 * writer), and checked and read through that one descriptor, so it cannot be
 * swapped between the check and the read. Throws FileRefused with one line.
 */
export function readBounded(path: string, kind: FileKind, shown: string = path): Buffer {
  const label = `${kind.what} ${shown}`;
  const tooLarge = (size: string) =>
    new FileRefused(`${label} is ${size} bytes; ${kind.what}s are limited to ${kind.limit} bytes (${mebibytes(kind.limit)})${kind.advice === undefined ? '' : `; ${kind.advice}`}`);
  const refusePseudo = (real: string | null, roots: readonly string[]) => {
    if (real !== null && roots.some((root) => real.startsWith(`${root}/`))) {
      throw new FileRefused(`${label} is ${real}, a file the system makes up as it is read; name a ${kind.what} saved on disk`);
    }
  };
  let fd: number | null = null;
  const chunks: Buffer[] = [];
  try {
    // Nothing that is not a regular file on disk is opened at all: opening a device can have effects of
    // its own (a watchdog, a tape). So the kind and the real path are checked by name first, then again
    // on what was opened, in case the name was swapped in between.
    const named = statOrNull(path);
    if (named?.isDirectory() === true) throw new FileRefused(`${label} is a directory; name a ${kind.what}`);
    if (named !== null && !named.isFile()) throw new FileRefused(`${label} is not a regular file; name a ${kind.what}`);
    refusePseudo(realPathOrNull(path), PSEUDO_ROOTS);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new FileRefused(`${label} is a directory; name a ${kind.what}`);
    if (!stats.isFile()) throw new FileRefused(`${label} is not a regular file; name a ${kind.what}`);
    refusePseudo(openedPath(fd) ?? realPathOrNull(path), PSEUDO_ROOTS);
    if (stats.size > kind.limit) throw tooLarge(String(stats.size));
    // Writers refuse to put an output on any file read as an input (scenarios/inputs.ts).
    if (kind.input !== false) rememberInput(shown, kind.what, stats);
    let total = 0;
    for (;;) {
      // One byte past the limit is enough to know the file is too large.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, kind.limit + 1 - total));
      const count = readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      total += count;
      if (total > kind.limit) throw tooLarge(`more than ${kind.limit}`);
      chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(`cannot read ${label}: ${describeIoError(error)}`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return Buffer.concat(chunks);
}

/** readBounded, as UTF-8 text; bytes that are not UTF-8 are refused with their line and column. */
export function readBoundedText(path: string, kind: FileKind, shown: string = path): string {
  const label = `${kind.what} ${shown}`;
  const decoded = decodeUtf8(readBounded(path, kind, shown));
  if (!decoded.ok) {
    throw new FileRefused(`${label} is not UTF-8 text (line ${decoded.line}, column ${decoded.column}); save it as UTF-8`);
  }
  return decoded.text;
}

/** Where an open file really is, as the kernel names the descriptor (Linux); null where that cannot be asked. */
function openedPath(fd: number): string | null {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

/** What the path names (following links), or null when it cannot be asked (opening it then says why). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The path with every symbolic link resolved, or null when it cannot be (opening it then says why). */
function realPathOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

/** Does the file at `path` hold exactly `content`? False for anything that cannot be read as a small file (missing, too large, a device). */
export function holdsExactly(path: string, content: string): boolean {
  try {
    return readBoundedText(path, { what: 'file', limit: Buffer.byteLength(content), input: false }) === content;
  } catch (error) {
    if (error instanceof FileRefused) return false;
    throw error;
  }
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
    case 'ELOOP': return 'its symbolic links go round in a loop or are chained too deep';
    case 'ENAMETOOLONG': return 'the name is too long';
    default: return (error as Error).message;
  }
}
