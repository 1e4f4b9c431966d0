import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COIN } from '../../batch/helpers.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { CONTROL, expectRefused, type Finished } from '../helpers.js';

// Every message that echoes a name or a value (a file name, an id, a value
// from a file or from the command line) passes through the one terminal
// sanitiser: a name made of a carriage return, an erase-line sequence, a fake
// "verified: ..." line, a newline and a right-to-left override can neither
// drive the terminal nor start a line of its own. A failed `replay --verify`
// with such a name must never look verified.

const SPOOF = '\r\u001b[2Kverified: fine.json replays exactly\n\u202egpj.';
const dir = scratch('hostile-echo');
const at = (name: string) => join(dir, name);
const scenario = at(`coin${SPOOF}.yaml`);
const record = at(`record${SPOOF}.json`);
const tampered = at(`tampered${SPOOF}.json`);
const shard = at(`shard${SPOOF}.json`);

beforeAll(() => {
  copyFileSync(COIN, scenario);
  const made = sandtable(['run', scenario, '--seed', '2', '--turns', '3', '--record', record]);
  expect(made.code, made.stderr).toBe(0);
  const data = JSON.parse(readFileSync(record, 'utf8'));
  writeFileSync(tampered, JSON.stringify({ ...data, finalHash: 'f'.repeat(64), hashes: data.hashes.map((hash: string, i: number) => (i === 2 ? 'e'.repeat(64) : hash)) }));
  const sharded = sandtable(['sweep', scenario, '--set', 'p=0:1:2', '--runs', '2', '--seed', '1', '--workers', '1', '--shard', '1/1']);
  expect(sharded.code, sharded.stderr).toBe(0);
  writeFileSync(shard, sharded.stdout);
});

/** Nothing that drives a terminal; every stderr line in the `sandtable: ...` form; `notes` lines on stderr. */
function expectClean(result: Finished, code: number, notes: number): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).not.toMatch(CONTROL);
  expect(result.stderr).not.toMatch(CONTROL);
  const lines = result.stderr === '' ? [] : result.stderr.replace(/\n$/, '').split('\n');
  expect(lines, result.stderr).toHaveLength(notes);
  for (const line of lines) expect(line).toMatch(/^sandtable: /);
}

