import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { ROOT } from '../helpers.js';

/** Characters that drive a terminal or spoof a line: C0 controls other than newline and tab (so carriage return too), DEL, C1 and the bidirectional controls. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** What a finished command line gave. */
export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run the built command line as a user without the privilege to ignore file
 * permissions. Tests run as root in CI, and root reads and writes whatever
 * the permission bits say; dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
 * (setpriv, from util-linux) makes a chmod 000 file really unreadable and a
 * chmod 555 directory really read-only. A user who is not root needs nothing
 * dropped: the permission bits already apply.
 */
export function sandtableUnprivileged(args: readonly string[], cwd = ROOT): Finished {
  const node = [process.execPath, `${ROOT}bin/sandtable.js`, ...args];
  const drop = ['--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search', '--'];
  const [command, ...rest] = process.getuid?.() === 0 ? ['setpriv', ...drop, ...node] : node;
  if (command === undefined) throw new Error('no command to run');
  const result = spawnSync(command, rest, { cwd, encoding: 'utf8', input: '', timeout: 60_000 });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user error: exit 2, nothing on stdout, every line `sandtable: error: ...`, the first matching `pattern`, no stack, nothing that drives a terminal. */
export function expectRefused(result: Finished, pattern: RegExp, lines = 1): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const shown = result.stderr.replace(/\n$/, '').split('\n');
  expect(shown, result.stderr).toHaveLength(lines);
  for (const line of shown) expect(line).toMatch(/^sandtable: error: /);
  expect(shown[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(CONTROL);
}
