import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { USER_FILES } from '../../../src/cli/files.js';
import { ROOT } from '../../helpers.js';
import { largestRecord, largestScenario, largestShard } from './largest.js';

// SECURITY.md states a budget of time and memory for every command as a
// function of the input's size. These tests build the largest valid input of
// each kind and check that its command stays inside that budget. The bounds
// are several times what was measured (with /usr/bin/time -v, see
// SECURITY.md), so a loaded machine does not make them fail; an input that
// needed a different order of memory or time would.

const dir = mkdtempSync(join(tmpdir(), 'sandtable-largest-'));
const MB = 1024;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the built command line under /usr/bin/time, killed past `seconds`; its exit code and peak memory in MiB. */
function measured(args: readonly string[], seconds: number): { code: number | null; peakMiB: number; stderr: string } {
  const result = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', process.execPath, `${ROOT}bin/sandtable.js`, ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: seconds * 1000, maxBuffer: 64 * 2 ** 20,
  });
  const peak = /maxrss (\d+)/.exec(result.stderr);
  return { code: result.status, peakMiB: peak === null ? Number.NaN : Number(peak[1]) / MB, stderr: result.stderr };
}

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('the largest valid inputs stay inside their stated budgets', () => {
  it('validate of a scenario at every count limit: under 1.5 GiB and 10 minutes', () => {
    // Every variant the format allows: loading compiles the scenario once and checks each variant for what it changes.
    const file = write('largest.json', largestScenario());
    const result = measured(['validate', file], 600);
    expect(result.code, result.stderr).toBe(0);
    expect(result.peakMiB).toBeLessThan(1536);
  }, 700_000);

  it('replay --verify of a record of the most turns and interventions: under 600 MiB and 10 minutes', () => {
    const file = write('largest-record.json', largestRecord());
    const result = measured(['replay', file, '--verify'], 600);
    expect(result.code, result.stderr).toBe(0);
    expect(result.peakMiB).toBeLessThan(600);
  }, 700_000);

  it('merge of a shard at the layout limits, as large as a shard file may be: under 3 GiB and 10 minutes', () => {
    const file = write('largest-shard.json', largestShard(USER_FILES['shard file'].limit));
    const result = measured(['merge', file, '--json'], 600);
    expect(result.code, result.stderr).toBe(0);
    expect(result.peakMiB).toBeLessThan(3072);
  }, 700_000);
});
