import { statSync } from 'node:fs';

// The files this process has read as input (scenario files and every file
// their `extends:` names, run records, shard files, inject files), by
// identity: device and inode. A command that writes asks here first, so that
// no output lands on one of its inputs, whether it is named the same way, by
// another path, through a symbolic link or as a hard link.

/** An input file, as its reader named it. */
export interface InputFile {
  readonly path: string;
  readonly what: string;
}

const inputs = new Map<string, InputFile>();

const identity = (stats: { readonly dev: number; readonly ino: number }) => `${stats.dev}:${stats.ino}`;

/** Forget every input: a new command starts (the command line calls this first). */
export function forgetInputs(): void {
  inputs.clear();
}

/** Note that `path` (a file of kind `what`, with these stats) was read. */
export function rememberInput(path: string, what: string, stats: { readonly dev: number; readonly ino: number }): void {
  if (!inputs.has(identity(stats))) inputs.set(identity(stats), { path, what });
}

/** The input file that `path` is (following links), or null when it is none, or there is no file. */
export function inputAt(path: string): InputFile | null {
  try {
    return inputs.get(identity(statSync(path))) ?? null;
  } catch {
    return null;
  }
}
