import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COIN } from '../../batch/helpers.js';
import { ok, scratch } from '../../batch/cli.js';
import { expectRefused } from '../helpers.js';
import { fullPlaces, missingPlace, readOnlyPlaces, throughFilePlace, unmountAll, type Place } from './places.js';

// Every command that writes a file, against every place a write can fail:
// one line `sandtable: error: cannot write FILE: REASON`, exit 2, and the
// directory exactly as it was (no output file, no temporary file).

const inputs = scratch('fault-inputs');
let record = '';
let shard = '';

beforeAll(() => {
  record = join(inputs, 'record.json');
  ok(['run', '--seed', '5', '--turns', '12', '--record', record]);
  shard = join(inputs, 'shard.json');
  writeFileSync(shard, ok(['sweep', COIN, '--set', 'p=0:1:40', '--runs', '2', '--seed', '1', '--turns', '2', '--shard', '1/1', '--workers', '1']));
});

afterAll(unmountAll);

/** The commands that write a file, each writing well over 1 KiB to `out`. */
const WRITERS: [string, (out: string) => string[]][] = [
  ['run --record', (out) => ['run', '--seed', '1', '--turns', '600', '--record', join(out, 'run.json')]],
  ['batch --csv', (out) => ['batch', '--runs', '20', '--seed', '1', '--turns', '24', '--workers', '2', '--csv', join(out, 'runs.csv')]],
  ['sweep --csv', (out) => ['sweep', COIN, '--set', 'p=0:1:40', '--runs', '2', '--seed', '1', '--turns', '2', '--workers', '1', '--csv', join(out, 'sweep.csv')]],
  ['merge --csv', (out) => ['merge', shard, '--csv', join(out, 'merged.csv')]],
  ['report --out', (out) => ['report', record, '--runs', '5', '--out', join(out, 'report.html')]],
  ['init', (out) => ['init', join(out, 'scenario.yaml')]],
];

function expectCannotWrite(place: Place): void {
  for (const [command, args] of WRITERS) {
    const before = readdirOrNothing(place.dir);
    const argv = args(place.dir);
    const target = argv.find((arg) => arg.startsWith(place.dir))!;
    const result = place.run(argv);
    expectRefused(result, new RegExp(`^sandtable: error: cannot write ${escape(target)}: ${place.reason.source}`));
    expect(readdirOrNothing(place.dir), `${command} in ${place.name}`).toEqual(before);
  }
}

function readdirOrNothing(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('an output file that cannot be written', () => {
  it('is refused in a read-only directory (without write permission, and on a read-only tmpfs where mounting is permitted)', () => {
    const places = readOnlyPlaces();
    expect(places.length).toBeGreaterThanOrEqual(1);
    for (const place of places) expectCannotWrite(place);
  });

  it('is refused when the disk fills part-way through (a file-size limit, and a full tmpfs where mounting is permitted)', () => {
    const places = fullPlaces();
    expect(places.length).toBeGreaterThanOrEqual(1);
    for (const place of places) expectCannotWrite(place);
  });

  it('is refused in a directory that does not exist', () => {
    expectCannotWrite(missingPlace());
  });

  it('is refused under a path through a regular file', () => {
    expectCannotWrite(throughFilePlace());
  });

  it('is written by every one of these commands where it can be', () => {
    const fine = scratch('fault-fine');
    for (const [, args] of WRITERS) ok(args(fine));
    expect(readdirSync(fine).sort()).toEqual(['merged.csv', 'report.html', 'run.json', 'runs.csv', 'scenario.yaml', 'sweep.csv']);
  });
});