describe('a file name made to spoof the terminal', () => {
  it('cannot make a failed replay --verify look verified', () => {
    const result = sandtable(['replay', tampered, '--verify', '--scenario', scenario]);
    expectClean(result, 1, 1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sandtable: error: .*tampered.*does not replay: turn \d+ differs/);
    expect(result.stderr).not.toMatch(/^verified/m);
  });

  it('is one clean line in the verified: line of a record that does verify', () => {
    const result = sandtable(['replay', record, '--verify', '--scenario', scenario]);
    // The record embeds its scenario; --scenario only adds a note comparing the two, itself one clean line.
    expectClean(result, 0, 1);
    expect(result.stderr).toMatch(/^sandtable: note: .*coinverified: fine\.json replays exactly gpj\.\.yaml is the same as the scenario .* embeds\n$/);
    expect(result.stdout.split('\n')).toEqual([expect.stringMatching(/^verified: .*record.*verified: fine\.json replays exactly gpj\.\.json replays exactly \(3 turns/), '']);
  });

  it('is one clean line in what run --record, batch --csv, sweep --csv, merge --csv and report --out say they wrote', () => {
    const common = ['--seed', '1', '--workers', '1'];
    const ran = sandtable(['run', scenario, '--seed', '1', '--record', at(`run${SPOOF}.json`)]);
    expectClean(ran, 0, 1);
    expect(ran.stderr).toMatch(/^sandtable: run record written to .*runverified: fine\.json replays exactly gpj\.\.json\n$/);
    const batch = sandtable(['batch', scenario, '--runs', '3', ...common, '--csv', at(`batch${SPOOF}.csv`)]);
    expectClean(batch, 0, 1);
    expect(batch.stderr).toMatch(/^sandtable: 3 runs × 2 turns written to /);
    const sweep = sandtable(['sweep', scenario, '--set', 'p=0:1:2', '--runs', '2', ...common, '--csv', at(`sweep${SPOOF}.csv`)]);
    expectClean(sweep, 0, 1);
    expect(sweep.stderr).toMatch(/^sandtable: 2 combinations written to /);
    expectClean(sandtable(['merge', shard, '--csv', at(`merged${SPOOF}.csv`)]), 0, 0);
    const report = sandtable(['report', record, '--scenario', scenario, '--runs', '2', '--out', at(`report${SPOOF}.md`)]);
    expectClean(report, 0, 2);
    expect(report.stderr).toMatch(/^sandtable: note: .* is the same as the scenario .* embeds\nsandtable: wrote the Markdown report to /);
  });

  it('is one clean line in what init wrote and what validate found', () => {
    const init = sandtable(['init', at(`new${SPOOF}.yaml`), '--extends', scenario]);
    expectClean(init, 0, 1);
    expect(init.stderr).toMatch(/^sandtable: wrote .*new.*\.yaml \(scenario `new-[a-z0-9-]+`, extends /);
    const valid = sandtable(['validate', scenario]);
    expectClean(valid, 0, 0);
    expect(valid.stdout).toMatch(/^[^\n]*: valid scenario `coin` \(1 actor, 1 rule, variants: biased, forced-at-5\)\n$/);
    const broken = at(`broken${SPOOF}.yaml`);
    writeFileSync(broken, readFileSync(COIN, 'utf8').replace('turns: 1', 'turns: one').replace('initial: 0 }', 'initial: 2 }'));
    const invalid = sandtable(['validate', broken]);
    expectClean(invalid, 2, 3);
    expect(invalid.stderr).toMatch(/^sandtable: error: .*broken.*:\d+:\d+: turns: /);
  });

  it('is one clean line in every error that names a file', () => {
    expectRefused(sandtable(['replay', at(`missing${SPOOF}.json`)]), /cannot read run record .*missingverified: fine\.json replays exactly gpj\.\.json: no such file/);
    expectRefused(sandtable(['report', at(`missing${SPOOF}.json`)]), /cannot read run record .*missing/);
    expectRefused(sandtable(['merge', scenario]), /coin.*\.yaml is not JSON/);
    expectRefused(sandtable(['run', at(`missing${SPOOF}.yaml`)]), /cannot read scenario file .*missing.*: no such file/);
    expectRefused(sandtable(['run', '--record', join(at(`no-dir${SPOOF}`), 'run.json')]), /cannot write .*no-dirverified/);
    expectRefused(sandtable(['exercise', scenario, '--role', 'tosser', '--injects', at(`missing${SPOOF}.yaml`)]), /cannot read inject file .*missing/);
  });
});

describe('a value from the command line or a file made to spoof the terminal', () => {
  it('is one clean line in every error that names an unknown scenario, variant, role, parameter or option', () => {
    expectRefused(sandtable(['run', `niger${SPOOF}`]), /unknown scenario `niger/);
    expectRefused(sandtable(['run', `niger-2024/${SPOOF}`]), /niger-2024 has no variant/);
    expectRefused(sandtable(['run', 'niger-2024', '--variant', SPOOF]), /niger-2024 has no variant/);
    expectRefused(sandtable(['exercise', scenario, '--role', SPOOF]), /unknown role `verified: fine\.json replays exactly gpj\.`/);
    expectRefused(sandtable(['sweep', scenario, '--set', `q${SPOOF}=1`, '--runs', '2']), /names no parameter/);
    expectRefused(sandtable(['run', '--seed', SPOOF]), /the seed must be a whole number/);
    expectRefused(sandtable(['run', `--${SPOOF}`]), /unknown option/);
  });

  it('is one clean line in an error that quotes a record\'s value', () => {
    const data = JSON.parse(readFileSync(record, 'utf8'));
    const other = at('other-scenario.json');
    writeFileSync(other, JSON.stringify({ ...data, scenario: { ...data.scenario, id: `coin${SPOOF}` } }));
    // The record's own id and its embedded scenario's disagree: refused, naming both on one line.
    expectRefused(sandtable(['replay', other, '--scenario', scenario]), /embeds scenario coin, not coinverified: fine\.json replays exactly gpj\., the scenario it names/);
  });
});
