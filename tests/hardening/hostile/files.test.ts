import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_INTERVENTIONS } from '../../../src/engine/record.js';
import { MAX_EXPRESSION_LENGTH } from '../../../src/scenarios/expression.js';
import { LIMITS } from '../../../src/scenarios/format.js';
import { MAX_FILE_BYTES } from '../../../src/scenarios/load.js';
import { COIN } from '../../batch/helpers.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { expectRefused, sandtableUnprivileged } from '../helpers.js';

// Files from strangers that are not merely malformed but hostile or broken at
// the file level: enormous numbers, very long strings, bytes that are not
// UTF-8, directories, missing files, files that cannot be read, pipes and
// endless devices. Every command that reads a file answers each with one
// clear line and exit 2, never a crash, a hang or a read that never ends.

const COIN_TEXT = readFileSync(COIN, 'utf8');
const dir = scratch('hostile-files');
const at = (name: string) => join(dir, name);

/** Write a file into the scratch directory and return its path. */
function file(name: string, content: string | Buffer): string {
  writeFileSync(at(name), content);
  return at(name);
}

/** The coin scenario with one piece of text replaced (which must be there). */
function coinWith(find: string, replace: string): string {
  if (!COIN_TEXT.includes(find)) throw new Error(`coin.yaml has no ${find}`);
  return COIN_TEXT.replace(find, replace);
}

/** A scenario file's problem: its line, then the count line that `validate` adds. */
function expectProblem(path: string, pattern: RegExp): void {
  expectRefused(sandtable(['validate', path]), pattern, 2);
  expectRefused(sandtable(['run', path, '--seed', '1']), pattern);
}

// Every command that reads a file a stranger may have sent, with the kind of file in its messages.
let record = '';
let shard = '';
const READERS: [string, (path: string) => string[], RegExp][] = [
  ['scenario file', (path) => ['validate', path], /scenario file/],
  ['run record (replay)', (path) => ['replay', path], /run record/],
  ['run record (report)', (path) => ['report', path, '--runs', '2'], /run record/],
  ['inject file', (path) => ['exercise', 'niger-2024', '--role', 'usa', '--injects', path], /inject file/],
  ['shard file', (path) => ['merge', path], /shard file/],
];

beforeAll(() => {
  record = file('record.json', (() => {
    const result = sandtable(['run', '--seed', '3', '--turns', '4', '--record', at('made.json')]);
    expect(result.code, result.stderr).toBe(0);
    return readFileSync(at('made.json'), 'utf8');
  })());
  shard = file('shard.json', sandtable(['batch', COIN, '--runs', '3', '--seed', '1', '--turns', '2', '--shard', '1/1', '--workers', '1']).stdout);
});

