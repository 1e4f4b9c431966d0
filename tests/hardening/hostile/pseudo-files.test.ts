import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { USER_FILES } from '../../../src/cli/files.js';
import { hashOf } from '../../../src/engine/hash.js';
import { MAX_SEED } from '../../../src/engine/random.js';
import { MAX_RECORD_INTERVENTIONS, MAX_TURNS, parseRecord, RECORD_FORMAT, RECORD_FORMAT_VERSION } from '../../../src/engine/record.js';
import { MAX_FILE_BYTES } from '../../../src/scenarios/load.js';
import { COIN } from '../../batch/helpers.js';
import { scratch } from '../../batch/cli.js';
import { sandtable } from '../../helpers.js';
import { expectRefused } from '../helpers.js';

// Every reader of a file from outside, against every kind of file that is not
// a file on disk: files the system makes up as they are read (/proc, /sys),
// devices, a pipe, a directory, chains and loops of symbolic links. A file
// under /proc can stat as a regular file of 0 bytes and then never end, so
// each must be refused by what it really is, with one line and exit 2, before
// anything is read from it; a size cap alone does not stop it.

const dir = scratch('pseudo-files');
const at = (name: string) => join(dir, name);
const COIN_TEXT = readFileSync(COIN, 'utf8');

/** A readable regular file under /sys (the first that exists here). */
const SYS_FILE = ['/sys/kernel/uevent_seqnum', '/sys/kernel/address_bits', '/sys/power/state', '/sys/devices/system/cpu/online']
  .find((path) => existsSync(path));

let record = '';
let shard = '';

