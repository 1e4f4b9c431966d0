import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../../batch/cli.js';
import { ROOT, sandtable } from '../../helpers.js';
import { sandtableUnprivileged, type Finished } from '../helpers.js';

// Places an output file cannot be written to, each made in a way that
// really fails, also for root (which ignores permission bits): a directory
// without write permission with root's privileges dropped, a read-only
// tmpfs, a full tmpfs, a file-size limit, a missing directory. Mounting needs
// privileges a CI runner may not have; where it is refused the mount-based
// places are left out and the others, which always work, still run.

/** A directory writes fail in, how to run the command line against it, and the reason the error must give. */
export interface Place {
  readonly name: string;
  readonly dir: string;
  readonly run: (args: readonly string[]) => Finished;
  readonly reason: RegExp;
}

const mounted: string[] = [];

/** Mount a tmpfs with `options` at a fresh directory; null where this process may not mount. */
function mountTmpfs(options: string): string | null {
  const dir = scratch('mount');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}

/** Unmount every tmpfs mounted here. */
export function unmountAll(): void {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
}

/** Directories that cannot be written: without permission (always), and a read-only file system (where mounting is permitted). */
export function readOnlyPlaces(): Place[] {
  const locked = scratch('read-only');
  chmodSync(locked, 0o555);
  const places: Place[] = [
    { name: 'a directory without write permission', dir: locked, run: (args) => sandtableUnprivileged(args), reason: /permission denied/ },
  ];
  const readOnly = mountTmpfs('size=64k,ro');
  if (readOnly !== null) places.push({ name: 'a read-only file system', dir: readOnly, run: sandtable, reason: /the file system is read-only/ });
  return places;
}

/**
 * Places where a write starts and then fails for lack of room: a file-size
 * limit (RLIMIT_FSIZE, always), and a tmpfs filled to the last byte (where
 * mounting is permitted).
 */
export function fullPlaces(): Place[] {
  const limited = scratch('size-limit');
  const places: Place[] = [{
    name: 'a file-size limit of 1 KiB',
    dir: limited,
    run: (args) => {
      const result = spawnSync('prlimit', ['--fsize=1024:1024', '--', process.execPath, `${ROOT}bin/sandtable.js`, ...args], {
        cwd: ROOT, encoding: 'utf8', input: '', timeout: 60_000,
      });
      if (result.error !== undefined) throw result.error;
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    reason: /the file would be larger than this process may write/,
  }];
  const full = mountTmpfs('size=64k');
  if (full !== null) {
    // Fill it: the filler's last write fails with ENOSPC, and the file system is then full.
    try {
      writeFileSync(join(full, 'filler'), Buffer.alloc(128 * 1024));
    } catch {
      // Full, as wanted.
    }
    places.push({ name: 'a full file system', dir: full, run: sandtable, reason: /no space left on the device/ });
  }
  return places;
}

/** A directory that does not exist, inside one that does. */
export function missingPlace(): Place {
  const parent = scratch('missing');
  return { name: 'a directory that does not exist', dir: join(parent, 'no', 'such'), run: sandtable, reason: /no such file or directory/ };
}

/** A fresh directory with a regular file in place of a directory on the way. */
export function throughFilePlace(): Place {
  const parent = scratch('through-file');
  mkdirSync(parent, { recursive: true });
  writeFileSync(join(parent, 'plain'), 'a file');
  return { name: 'a path through a regular file', dir: join(parent, 'plain'), run: sandtable, reason: /a part of the path is not a directory/ };
}