describe('enormous numbers', () => {
  it('are refused where a range applies, with the field and the value', () => {
    expectProblem(file('infinite.yaml', coinWith('initial: 0 }', 'initial: 1e309 }')), /indicators\[0\]\.initial: must be a number, not Infinity/);
    // One line for one value: the field's limit, not also the safe-integer range of JavaScript.
    expectProblem(file('long-horizon.yaml', coinWith('turns: 1\n', 'turns: 1e300\n')), new RegExp(`turns: must be at most ${LIMITS.turns}, not 1e\\+300$`));
  });

  it('stop a run with the turn and the value they broke when an expression overflows', () => {
    const path = file('overflow.yaml', coinWith('  p: 0.3', '  p: 1e308').replace('chance: param.p', 'chance: "param.p * 10"'));
    expectRefused(sandtable(['run', path, '--seed', '1']), /the scenario cannot be run: turn 1: chance of heads would become Infinity/);
  });

  it('run exactly where no range applies (a parameter of 60 digits, a value of 5000 digits)', () => {
    const digits = coinWith('  p: 0.3', `  p: ${'1234567890'.repeat(6)}`).replace('initial: 0 }', `initial: 0.${'1'.repeat(5000)} }`);
    const path = file('digits.yaml', digits);
    const first = sandtable(['run', path, '--seed', '1', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(sandtable(['run', path, '--seed', '1', '--json']).stdout).toBe(first.stdout);
  });

  it('in a run record are refused field by field', () => {
    const data = JSON.parse(readFileSync(record, 'utf8'));
    for (const [field, value, pattern] of [
      ['seed', 1e300, /has an invalid field seed: /],
      ['turns', 1e308, /has an invalid field turns: /],
      ['formatVersion', 1e308, /format version 1e\+308; this sandtable reads versions 1 and 2/],
    ] as const) {
      expectRefused(sandtable(['replay', file(`huge-${field}.json`, JSON.stringify({ ...data, [field]: value }))]), pattern);
    }
    // 1e999 is valid JSON for Infinity, which no field accepts.
    expectRefused(sandtable(['replay', file('infinite-seed.json', readFileSync(record, 'utf8').replace(/"seed": \d+/, '"seed": 1e999'))]), /has an invalid field seed: /);
  });
});

describe('enormous lists', () => {
  it('in a run record are refused before anything is replayed', () => {
    const data = JSON.parse(readFileSync(record, 'utf8'));
    const many = Array.from({ length: MAX_RECORD_INTERVENTIONS + 1 }, (_, i) => ({ kind: 'force', event: 'russian-expansion', turn: 1 + (i % 4) }));
    expectRefused(sandtable(['replay', file('many-interventions.json', JSON.stringify({ ...data, interventions: many }))]),
      new RegExp(`has an invalid field interventions: .*${MAX_RECORD_INTERVENTIONS}`));
    const hashes = Array.from({ length: 100_000 }, () => data.finalHash);
    expectRefused(sandtable(['replay', file('many-hashes.json', JSON.stringify({ ...data, hashes }))]), /has an invalid field hashes: /);
  });
});

describe('very long strings', () => {
  it('are refused at their limit, with the length', () => {
    expectProblem(file('long-title.yaml', coinWith('title: A coin that comes up heads with probability p', `title: ${'x'.repeat(1_000_000)}`)),
      new RegExp(`title: is 1000000 characters long; the limit is ${LIMITS.text}`));
    expectProblem(file('long-id.yaml', coinWith('id: coin\n', `id: ${'c'.repeat(5000)}\n`)), /id: is 5000 characters long; the limit is 64/);
    expectProblem(file('long-expression.yaml', coinWith('chance: param.p', `chance: "${'param.p + '.repeat(20_000)}0"`)),
      new RegExp(`rules\\[0\\]\\.chance: is 200001 characters long; the limit is ${MAX_EXPRESSION_LENGTH}`));
    expectProblem(file('long-key.yaml', coinWith('  p: 0.3', `  p: 0.3\n  ${'k'.repeat(100_000)}: 1`)), /is not valid YAML or JSON: .*at most 1024 chars/);
  });

  it('that fit in a file of the largest size are read, and one byte more is refused', () => {
    const padded = (size: number) => `${COIN_TEXT}# ${'y'.repeat(size - Buffer.byteLength(COIN_TEXT) - 3)}\n`;
    const fits = file('largest.yaml', padded(MAX_FILE_BYTES));
    expect(sandtable(['validate', fits]).code).toBe(0);
    expectRefused(sandtable(['validate', file('too-large.yaml', padded(MAX_FILE_BYTES + 1))]),
      new RegExp(`too-large\\.yaml is ${MAX_FILE_BYTES + 1} bytes; scenario files are limited to ${MAX_FILE_BYTES} bytes`));
  });
});

describe('bytes that are not UTF-8', () => {
  // "café" in Latin-1: the é is the byte 0xE9, which cannot start a UTF-8 character there.
  const latin1 = (before: string, after: string) => Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);

  it('in a scenario file are refused at their line and column, not silently replaced', () => {
    const text = coinWith('title: A coin that comes up heads with probability p', 'title: A caf');
    const [head, tail] = [text.slice(0, text.indexOf('A caf') + 5), text.slice(text.indexOf('A caf') + 5)];
    expectProblem(file('latin1.yaml', latin1(head, tail)), /latin1\.yaml:4:13: is not UTF-8 text; save the file as UTF-8/);
  });

  it('in every other file a command reads are refused with their line and column', () => {
    const json = JSON.stringify(JSON.parse(readFileSync(record, 'utf8')), null, 2);
    const cut = json.indexOf('"engineVersion"');
    const line = json.slice(0, cut).split('\n').length;
    for (const [what, args, kind] of READERS.slice(1)) {
      const path = file(`latin1-${what.replace(/\W+/g, '-')}.json`, latin1(json.slice(0, cut), json.slice(cut)));
      expectRefused(sandtable(args(path)), new RegExp(`${kind.source} .*latin1.* is not UTF-8 text \\(line ${line}, column 3\\); save it as UTF-8`));
    }
  });
});

describe('files that are not files', () => {
  it('a directory is named as one', () => {
    const directory = at('folder.yaml');
    mkdirSync(directory);
    for (const [, args] of READERS) expectRefused(sandtable(args(directory)), /folder\.yaml is a directory/);
  });

  it('a missing file is named as missing', () => {
    for (const [, args, kind] of READERS) {
      expectRefused(sandtable(args(at('missing.yaml'))), new RegExp(`cannot read ${kind.source} .*missing\\.yaml: no such file`));
    }
  });

  it('a path through a regular file is refused (ENOTDIR fails even for root)', () => {
    const through = join(file('plain.yaml', COIN_TEXT), 'inside.yaml');
    for (const [, args, kind] of READERS) {
      expectRefused(sandtable(args(through)), new RegExp(`cannot read ${kind.source} .*inside\\.yaml: a part of the path is not a directory`));
    }
  });

  it('a file without read permission is refused, also for root with its privileges dropped', () => {
    const locked = file('locked.yaml', COIN_TEXT);
    chmodSync(locked, 0o000);
    for (const [, args, kind] of READERS) {
      expectRefused(sandtableUnprivileged(args(locked)), new RegExp(`cannot read ${kind.source} .*locked\\.yaml: permission denied`));
    }
  });

  it('a file the system makes up (/proc/self/mem) is refused by its real path before it is read', () => {
    const mem = at('mem.yaml');
    symlinkSync('/proc/self/mem', mem);
    for (const [, args, kind] of READERS) {
      expectRefused(sandtable(args(mem)), new RegExp(`${kind.source} .*mem\\.yaml is /proc/\\d+/mem, a file the system makes up as it is read`));
    }
  });

  it('a pipe with no writer is refused at once instead of waiting forever', () => {
    const fifo = at('pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const [, args] of READERS) expectRefused(sandtable(args(fifo)), /pipe\.yaml is not a regular file/);
  });

  it('an endless device (/dev/zero) is refused instead of read until memory runs out', () => {
    const zero = at('zero.yaml');
    symlinkSync('/dev/zero', zero);
    for (const [, args] of READERS) expectRefused(sandtable(args(zero)), /zero\.yaml is not a regular file/);
  });

  it('each of these also fails as the --scenario of a replay, before anything runs', () => {
    expectRefused(sandtable(['replay', record, '--scenario', at('missing.yaml')]), /cannot read scenario file .*missing\.yaml: no such file/);
    expectRefused(sandtable(['replay', record, '--scenario', at('pipe.yaml')]), /pipe\.yaml is not a regular file/);
  });

  it('the files used above are real inputs the commands accept', () => {
    expect(sandtable(['replay', record, '--verify']).code).toBe(0);
    expect(sandtable(['merge', shard]).code).toBe(0);
  });
});
