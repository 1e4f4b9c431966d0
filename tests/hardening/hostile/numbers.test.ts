import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { COIN } from '../../batch/helpers.js';
import { expectRefused, type Finished } from '../helpers.js';

// Every numeric option, given a number that is not finite or out of range,
// is bad usage (exit 2, one line), never an internal error: `sweep --set
// p=1e400` used to reach the scenario hash as Infinity and exit 70.
// These fail while the options are parsed, so they run in this process.

async function run(args: readonly string[]): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

const HUGE = ['1e400', '-1e400', 'Infinity', '-Infinity', 'NaN', '1e308', '-1e308'];

describe('a swept value that is not a finite number in range', () => {
  it('is refused as bad usage, alone, as FROM, as TO, and when TO - FROM is not finite', async () => {
    for (const value of HUGE) {
      for (const set of [`p=${value}`, `p=${value}:1:3`, `p=0:${value}:3`]) {
        const result = await run(['sweep', COIN, '--set', set, '--runs', '2']);
        if (/^-?\d/.test(value)) expectRefused(result, /out of range; a swept value is a number from -1000000000 to 1000000000/);
        else expectRefused(result, /is not a range|names no parameter/);
      }
    }
    expectRefused(await run(['sweep', COIN, '--set', 'p=-1e9:1e9:3', '--set', 'q=1e10', '--runs', '2']), /1e10 in "q=1e10" is out of range/);
  });
});

describe('every other numeric option', () => {
  it('refuses numbers that are not finite or out of range for --seed, --turns, --runs, --workers, --shard and report --runs', async () => {
    const cases: [string[], RegExp][] = [
      [['run', '--seed', '%'], /the seed must be/],
      [['run', '--turns', '%'], /the number of turns must be/],
      [['batch', COIN, '--runs', '%'], /the number of runs must be/],
      [['batch', COIN, '--runs', '2', '--workers', '%'], /the number of workers must be/],
      [['batch', COIN, '--runs', '2', '--shard', '1/%'], /a shard is written I\/N|the shard count N/],
      [['batch', COIN, '--runs', '2', '--shard', '%/1'], /a shard is written I\/N|the shard number I/],
      [['report', 'record.json', '--runs', '%'], /the number of runs must be/],
    ];
    for (const [args, pattern] of cases) {
      for (const value of [...HUGE, '-1', '0', '1.5', '99999999999999999999', '1e3']) {
        if (value === '0' && args.includes('--seed')) continue; // 0 is a seed
        expectRefused(await run(args.map((arg) => arg.replace('%', value))), pattern);
      }
    }
  });
});

it('the in-process runner sees what the binary prints', async () => {
  const result = await run(['--version']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});
