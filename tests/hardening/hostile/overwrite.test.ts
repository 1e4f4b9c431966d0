import { copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COIN } from '../../batch/helpers.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { writeFileAtomic, readUserFile } from '../../../src/cli/files.js';
import { forgetInputs } from '../../../src/scenarios/inputs.js';
import { expectRefused } from '../helpers.js';

// No command writes its output over one of its inputs (the scenario file, a
// file its extends: names, the record, a shard, the inject file), whether the
// output names it the same way, by another path, through a symbolic link or
// as a hard link: `report rec.json --out rec.json` and `run c.yaml --record
// c.yaml` used to destroy the input. The input is left as it was.

const dir = scratch('hostile-overwrite');
const at = (name: string) => join(dir, name);
const inputs = ['coin.yaml', 'child.yaml', 'record.json', 'shard.json'];
const before = new Map<string, string>();

beforeAll(() => {
  copyFileSync(COIN, at('coin.yaml'));
  writeFileSync(at('child.yaml'), 'extends: ./coin.yaml\nid: child\n');
  mkdirSync(at('sub'));
  symlinkSync(at('coin.yaml'), at('link.yaml'));
  linkSync(at('coin.yaml'), at('hard.csv'));
  symlinkSync(at('record.json'), at('record-link.md'));
  const made = sandtable(['run', at('coin.yaml'), '--seed', '1', '--record', at('record.json')]);
  expect(made.code, made.stderr).toBe(0);
  const shard = sandtable(['sweep', at('coin.yaml'), '--set', 'p=0:1:2', '--runs', '2', '--seed', '1', '--workers', '1', '--shard', '1/1']);
  expect(shard.code, shard.stderr).toBe(0);
  writeFileSync(at('shard.json'), shard.stdout);
  for (const name of inputs) before.set(name, readFileSync(at(name), 'utf8'));
});

function expectInputsKept(): void {
  for (const name of inputs) expect(readFileSync(at(name), 'utf8'), name).toBe(before.get(name));
}

describe('a command whose output is one of its inputs', () => {
  it('run --record: the scenario by the same path, another path, a symbolic link, a hard link, and a file extends: names', () => {
    const refused = /will not write .*: it is (the same file as .*coin\.yaml, )?the scenario file this command reads; write to another file/;
    for (const out of ['coin.yaml', join('sub', '..', 'coin.yaml'), 'link.yaml', 'hard.csv']) {
      expectRefused(sandtable(['run', at('coin.yaml'), '--seed', '1', '--record', at(out)]), refused);
    }
    expectRefused(sandtable(['run', at('child.yaml'), '--seed', '1', '--record', at('coin.yaml')]), refused);
    expectInputsKept();
  });

  it('report --out: the record, the record through a link, and the scenario given with --scenario', () => {
    expectRefused(sandtable(['report', at('record.json'), '--scenario', at('coin.yaml'), '--runs', '2', '--out', at('record.json')]),
      /will not write .*record\.json: it is the run record this command reads/);
    expectRefused(sandtable(['report', at('record.json'), '--scenario', at('coin.yaml'), '--runs', '2', '--out', at('record-link.md')]),
      /will not write .*record-link\.md: it is the same file as .*record\.json, the run record/);
    expectRefused(sandtable(['report', at('record.json'), '--scenario', at('coin.yaml'), '--runs', '2', '--out', at('link.yaml')]),
      /the scenario file this command reads/);
    expectInputsKept();
  });

  it('report --out of an analysis: its --json output, named as what it is', () => {
    const batch = sandtable(['batch', at('coin.yaml'), '--runs', '4', '--workers', '1', '--seed', '1', '--json']);
    expect(batch.code, batch.stderr).toBe(0);
    writeFileSync(at('batch.json'), batch.stdout);
    expectRefused(sandtable(['report', at('batch.json'), '--out', at('batch.json')]),
      /will not write .*batch\.json: it is the batch --json output this command reads; write to another file/);
    expect(readFileSync(at('batch.json'), 'utf8')).toBe(batch.stdout);
  });

  it('batch --csv, sweep --csv and merge --csv: the scenario and the shard', () => {
    expectRefused(sandtable(['batch', at('coin.yaml'), '--runs', '2', '--workers', '1', '--csv', at('hard.csv')]), /the scenario file this command reads/);
    expectRefused(sandtable(['sweep', at('child.yaml'), '--set', 'p=0:1:2', '--runs', '2', '--workers', '1', '--csv', at('coin.yaml')]),
      /the scenario file this command reads/);
    expectRefused(sandtable(['merge', at('shard.json'), '--csv', at('shard.json')]), /will not write .*shard\.json: it is the shard file this command reads/);
    expectInputsKept();
  });

  it('init --force: the scenario it copies or extends', () => {
    expectRefused(sandtable(['init', at('coin.yaml'), '--from', at('coin.yaml'), '--force']), /the scenario file this command reads/);
    expectRefused(sandtable(['init', at('link.yaml'), '--extends', at('child.yaml'), '--force']), /the scenario file this command reads/);
    expectInputsKept();
  });

  it('a terminal UI\'s export: the inject file the exercise read', () => {
    writeFileSync(at('injects.json'), '{"injects": []}');
    forgetInputs();
    readUserFile(at('injects.json'), 'inject file');
    expect(() => writeFileAtomic(at('injects.json'), '{}')).toThrow(/will not write .*injects\.json: it is the inject file this command reads/);
    expect(readFileSync(at('injects.json'), 'utf8')).toBe('{"injects": []}');
    forgetInputs();
  });

  it('still writes a file that is no input, and over an output of an earlier command', () => {
    const out = at('run.json');
    for (let i = 0; i < 2; i += 1) expect(sandtable(['run', at('coin.yaml'), '--seed', '1', '--record', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).seed).toBe(1);
  });
});
