import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT, sandtable } from '../helpers.js';

export { expectUsageError } from '../helpers.js';

/** Run the command line and insist that it succeeds; returns stdout. */
export function ok(args: string[]): string {
  const result = sandtable(args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** A fresh temporary directory. */
export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `sandtable-${name}-`));
}

/** A directory with a `sandtable` executable that runs this checkout's binary, for shell examples. */
export function shimDirectory(): string {
  const dir = scratch('bin');
  const shim = join(dir, 'sandtable');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${ROOT}bin/sandtable.js" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/**
 * Start the command line in the background, send it `signal` once `ready()`
 * says it is well under way, and resolve to its exit code and output.
 */
export function interrupt(args: string[], signal: NodeJS.Signals, ready: () => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/sandtable.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr });
    });
  });
}