/** Every command that reads a file from outside, given that file's path; `kind` is how its messages name it. */
const READERS: { name: string; kind: RegExp; args: (path: string) => string[]; lines?: number }[] = [
  { name: 'scenario file', kind: /scenario file/, args: (path) => ['validate', path] },
  {
    name: 'extends: file',
    kind: /cannot extend .*scenario file/,
    args: (path) => {
      const child = at(`child-of-${path.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(child, `extends: ${relative(dir, path)}\nid: child\n`);
      return ['validate', child];
    },
    // The problem, then validate's count of problems.
    lines: 2,
  },
  { name: 'replay --scenario', kind: /scenario file/, args: (path) => ['replay', record, '--scenario', path] },
  { name: 'run record (replay)', kind: /run record/, args: (path) => ['replay', path] },
  { name: 'run record (report)', kind: /run record/, args: (path) => ['report', path, '--runs', '2'] },
  { name: 'shard file', kind: /shard file/, args: (path) => ['merge', path] },
  { name: 'inject file', kind: /inject file/, args: (path) => ['exercise', 'niger-2024', '--role', 'usa', '--injects', path] },
];

/** A symbolic link named like a file a command takes, to `target`. */
function link(name: string, target: string): string {
  symlinkSync(target, at(name));
  return at(name);
}

beforeAll(() => {
  const made = sandtable(['run', '--seed', '3', '--turns', '4', '--record', at('record.json')]);
  expect(made.code, made.stderr).toBe(0);
  record = at('record.json');
  shard = at('shard.json');
  writeFileSync(shard, sandtable(['batch', COIN, '--runs', '3', '--seed', '1', '--turns', '2', '--shard', '1/1', '--workers', '1']).stdout);
});

describe('files the system makes up, whatever they stat as', () => {
  const pseudo: [string, () => string][] = [
    ['a symbolic link to /proc/self/pagemap (stats as a regular file of 0 bytes, reads for many GB)', () => link('pagemap.json', '/proc/self/pagemap')],
    ['a symbolic link to /proc/self/mem', () => link('mem.json', '/proc/self/mem')],
    ['a symbolic link to /proc/self/environ (would show the environment)', () => link('environ.json', '/proc/self/environ')],
    ['a symbolic link to a /sys file', () => link('sys.json', SYS_FILE!)],
    ['a chain of symbolic links ending at /proc/self/pagemap', () => link('chain.json', link('chain-2.json', link('chain-3.json', '/proc/self/pagemap')))],
  ];
  for (const [what, make] of pseudo) {
    it(`${what} is refused by every reader, by its real path`, () => {
      expect(SYS_FILE).toBeDefined();
      const path = make();
      for (const reader of READERS) {
        expectRefused(sandtable(reader.args(path)),
          new RegExp(`${reader.kind.source} .* is /(proc|sys)/\\S+, a file the system makes up as it is read`), reader.lines);
      }
    });
  }
});

describe('files that are not regular files', () => {
  const devices: [string, () => string, RegExp][] = [
    ['/dev/zero (never ends)', () => link('zero.json', '/dev/zero'), /zero\.json is not a regular file/],
    ['/dev/urandom (never ends)', () => link('urandom.json', '/dev/urandom'), /urandom\.json is not a regular file/],
    ['a pipe with no writer (would wait forever)', () => {
      execFileSync('mkfifo', [at('pipe.json')]);
      return at('pipe.json');
    }, /pipe\.json is not a regular file/],
    ['a directory', () => {
      mkdirSync(at('folder.json'));
      return at('folder.json');
    }, /folder\.json is a directory/],
    ['a symbolic link to a directory under /dev', () => link('shm.json', '/dev/shm'), /shm\.json is a directory/],
    ['a loop of symbolic links', () => {
      symlinkSync(at('loop-b.json'), at('loop-a.json'));
      symlinkSync(at('loop-a.json'), at('loop-b.json'));
      return at('loop-a.json');
    }, /loop-a\.json: its symbolic links go round in a loop/],
  ];
  for (const [what, make, pattern] of devices) {
    it(`${what} is refused by every reader`, () => {
      const path = make();
      for (const reader of READERS) {
        expectRefused(sandtable(reader.args(path)), new RegExp(`${reader.kind.source}.*${pattern.source}`), reader.lines);
      }
    });
  }

  it('is refused without being opened: a writer waiting on a pipe is still waiting afterwards', async () => {
    // Opening a device can have effects of its own; a pipe shows whether it was opened,
    // since a writer's open of it returns only once a reader has opened it.
    const pipe = at('watched.json');
    execFileSync('mkfifo', [pipe]);
    const writer = spawn('sh', ['-c', `echo x > '${pipe}'`], { stdio: 'ignore' });
    let exited = false;
    writer.on('exit', () => { exited = true; });
    for (const reader of READERS) expectRefused(sandtable(reader.args(pipe)), /not a regular file/, reader.lines);
    await new Promise((done) => setTimeout(done, 300));
    expect(exited).toBe(false);
    writer.kill('SIGKILL');
  });
});

describe('files larger than their kind needs', () => {
  // Sparse files: as large as they claim, without the disk space.
  const sparse = (name: string, size: number) => {
    writeFileSync(at(name), '');
    truncateSync(at(name), size);
    return at(name);
  };
  const kinds: [string, number, string[], (path: string) => string[]][] = [
    ['scenario file', MAX_FILE_BYTES, ['scenario files', '4 MiB'], (path) => ['validate', path]],
    ['run record', USER_FILES['run record'].limit, ['run records', '32 MiB'], (path) => ['replay', path]],
    ['shard file', USER_FILES['shard file'].limit, ['shard files', '64 MiB'], (path) => ['merge', path, path, path]],
    ['inject file', USER_FILES['inject file'].limit, ['inject files', '4 MiB'], (path) => ['exercise', 'niger-2024', '--role', 'usa', '--injects', path]],
  ];
  for (const [what, limit, [plural, mib], args] of kinds) {
    it(`a ${what} one byte over ${mib} is refused before it is read or parsed`, () => {
      const path = sparse(`${what.replace(/ /g, '-')}-too-large.json`, limit + 1);
      expectRefused(sandtable(args(path)), new RegExp(`${what} .*too-large\\.json is ${limit + 1} bytes; ${plural} are limited to ${limit} bytes \\(${mib}\\)`));
    });
  }

  it('an inject file is checked before the exercise asks for a terminal', () => {
    // No terminal here: the inject file's problem is what is reported, not the missing terminal.
    const path = sparse('injects-40mb.yaml', 40_000_000);
    expectRefused(sandtable(['exercise', 'niger-2024', '--role', 'usa', '--injects', path]), /inject file .*injects-40mb\.yaml is 40000000 bytes; inject files are limited to/);
  });

  it('a shard too large says how to make smaller ones', () => {
    const path = sparse('huge-shard.json', 240_000_000);
    expectRefused(sandtable(['merge', path, path, path]), /huge-shard\.json is 240000000 bytes; .*split the batch into more shards/);
  });

  it('the largest run record the format allows fits within the run record limit, with room to spare', () => {
    const id = 'x'.repeat(64);
    const hash = '0'.repeat(64);
    const interventions = Array.from({ length: MAX_RECORD_INTERVENTIONS }, (_, i) => [
      { kind: 'force', event: id, turn: MAX_TURNS },
      { kind: 'block', event: id, from: MAX_TURNS, to: 1_000_000 },
      { kind: 'set', path: `coop.${id}.${id}`, value: 0.123456789012345, turn: MAX_TURNS },
      { kind: 'choose', actor: id, action: id, turn: MAX_TURNS },
    ][i % 4]);
    // A version 2 record embeds its scenario: a scenario file is at most 4 MiB, and as JSON
    // written with indentation it is taken to be at most twice that.
    const scenarioData = { filler: 'x'.repeat(2 * MAX_FILE_BYTES) };
    const largest = {
      format: RECORD_FORMAT, formatVersion: RECORD_FORMAT_VERSION, engineVersion: '0.1.0',
      scenario: { id, variant: id, hash, dataHash: hashOf(scenarioData) },
      switches: Array.from({ length: MAX_TURNS }, () => ({ turn: MAX_TURNS, variant: id, hash })),
      seed: MAX_SEED, turns: MAX_TURNS, interventions, hashes: Array(MAX_TURNS + 1).fill(hash), finalHash: hash,
      scenarioData,
    };
    // As `run --record` writes it.
    const text = `${JSON.stringify(largest, null, 2)}\n`;
    expect(parseRecord(text).interventions).toHaveLength(MAX_RECORD_INTERVENTIONS);
    expect(Buffer.byteLength(text) * 1.15).toBeLessThan(USER_FILES['run record'].limit);
  });

  it('the files used above are real inputs the commands accept', () => {
    expect(sandtable(['replay', record, '--verify']).code).toBe(0);
    expect(sandtable(['merge', shard]).code).toBe(0);
    writeFileSync(at('base.yaml'), COIN_TEXT);
    writeFileSync(at('child.yaml'), 'extends: base.yaml\nid: child\n');
    expect(sandtable(['validate', at('child.yaml')]).code).toBe(0);
  });
});
