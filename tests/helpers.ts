import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { hashOf } from '../src/engine/hash.js';
import type { History } from '../src/engine/history.js';
import type { WorldState } from '../src/engine/types.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Run the built command line as a user would; never throws. */
export function sandtable(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [`${ROOT}bin/sandtable.js`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user error: exit 2, one line on stderr in the contract's form, nothing on stdout, no stack. */
export function expectUsageError(args: string[], pattern: RegExp): void {
  const { code, stdout, stderr } = sandtable(args);
  expect(code, stderr).toBe(2);
  expect(stdout).toBe('');
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^sandtable: error: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/** The hash of every kept turn of a history. */
export function hashes(history: History): string[] {
  return history.kept.map((turn) => turn.hash);
}

/** Every number of a state, with where it is. */
export function numbersOf(state: WorldState): { where: string; value: number; min: number; max: number }[] {
  const out: { where: string; value: number; min: number; max: number }[] = [];
  for (const [id, value] of Object.entries(state.indicators)) out.push({ where: `ind.${id}`, value, min: 0, max: 1 });
  for (const [a, row] of Object.entries(state.coop)) {
    for (const [b, value] of Object.entries(row)) out.push({ where: `coop.${a}.${b}`, value, min: 0, max: 1 });
  }
  for (const [id, actor] of Object.entries(state.actors)) {
    for (const [k, value] of Object.entries(actor.stance)) out.push({ where: `stance.${id}.${k}`, value, min: -1, max: 1 });
    for (const [k, value] of Object.entries(actor.salience)) out.push({ where: `salience.${id}.${k}`, value, min: 0, max: 1 });
    for (const [k, value] of Object.entries(actor.attrs)) out.push({ where: `attr.${id}.${k}`, value, min: 0, max: 1 });
  }
  return out;
}

export { hashOf };
